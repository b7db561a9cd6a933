import { describe, expect, it, vi } from 'vitest'
import { nextTick, reactive } from 'vue'
import { useServerErrors } from './form-errors'
import { ApiError } from './request'

vi.mock('./error-sink', () => ({ showApiError: vi.fn() }))
const { showApiError } = await import('./error-sink')

function apiError(errors: { field: string; message: string }[]): ApiError {
  return new ApiError('problem', 400, { title: 'Bad', detail: 'bad input', errors })
}

describe('useServerErrors', () => {
  it('puts field errors under their fields and clears them', () => {
    const { errors, clear, report } = useServerErrors()
    report(apiError([{ field: 'uscc', message: '校验位错误' }, { field: 'name', message: '必填项' }]))
    expect(errors).toEqual({ uscc: '校验位错误', name: '必填项' })
    expect(showApiError).not.toHaveBeenCalled()
    clear()
    expect(errors).toEqual({})
  })

  it('sends failures without field errors to the error sink', () => {
    const { errors, report } = useServerErrors()
    const error = apiError([])
    report(error)
    expect(showApiError).toHaveBeenCalledWith(error)
    expect(errors).toEqual({})
  })

  it('drops a field error once that field changes, and only that one', async () => {
    const form = reactive({ title: '', phone: '139', employerText: '' })
    const { errors, report } = useServerErrors(form, { employerText: ['employer_id'] })
    report(apiError([{ field: 'title', message: '必填项' }, { field: 'phone', message: '格式不对' }, { field: 'employer_id', message: '请选择' }]))
    form.title = '工资拖欠'
    await nextTick()
    expect(errors).toEqual({ phone: '格式不对', employer_id: '请选择' })
    form.employerText = '北京汇智'
    await nextTick()
    expect(errors).toEqual({ phone: '格式不对' })
  })
})
