import { describe, expect, it } from 'vitest'
import type { ActivitiesApi } from '@/api/activities'
import { HOUR_MS, joinsWaitlist, mayCancel, offerOpen, stateLine, timeLeft } from './my-activities'

const start = Date.UTC(2026, 11, 12, 1, 0)

function item(mine: Partial<ActivitiesApi.Mine> | null, seats = 5, waiting = 0): ActivitiesApi.MyActivity {
  return {
    activity: {
      id: '1', org_id: '2', kind: 'sport', title: '职工足球杯', place: '体育中心',
      starts_at: start, ends_at: start + 4 * HOUR_MS, opens_at: 0, closes_at: start - HOUR_MS,
      capacity: 10, waitlist_max: null, cancel_cutoff_hours: 24, confirm_hours: 24, walk_ins: false,
      fee_fen: 0, audience: 'subtree', status: 'open', seats_taken: seats, waitlisted: waiting, checked_in: 0,
      created_at: 0, updated_at: 0,
    },
    org_name: '朝阳区总工会',
    mine: mine ? { state: 'seated', confirm_by: null, waitlist_place: null, registered_at: 0, ...mine } : null,
    cancel_until: start - 24 * HOUR_MS,
    can_register: mine === null,
  }
}

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`

describe('my activities', () => {
  it('says 候补第 N 位 for a waitlist place, and seats left or full for none', () => {
    expect(stateLine(item({ state: 'waitlisted', waitlist_place: 3 }), t)).toBe('portalActivities.waitlistPlace{"place":3}')
    expect(stateLine(item(null, 4), t)).toBe('portalActivities.seatsLeft{"left":6,"capacity":10}')
    expect(stateLine(item(null, 10, 2), t)).toBe('portalActivities.full{"waiting":2}')
    // A free seat while others wait is not the newcomer's: the queue comes first.
    expect(stateLine(item(null, 9, 1), t)).toBe('portalActivities.full{"waiting":1}')
    expect(joinsWaitlist(item(null, 9, 1).activity)).toBe(true)
    expect(joinsWaitlist(item(null, 9, 0).activity)).toBe(false)
  })

  it('lets a seat be cancelled until the cut-off and a waitlist place until the start', () => {
    const seat = item({ state: 'seated' })
    expect(mayCancel(seat, start - 24 * HOUR_MS - 1)).toBe(true)
    expect(mayCancel(seat, start - 24 * HOUR_MS)).toBe(false)
    const waiting = item({ state: 'waitlisted', waitlist_place: 1 })
    expect(mayCancel(waiting, start - HOUR_MS)).toBe(true)
    expect(mayCancel(waiting, start)).toBe(false)
    expect(mayCancel(item({ state: 'cancelled' }), 0)).toBe(false)
  })

  it('counts an offer down to its confirm-by', () => {
    const offer = item({ state: 'offered', confirm_by: start - 10 * HOUR_MS })
    expect(offerOpen(offer, start - 11 * HOUR_MS)).toBe(true)
    expect(offerOpen(offer, start - 10 * HOUR_MS)).toBe(false)
    expect(timeLeft(5 * HOUR_MS + 20 * 60_000 + 59_000, 'zh-CN')).toBe('5 小时 20 分')
    expect(timeLeft(20 * 60_000, 'en')).toBe('20 min')
    expect(timeLeft(-5, 'en')).toBe('0 min')
  })
})
