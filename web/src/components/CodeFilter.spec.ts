import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { queryCode } from '@/utils/paged-list'
import CodeFilter from './CodeFilter.vue'

describe('queryCode', () => {
  it('keeps a known code from the address and reads anything else as "any"', () => {
    expect(queryCode('stage2', ['stage1', 'stage2'])).toBe('stage2')
    expect(queryCode('stage3', ['stage1', 'stage2'])).toBe('')
    expect(queryCode(['stage1'], ['stage1'])).toBe('')
    expect(queryCode(undefined, ['stage1'])).toBe('')
  })
})

describe('CodeFilter', () => {
  it('offers "any" and one labelled option per code, passes the testid and label through, and binds the code', async () => {
    const chosen = ref('b')
    const wrapper = mount(CodeFilter, {
      props: {
        modelValue: chosen.value,
        'onUpdate:modelValue': (v: string) => (chosen.value = v),
        label: '阶段',
        anyLabel: '全部',
        codes: ['a', 'b'],
        labelOf: (c: string) => `标签${c}`,
        testid: 'some-filter',
      },
      attachTo: document.body,
    })
    const select = wrapper.find('[data-testid="some-filter"]')
    expect(select.exists()).toBe(true)
    expect(wrapper.find('input').attributes('aria-label')).toBe('阶段')
    await wrapper.find('.el-select__wrapper').trigger('click')
    await nextTick()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(['全部', '标签a', '标签b'])
    ;(document.querySelectorAll('.el-select-dropdown__item')[1] as HTMLElement).click()
    await nextTick()
    expect(chosen.value).toBe('a')
    wrapper.unmount()
  })
})
