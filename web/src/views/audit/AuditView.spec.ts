import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import { AUDIT_ACTIONS } from '@/api/audit'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import AuditView from './AuditView.vue'
import { detailItems } from './audit-labels'

function router() {
  const page = { template: '<div />' }
  const routes: RouteRecordRaw[] = ['member', 'request', 'org', 'enterprise', 'user'].map((name) => ({ path: `/${name}/:id`, name, component: page }))
  routes.push({ path: '/', name: 'audit', component: AuditView }, { path: '/transfers', name: 'member-transfers', component: page }, { path: '/import', name: 'member-import', component: page })
  return createRouter({ history: createMemoryHistory(), routes })
}

function entry(id: string, action: string, target = { type: 'user', id: '42' }, detail: Record<string, string> = { reason: '回访' }) {
  return {
    id,
    at: 1795593600000,
    actor: { id: '7', username: 'admin' },
    remote_addr: '192.0.2.1',
    action,
    target,
    outcome: 'ok',
    detail,
  }
}

function json(body: object): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  fetchMock = vi.fn()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

function urlOf(call: unknown[] | undefined): URL {
  const input = call?.[0]
  const text = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input)
  return new URL(text, 'http://localhost')
}

describe('AuditView', () => {
  it('lists entries, searches by user and action, and loads more with the cursor', async () => {
    fetchMock
      .mockResolvedValueOnce(json({ entries: [entry('2', 'personal_data.reveal')], next_cursor: '2' }))
      .mockResolvedValueOnce(json({ entries: [entry('1', 'session.login')], next_cursor: null }))
      .mockResolvedValueOnce(json({ entries: [], next_cursor: null }))
    const wrapper = mount(AuditView, { global: { plugins: [i18n, router()] }, attachTo: document.body })
    await flushPromises()

    expect(urlOf(fetchMock.mock.calls[0]).pathname).toBe('/api/v1/audit')
    expect(wrapper.text()).toContain('查看完整个人信息')
    expect(wrapper.text()).toContain('原因回访')

    await wrapper.find('[data-testid="audit-more"]').trigger('click')
    await flushPromises()
    expect(urlOf(fetchMock.mock.calls[1]).searchParams.get('cursor')).toBe('2')
    expect(wrapper.text()).toContain('登录')
    expect(wrapper.find('[data-testid="audit-more"]').exists()).toBe(false)

    await wrapper.find('input[data-testid="audit-user"], [data-testid="audit-user"] input').setValue('admin')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const search = urlOf(fetchMock.mock.calls[2])
    expect(search.searchParams.get('user')).toBe('admin')
    expect(search.searchParams.get('cursor')).toBeNull()
    expect(wrapper.text()).toContain('没有符合条件的记录')
  })

  it('names actions, record kinds and detail keys in words, links the record, and never shows a server path', async () => {
    const request = entry('3', 'request.follow_up', { type: 'service_request', id: '911784479297343228' }, { reason: 'low_rating', tracking_number: '261121091467926' })
    const imported = entry('4', 'members.import', { type: 'member_import', id: '5' }, { file: '/tmp/zhijia-imports/roster-1.xlsx' })
    const unknown = entry('5', 'proposal.submit', { type: 'proposal', id: 'x' }, {})
    fetchMock.mockResolvedValueOnce(json({ entries: [request, imported, unknown], next_cursor: null }))
    const r = router()
    await r.push('/')
    const wrapper = mount(AuditView, { global: { plugins: [i18n, r] }, attachTo: document.body })
    await flushPromises()
    const text = wrapper.text()
    for (const words of ['诉求回访', '诉求', '原因评价不满意', '查询编号261121091467926', '导入会员名册', '名册导入', '文件roster-1.xlsx']) expect(text).toContain(words)
    expect(text).not.toContain('/tmp/')
    expect(text).not.toContain('service_request')
    // A newer server's codes are shown as they are, not dropped.
    expect(text).toContain('proposal.submit')
    const links = wrapper.findAll('[data-testid="audit-target-link"]')
    expect(links.map((l) => l.attributes('href'))).toEqual(['/request/911784479297343228', '/import'])

    setLocale('en')
    await flushPromises()
    expect(wrapper.text()).toContain('Follow-up visit')
    expect(wrapper.text()).toContain('ReasonRated unsatisfied')
  })

  it('names both inputs of the date range for screen readers', async () => {
    fetchMock.mockResolvedValue(json({ entries: [], next_cursor: null }))
    mount(AuditView, { global: { plugins: [i18n, router()] }, attachTo: document.body })
    await flushPromises()
    for (const [id, name] of [['audit-range-from', '时间'], ['audit-range-to', '结束日期']]) {
      const input = document.getElementById(id as string)
      expect(input?.tagName, id).toBe('INPUT')
      const label = document.querySelector(`label[for="${id}"]`)
      expect(label?.textContent?.trim(), id).toBe(name)
    }
  })

  it('translates every action the filter offers, in both locales', () => {
    const t = i18n.global.t as (k: string) => string
    for (const locale of ['zh-CN', 'en'] as const) {
      setLocale(locale)
      for (const action of AUDIT_ACTIONS) expect(i18n.global.te(`audit.actions.${action.replaceAll('.', '_')}`), `${locale} ${action}`).toBe(true)
      expect(detailItems(t, (k) => i18n.global.te(k), { purpose: 'member.create' })[0]?.value).not.toBe('member.create')
    }
  })

  it("names an org's kind and a job's kind, both recorded under the detail key kind", () => {
    const t = i18n.global.t as (k: string) => string
    const te = (k: string) => i18n.global.te(k)
    setLocale('zh-CN')
    const org = detailItems(t, te, { kind: 'grassroots', parent_kind: 'street' })
    expect(org.map((i) => [i.label, i.value])).toEqual([['类型', '基层工会'], ['上级组织类型', '街道（乡镇）工会']])
    expect(detailItems(t, te, { kind: 'members_import' })[0]?.value).toBe('会员名册导入')
    setLocale('en')
    expect(detailItems(t, te, { kind: 'grassroots' })[0]?.value).not.toBe('grassroots')
    expect(detailItems(t, te, { kind: 'no_such_kind' })[0]?.value).toBe('no_such_kind')
  })
})
