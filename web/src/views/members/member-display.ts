// How member data is shown, in one place: status colours, event and detail wording, due dates.
import type { MembersApi } from '@/api/members'

type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary'

/** Active members green, those who moved away grey, the rest (retired, deceased, left) neutral. */
export function statusTagType(status: MembersApi.Status): TagType {
  switch (status) {
    case 'active':
      return 'success'
    case 'transferred_out':
      return 'info'
    case 'deceased':
      return 'info'
    default:
      return 'warning'
  }
}

export function transferStateTagType(state: MembersApi.TransferState): TagType {
  switch (state) {
    case 'pending':
      return 'warning'
    case 'approved':
      return 'success'
    case 'rejected':
      return 'danger'
    default:
      return 'info'
  }
}

/** A timestamp the server sent as Unix milliseconds or as an ISO string, as milliseconds. */
export function toMillis(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return value
  const asNumber = Number(value)
  if (Number.isFinite(asNumber)) return asNumber
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : parsed
}

/** A pending transfer whose 10-working-day deadline has passed (decidable from above). */
export function transferOverdue(transfer: Pick<MembersApi.Transfer, 'state' | 'due_at'>, nowMs: number): boolean {
  const due = toMillis(transfer.due_at)
  return transfer.state === 'pending' && due !== null && due < nowMs
}

/**
 * An event's detail as short "key: value" text. The server sends a JSON object (or its text);
 * field names get their label through `label`, values (e.g. a revealed field's name) through
 * `valueLabel`; both return null for what they do not know, and `label` returns '' for a field
 * not worth showing (an internal id).
 */
export function eventDetailText(
  detail: MembersApi.Event['detail'],
  label: (key: string) => string | null = () => null,
  valueLabel: (key: string, value: string) => string | null = () => null,
): string {
  if (detail === null || detail === undefined) return ''
  let value: unknown = detail
  if (typeof detail === 'string') {
    try {
      value = JSON.parse(detail)
    } catch {
      return detail
    }
  }
  if (value === null || typeof value !== 'object') return String(value)
  return Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && label(k) !== '')
    .map(([k, v]) => {
      const text = typeof v === 'object' ? JSON.stringify(v) : String(v)
      return `${label(k) ?? k}: ${valueLabel(k, text) ?? text}`
    })
    .join('; ')
}
