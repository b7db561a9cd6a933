import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { OrgsApi } from '@/api/orgs'
import { i18n } from '@/locales'

const pending = new Map<string, (list: OrgsApi.List) => void>()
vi.mock('@/api/orgs', () => ({
  searchOrgsApi: (q: string) => new Promise((resolve) => pending.set(q, resolve)),
}))

const { default: OrgPicker } = await import('./OrgPicker.vue')

function org(id: string, name: string): OrgsApi.Org {
  return { id, name, code: id, kind: 'grassroots', parent_id: null }
}

function shownOptions(): string[] {
  return [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim() ?? '')
}

describe('OrgPicker', () => {
  afterEach(() => pending.clear())

  it('keeps the options of the newest search when an older one answers last', async () => {
    const wrapper = mount(OrgPicker, { global: { plugins: [i18n] }, attachTo: document.body })
    const select = wrapper.findComponent({ name: 'ElSelect' })
    // opening searches '' and typing searches the text; the '' answer comes back second
    ;(select.props('remoteMethod') as (q: string) => void)('')
    ;(select.props('remoteMethod') as (q: string) => void)('东华门')
    pending.get('东华门')!({ items: [org('u1', '东华门会员测试工会')] })
    await flushPromises()
    pending.get('')!({ items: [org('d1', '东城区总工会'), org('s1', '东华门街道工会')] })
    await flushPromises()
    await wrapper.find('.el-select__wrapper').trigger('click')
    await flushPromises()
    expect(shownOptions().join('|')).toContain('东华门会员测试工会')
    expect(shownOptions().join('|')).not.toContain('东城区总工会')
    wrapper.unmount()
  })
})
