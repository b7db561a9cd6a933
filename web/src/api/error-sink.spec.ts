import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { apiErrorMessage } from './error-sink'
import { ApiError } from './request'

describe('apiErrorMessage', () => {
  it('reads a refused one-time code as the server says it, not as an expired session', () => {
    i18n.global.locale.value = 'zh-CN'
    const refused = new ApiError('problem', 401, { code: 'error.sign_in.code_invalid', detail: '验证码不正确或已失效，请重新获取' })
    expect(apiErrorMessage(refused)).toBe('验证码不正确或已失效，请重新获取')
  })

  it('reads any other 401 as an expired session, and a 4xx by its detail', () => {
    i18n.global.locale.value = 'zh-CN'
    const lost = new ApiError('problem', 401, { code: 'error.auth.unauthenticated', detail: 'not signed in' })
    expect(apiErrorMessage(lost)).toBe(i18n.global.t('errors.sessionExpired'))
    expect(apiErrorMessage(new ApiError('problem', 409, { detail: '已有待审批的接转' }))).toBe('已有待审批的接转')
    expect(apiErrorMessage(new ApiError('network', 0))).toBe(i18n.global.t('errors.network'))
  })
})
