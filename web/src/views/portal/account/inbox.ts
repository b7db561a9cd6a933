// How the inbox shows an entry: its kind picks a message of the locales (portalInbox.kinds.*)
// filled with its parameters, so an entry reads in the reader's language whatever language the
// server wrote it in; a kind this portal does not know yet (a newer server) reads as a generic
// update rather than as a raw key. Request kinds open the request in My requests; transfer kinds
// (a transfer the worker asked for, decided by the unions) open My membership; correction kinds
// (a correction of the worker's record, decided by the union) open My data.
import type { RouteLocationRaw } from 'vue-router'
import type { NotificationsApi } from '@/api/notifications'

/** The kinds this portal renders; each has portalInbox.kinds.<kind with _ for .>. */
export const knownKinds = [
  'request.accepted',
  'request.contacted',
  'request.resolved',
  'request.rejected',
  'request.closed',
  'request.reply',
  'transfer.approved',
  'transfer.rejected',
  'correction.applied',
  'correction.rejected',
  'activity.cancelled',
  'activity.offered',
  'certificate.expiring',
] as const

export function messageKey(kind: string): string {
  return (knownKinds as readonly string[]).includes(kind)
    ? `portalInbox.kinds.${kind.replace('.', '_')}`
    : 'portalInbox.kinds.unknown'
}

/** The message's arguments: the entry's parameters as text (missing ones empty); a corrected
 *  field's name (a correction kind's `field`) read through `t` in the reader's language. */
export function messageArgs(entry: NotificationsApi.Entry, t?: (key: string) => string): Record<string, string> {
  const out: Record<string, string> = { number: '', title: '' }
  for (const [key, value] of Object.entries(entry.params)) {
    if (value !== null && value !== undefined) out[key] = String(value)
  }
  if (t && entry.kind.startsWith('correction.') && out.field) out.field = t(`portalAccount.corrections.fields.${out.field}`)
  return out
}

/** Where tapping the entry leads, or nothing. */
export function entryLink(entry: NotificationsApi.Entry): RouteLocationRaw | undefined {
  if (entry.kind.startsWith('request.') && entry.subject_id) {
    return { name: 'portal-my-request', params: { id: entry.subject_id } }
  }
  if (entry.kind.startsWith('transfer.')) return { name: 'portal-membership' }
  if (entry.kind.startsWith('correction.')) return { name: 'portal-my-data' }
  if (entry.kind === 'activity.cancelled' || entry.kind === 'activity.offered') return { name: 'portal-activities' }
  if (entry.kind === 'certificate.expiring') return { name: 'portal-training' }
  return undefined
}

/** The badge on the navigation: nothing at 0, "99+" past 99 (the server counts up to its cap). */
export function badgeText(unread: number): string {
  if (unread <= 0) return ''
  return unread > 99 ? '99+' : String(unread)
}
