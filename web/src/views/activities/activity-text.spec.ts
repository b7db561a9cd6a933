import { describe, expect, it } from 'vitest'
import type { ActivitiesApi } from '@/api/activities'
import { emptyForm, fieldsOf, splitRegistrations, statusTagType } from './activity-text'

function reg(id: string, state: ActivitiesApi.SeatState, position: number | null = null): ActivitiesApi.Registration {
  return { id, activity_id: '1', member_id: id, member_name: '张**', union_name: '甲公司工会', state, position, place: null, confirm_by: null, registered_at: 0, changed_at: 0 }
}

describe('activity text', () => {
  it('sends money in fen, times in ms and an empty waitlist limit as no limit', () => {
    const form = { ...emptyForm(), title: ' 职工足球杯 ', place: '体育中心', feeYuan: 12.5, startsAt: new Date(Date.UTC(2026, 11, 12)) }
    const body = fieldsOf(form, '42')
    expect(body.org_id).toBe('42')
    expect(body.title).toBe('职工足球杯')
    expect(body.fee_fen).toBe(1250)
    expect(body.starts_at).toBe(Date.UTC(2026, 11, 12))
    expect(body.ends_at).toBe(0)
    expect(body.waitlist_max).toBeNull()
    expect(fieldsOf({ ...form, waitlistMax: 0 }).waitlist_max).toBe(0)
  })

  it('puts the seats first, then the waitlist in its order, then the rest', () => {
    const split = splitRegistrations([reg('a', 'waitlisted', 7), reg('b', 'cancelled'), reg('c', 'seated'), reg('d', 'waitlisted', 3), reg('e', 'offered', 1)])
    expect(split.holding.map((r) => r.id)).toEqual(['c', 'e'])
    expect(split.waiting.map((r) => r.id)).toEqual(['d', 'a'])
    expect(split.gone.map((r) => r.id)).toEqual(['b'])
    expect(statusTagType('cancelled')).toBe('danger')
  })
})
