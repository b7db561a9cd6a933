import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import AidGrantsView from './AidGrantsView.vue'

function grant(id: string, status: string) {
  return {
    id,
    file_id: '9',
    org: { id: '3', name: '东城某公司工会' },
    kind: 'living',
    period: '2026',
    amount_fen: 1450000,
    status,
    approver_level: 'district',
    budget_org_id: '2',
    rule: { key: 'aid.rule.months_of_dibao', args: {}, text: '10 个月低保（每月 1,450.00 元）× 1' },
    proposed_by: '11',
    proposed_at: 1795593600000,
    decided_by: null,
    decided_at: null,
    updated_at: 1795593600000,
    refuse_reason: status === 'refused' ? '材料不全' : null,
  }
}

function json(body: object): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

function urlOf(call: unknown[] | undefined): URL {
  const input = call?.[0]
  const text = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input)
  return new URL(text, 'http://localhost')
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

describe('AidGrantsView', () => {
  it('opens on the grants waiting for the caller, then lists a status with its decisions', async () => {
    fetchMock
      .mockResolvedValueOnce(json({ items: [grant('7', 'proposed')], next_cursor: null }))
      .mockResolvedValueOnce(json({ items: [grant('6', 'refused')], next_cursor: null }))
    const view = mount(AidGrantsView, { global: { plugins: [i18n], stubs: { RouterLink: true } } })
    await flushPromises()
    expect(urlOf(fetchMock.mock.calls[0]).pathname).toBe('/api/v1/aid/grants')
    expect(urlOf(fetchMock.mock.calls[0]).searchParams.get('to_decide')).toBe('me')
    expect(view.get('[data-testid="aid-grant-amount"]').text()).toBe('¥14,500.00')
    expect(view.text()).toContain('10 个月低保')
    expect(view.find('[data-testid="aid-grant-approve"]').exists()).toBe(true)

    await view.findAll('.el-tabs__item').at(4)!.trigger('click')
    await flushPromises()
    expect(urlOf(fetchMock.mock.calls[1]).searchParams.get('status')).toBe('refused')
    expect(view.find('[data-testid="aid-grant-approve"]').exists()).toBe(false)
    expect(view.text()).toContain('材料不全')
    expect(view.text()).toContain(i18n.global.t('aidGrants.statuses.refused'))
    view.unmount()
  })
})
