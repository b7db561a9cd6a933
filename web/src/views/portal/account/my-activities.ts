// Pure helpers of My account → Activities (issue 22): what the worker's registration says in
// their words (a seat, 候补第 N 位, an offer with its countdown), whether they may still cancel
// (a held seat until the cut-off, a waitlist place until the start: core MayCancel), and the
// time left of an offer in hours and minutes.
import type { ActivitiesApi } from '@/api/activities'

type Translate = (key: string, params?: Record<string, unknown>) => string

export const HOUR_MS = 3_600_000

/** "5 小时 20 分" / "5 h 20 min" style, from ms left (never negative); minutes rounded down. */
export function timeLeft(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (locale.startsWith('zh')) return h > 0 ? `${h} 小时 ${m} 分` : `${m} 分钟`
  return h > 0 ? `${h} h ${m} min` : `${m} min`
}

/** The line under the activity's title that says where the worker stands. */
export function stateLine(item: ActivitiesApi.MyActivity, t: Translate): string {
  const mine = item.mine
  if (!mine) {
    const left = Math.max(0, item.activity.capacity - item.activity.seats_taken)
    if (left > 0 && item.activity.waitlisted === 0) {
      return t('portalActivities.seatsLeft', { left, capacity: item.activity.capacity })
    }
    return t('portalActivities.full', { waiting: item.activity.waitlisted })
  }
  if (mine.state === 'seated') return t('portalActivities.registeredSeat')
  if (mine.state === 'waitlisted' && mine.waitlist_place) {
    return t('portalActivities.waitlistPlace', { place: mine.waitlist_place })
  }
  return t(`portalActivities.states.${mine.state}`)
}

/** Whether the register button joins the waitlist rather than taking a seat (Decide: a seat only
 *  while seats are left and nobody waits). */
export function joinsWaitlist(a: ActivitiesApi.Activity): boolean {
  return a.seats_taken >= a.capacity || a.waitlisted > 0
}

/** Whether the worker may cancel at `now`: a held seat until cancel_until, a waitlist place
 *  until the start; nothing else is cancelled by the worker. */
export function mayCancel(item: ActivitiesApi.MyActivity, now: number): boolean {
  const state = item.mine?.state
  if (state === 'seated' || state === 'offered') return now < item.cancel_until
  if (state === 'waitlisted') return now < item.activity.starts_at
  return false
}

/** An offer still open at `now`. */
export function offerOpen(item: ActivitiesApi.MyActivity, now: number): boolean {
  return item.mine?.state === 'offered' && item.mine.confirm_by !== null && now < item.mine.confirm_by
}
