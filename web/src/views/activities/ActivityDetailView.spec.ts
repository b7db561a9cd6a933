import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ActivitiesApi } from '@/api/activities'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import ActivityDetailView from './ActivityDetailView.vue'

const activity: ActivitiesApi.Activity = {
  id: '7', org_id: '2', kind: 'sport', title: '职工足球杯', place: '体育中心',
  starts_at: Date.UTC(2026, 11, 12, 1), ends_at: Date.UTC(2026, 11, 12, 5), opens_at: 0, closes_at: Date.UTC(2026, 11, 11),
  capacity: 2, waitlist_max: null, cancel_cutoff_hours: 24, confirm_hours: 24, walk_ins: false, fee_fen: 0,
  audience: 'subtree', status: 'open', seats_taken: 2, waitlisted: 2, checked_in: 0, created_at: 0, updated_at: 0,
}

function reg(id: string, state: ActivitiesApi.SeatState, position: number | null, place: number | null = null): ActivitiesApi.Registration {
  return { id, activity_id: '7', member_id: `m${id}`, member_name: `张${id}*`, union_name: '甲公司工会', state, position, place, confirm_by: null, registered_at: 0, changed_at: 0 }
}

function answer(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

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

describe('ActivityDetailView', () => {
  it('lists who holds a seat, then the waitlist in its order, then the cancelled', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/activities/:id', name: 'activity', component: ActivityDetailView }] })
    await router.push('/activities/7')
    fetchMock.mockImplementation((url: string) =>
      Promise.resolve(
        url.includes('/registrations')
          ? answer(200, { items: [reg('d', 'waitlisted', 9, 2), reg('x', 'cancelled', null), reg('a', 'seated', null), reg('c', 'waitlisted', 4, 1), reg('b', 'offered', 2)], next_cursor: null })
          : answer(200, { activity, org_name: '朝阳区总工会', audience_orgs: [] }),
      ),
    )
    const wrapper = mount(ActivityDetailView, { global: { plugins: [i18n, router] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="activity-seats"]').text()).toBe('2 / 2')
    const members = wrapper.findAll('[data-testid="activity-registration-member"]').map((m) => m.text())
    expect(members).toEqual(['张a*', '张b*', '张c*', '张d*', '张x*'])
    const states = wrapper.findAll('[data-testid="activity-registration-state"]').map((m) => m.text())
    expect(states).toEqual(['已报名', '待确认', '候补', '候补', '已取消'])
    // Every live registration may be cancelled by staff; a cancelled one may not.
    expect(wrapper.findAll('[data-testid="activity-registration-cancel"]')).toHaveLength(4)
    expect(wrapper.find('[data-testid="activity-open"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="activity-close"]').exists()).toBe(true)
  })
})
