// Pure helpers of the service-request pages: the SLA countdown (turns red once overdue), the
// tracking number as typed and as shown, and the category list as a two-level tree.
import type { RequestsApi } from '@/api/requests'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface Countdown {
  overdue: boolean
  /** Message key under requests.sla and its {time} in whole days/hours/minutes. */
  key: 'left' | 'overdue' | 'none'
  parts: { unit: 'days' | 'hours' | 'minutes'; n: number }[]
}

/** How long until `due` (Unix ms) from `now`, in at most two units; nothing due → key 'none'. */
export function countdown(due: number | null, now: number): Countdown {
  if (due === null) return { overdue: false, key: 'none', parts: [] }
  const overdue = now >= due
  let rest = Math.abs(due - now)
  const days = Math.floor(rest / DAY)
  rest -= days * DAY
  const hours = Math.floor(rest / HOUR)
  rest -= hours * HOUR
  const minutes = Math.floor(rest / MINUTE)
  const parts: Countdown['parts'] = []
  if (days > 0) parts.push({ unit: 'days', n: days })
  if (hours > 0) parts.push({ unit: 'hours', n: hours })
  if (days === 0) parts.push({ unit: 'minutes', n: minutes })
  return { overdue, key: overdue ? 'overdue' : 'left', parts: parts.slice(0, 2) }
}

/** The countdown as text through the caller's translate function, named after the milestone it
 *  counts to when known ("距受理时限 1天15小时", "1 d 15 h left to accept"). */
export function countdownText(
  c: Countdown,
  t: (key: string, args?: Record<string, unknown>) => string,
  milestone: RequestsApi.Milestone | null = null,
): string {
  if (c.key === 'none') return t('requests.sla.none')
  const time = c.parts.map((p) => t(`requests.sla.${p.unit}`, { n: p.n })).join(' ')
  if (milestone) {
    return t(`requests.sla.${c.key === 'overdue' ? 'overdueOn' : 'leftTo'}`, { time, milestone: t(`requests.sla.milestones.${milestone}`) })
  }
  return t(`requests.sla.${c.key}`, { time })
}

/** The tracking number as typed: spaces and hyphens dropped, full-width digits made ASCII. */
export function normaliseTrackingNumber(typed: string): string {
  return typed
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-\u2010-\u2015\u3000]/g, '')
}

/** Shown in groups for reading out on the phone: 261126 1234 56789. */
export function groupTrackingNumber(number: string): string {
  return number.length === 15 ? `${number.slice(0, 6)} ${number.slice(6, 10)} ${number.slice(10)}` : number
}

export interface CategoryOption {
  value: string
  label: string
  /** A sub-type (shown indented under its parent). */
  sub: boolean
}

/** Active categories for one select: each top level followed by its sub-types, labelled
 *  "维权投诉 · 欠薪" so the choice reads whole once picked. */
export function categoryOptions(categories: RequestsApi.Category[]): CategoryOption[] {
  const active = categories.filter((c) => c.active)
  const out: CategoryOption[] = []
  for (const top of active.filter((c) => c.parent_code === null)) {
    out.push({ value: top.code, label: top.name, sub: false })
    for (const c of active.filter((c) => c.parent_code === top.code)) {
      out.push({ value: c.code, label: `${top.name} · ${c.name}`, sub: true })
    }
  }
  return out
}

/** Whether a string is 4 digits (half- or full-width). */
export function isLast4(text: string): boolean {
  return /^\d{4}$/.test(normaliseTrackingNumber(text))
}

type Translate = (key: string, args?: Record<string, unknown>) => string

/** What one history entry says, for staff and for the worker alike (the body is shown apart). */
export function eventLabel(
  e: { kind: string; from_status: string | null; to_status: string | null; org_name: string | null },
  t: Translate,
): string {
  switch (e.kind) {
    case 'status':
      if (!e.from_status) return t('requests.events.created')
      return t('requests.events.status', {
        from: t(`requests.statuses.${e.from_status}`),
        to: t(`requests.statuses.${e.to_status ?? ''}`),
      })
    case 'escalated':
      return t('requests.events.escalated', { org: e.org_name ?? '' })
    case 'transferred':
      return t('requests.events.transferred', { org: e.org_name ?? '' })
    case 'reassigned':
      return t('requests.events.reassigned', { org: e.org_name ?? '' })
    case 'note':
    case 'reply':
    case 'rated':
    case 'follow_up':
      return t(`requests.events.${e.kind}`)
    default:
      return e.kind
  }
}
