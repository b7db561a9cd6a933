import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@/locales'
import CompositionTable from './CompositionTable.vue'

const composition = {
  total: 3,
  pass: false,
  rules: [
    { category: 'woman', bound: '>=' as const, percent: 30, count: 1, total: 3, share_bp: 3333, pass: true, limit: 1, needed: 0, needed_changing_size: null },
    { category: 'frontline', bound: '>=' as const, percent: 50, count: 1, total: 3, share_bp: 3333, pass: false, limit: 2, needed: 1, needed_changing_size: 1 },
  ],
}

describe('CompositionTable', () => {
  it('shows each rule with its count, share and pass, and what a failing one still needs', () => {
    setLocale('zh-CN')
    const wrapper = mount(CompositionTable, {
      props: { composition, quotas: [{ org_id: '5', org_name: '东华门街道', category: '', max: 2, count: 3, over: true, over_by: 1 }], testid: 'table' },
      global: { plugins: [i18n] },
    })
    expect(wrapper.findAll('[data-testid="rule-count"]').map((w) => w.text())).toEqual(['1', '1'])
    expect(wrapper.findAll('[data-testid="rule-share"]').map((w) => w.text())).toEqual(['33.33%', '33.33%'])
    expect(wrapper.findAll('[data-testid="rule-result"]').map((w) => w.text())).toEqual(['符合', '不符合'])
    expect(wrapper.findAll('[data-testid="rule-need"]').map((w) => w.text())).toEqual(['还差 1 人'])
    expect(wrapper.text()).toContain('一线职工')
    expect(wrapper.find('[data-testid="quota-line"]').text()).toBe('东华门街道（总数）：3 / 2 · 超出 1 名')
  })

  it('speaks English', () => {
    setLocale('en')
    const wrapper = mount(CompositionTable, { props: { composition, testid: 'table' }, global: { plugins: [i18n] } })
    expect(wrapper.find('[data-testid="rule-need"]').text()).toBe('1 more needed')
    expect(wrapper.text()).toContain('Frontline workers')
    setLocale('zh-CN')
  })
})
