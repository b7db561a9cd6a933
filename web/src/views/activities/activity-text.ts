// Pure helpers of the console's activity pages (issue 22): the status tag's colour, the form's
// fields as the API takes them (yuan to fen, empty waitlist limit as "no limit", instants as
// Unix ms) and the field errors of a refused form keyed by field.
import type { ActivitiesApi } from '@/api/activities'

export const KINDS = ['culture', 'sport', 'outing', 'service', 'lecture'] as const
export const STATUSES = ['draft', 'open', 'closed', 'done', 'cancelled'] as const

export function statusTagType(status: ActivitiesApi.Status): 'info' | 'success' | 'warning' | 'danger' | 'primary' {
  return ({ draft: 'info', open: 'success', closed: 'warning', done: 'primary', cancelled: 'danger' } as const)[status]
}

export interface ActivityForm {
  kind: ActivitiesApi.Kind
  title: string
  place: string
  startsAt: Date | null
  endsAt: Date | null
  opensAt: Date | null
  closesAt: Date | null
  capacity: number
  waitlistMax: number | null
  cancelCutoffHours: number
  confirmHours: number
  feeYuan: number
  walkIns: boolean
}

export function emptyForm(): ActivityForm {
  return {
    kind: 'sport',
    title: '',
    place: '',
    startsAt: null,
    endsAt: null,
    opensAt: null,
    closesAt: null,
    capacity: 50,
    waitlistMax: null,
    cancelCutoffHours: 24,
    confirmHours: 24,
    feeYuan: 0,
    walkIns: false,
  }
}

/** The body of POST /api/v1/activities: money in whole fen, times as Unix ms (0 when unset, which
 *  the server refuses with its field error). */
export function fieldsOf(form: ActivityForm, orgId?: string): ActivitiesApi.Fields {
  const ms = (d: Date | null) => (d ? d.getTime() : 0)
  return {
    ...(orgId ? { org_id: orgId } : {}),
    kind: form.kind,
    title: form.title.trim(),
    place: form.place.trim(),
    starts_at: ms(form.startsAt),
    ends_at: ms(form.endsAt),
    opens_at: ms(form.opensAt),
    closes_at: ms(form.closesAt),
    capacity: form.capacity,
    waitlist_max: form.waitlistMax === null || Number.isNaN(form.waitlistMax) ? null : form.waitlistMax,
    cancel_cutoff_hours: form.cancelCutoffHours,
    confirm_hours: form.confirmHours,
    fee_fen: Math.round(form.feeYuan * 100),
    walk_ins: form.walkIns,
  }
}

/** The registrations in the order the organiser reads them, split: who holds a seat (seated,
 *  offered), the waitlist in order, and the rest. */
export function splitRegistrations(regs: ActivitiesApi.Registration[]): {
  holding: ActivitiesApi.Registration[]
  waiting: ActivitiesApi.Registration[]
  gone: ActivitiesApi.Registration[]
} {
  const holding = regs.filter((r) => r.state === 'seated' || r.state === 'offered')
  const waiting = regs.filter((r) => r.state === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
  const gone = regs.filter((r) => r.state === 'cancelled' || r.state === 'lapsed')
  return { holding, waiting, gone }
}
