import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ActivitiesApi } from '@/api/activities'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import PortalMyActivitiesView from './PortalMyActivitiesView.vue'

const HOUR = 3_600_000
const now = Date.now()

function activity(id: string, seats: number, waiting: number): ActivitiesApi.Activity {
  return {
    id, org_id: '2', kind: 'sport', title: `足球杯 ${id}`, place: '体育中心',
    starts_at: now + 72 * HOUR, ends_at: now + 76 * HOUR, opens_at: now - HOUR, closes_at: now + 48 * HOUR,
    capacity: 10, waitlist_max: null, cancel_cutoff_hours: 24, confirm_hours: 24, walk_ins: false, fee_fen: 0,
    audience: 'subtree', status: 'open', seats_taken: seats, waitlisted: waiting, checked_in: 0, created_at: 0, updated_at: 0,
  }
}

function item(id: string, mine: ActivitiesApi.Mine | null, seats = 10, waiting = 3): ActivitiesApi.MyActivity {
  const a = activity(id, seats, waiting)
  return { activity: a, org_name: '朝阳区总工会', mine, cancel_until: a.starts_at - 24 * HOUR, can_register: mine === null }
}

function answer(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } })
}

const router = createRouter({
  history: createMemoryHistory(),
  routes: ['portal-me', 'portal-binding', 'portal-activities'].map((name) => ({ path: `/${name}`, name, component: { template: '<div />' } })),
})

let fetchMock: ReturnType<typeof vi.fn>
beforeEach(() => {
  setActivePinia(createPinia())
  fetchMock = vi.fn()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
  setLocale('zh-CN')
})
afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

describe('PortalMyActivitiesView', () => {
  it('shows the waitlist number, an offer with its countdown, and the cut-off', async () => {
    fetchMock.mockResolvedValueOnce(
      answer(200, {
        items: [
          item('1', { state: 'waitlisted', confirm_by: null, waitlist_place: 2, registered_at: now }),
          item('2', { state: 'offered', confirm_by: now + 5 * HOUR + 30 * 60_000, waitlist_place: null, registered_at: now }),
        ],
        next_cursor: null,
      }),
    )
    const wrapper = mount(PortalMyActivitiesView, { global: { plugins: [i18n, router] }, attachTo: document.body })
    await flushPromises()
    const states = wrapper.findAll('[data-testid="portal-activity-state"]').map((s) => s.text())
    expect(states[0]).toBe('候补第 2 位')
    const offer = wrapper.find('[data-testid="portal-activity-offer"]')
    expect(offer.text()).toMatch(/剩余 5 小时 (29|30) 分/)
    expect(wrapper.findAll('[data-testid="portal-activity-cutoff"]')[1]!.text()).toContain('前可取消')

    fetchMock
      .mockResolvedValueOnce(answer(200, item('2', { state: 'seated', confirm_by: null, waitlist_place: null, registered_at: now })))
      .mockResolvedValueOnce(answer(200, { items: [], next_cursor: null }))
    await wrapper.find('[data-testid="portal-activity-confirm"]').trigger('click')
    await flushPromises()
    const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit]
    expect(url).toContain('/api/v1/me/activities/2/confirm')
    expect(init.method).toBe('POST')
  })

  it('registers for the waitlist when seats are gone and says the number it got', async () => {
    fetchMock
      .mockResolvedValueOnce(answer(200, { items: [item('3', null, 10, 4)], next_cursor: null }))
      .mockResolvedValueOnce(answer(201, item('3', { state: 'waitlisted', confirm_by: null, waitlist_place: 5, registered_at: now })))
      .mockResolvedValueOnce(answer(200, { items: [item('3', { state: 'waitlisted', confirm_by: null, waitlist_place: 5, registered_at: now })], next_cursor: null }))
    const wrapper = mount(PortalMyActivitiesView, { global: { plugins: [i18n, router] }, attachTo: document.body })
    await flushPromises()
    const button = wrapper.find('[data-testid="portal-activity-register"]')
    expect(button.text()).toBe('报名候补')
    await button.trigger('click')
    await flushPromises()
    const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit]
    expect(url).toContain('/api/v1/me/activities/3/registration')
    expect(init.method).toBe('POST')
    expect(wrapper.find('[data-testid="portal-activity-state"]').text()).toBe('候补第 5 位')
    expect(wrapper.find('[data-testid="portal-activity-register"]').exists()).toBe(false)
  })
})
