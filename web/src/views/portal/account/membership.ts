// How My membership reads: a history line's message (portalMembership.history.*) and its
// arguments, a transfer's state as a tag, whether the worker may ask for a transfer now, and
// the ask form's checks before it goes to the server (which checks again and has the last word).
import type { MyMembershipApi } from '@/api/my-membership'

/** The locale key of a history line; an unknown kind (a newer server) reads as a generic line. */
export function historyKey(event: MyMembershipApi.HistoryEvent): string {
  return ['joined', 'transferred', 'status'].includes(event.kind)
    ? `portalMembership.history.${event.kind}`
    : 'portalMembership.history.unknown'
}

/** The line's arguments as text; `statusLabel` names a member status in the reader's language. */
export function historyArgs(event: MyMembershipApi.HistoryEvent, statusLabel: (status: string) => string): Record<string, string> {
  const out: Record<string, string> = { union: '', from: '', to: '', status: '', on: '' }
  for (const [key, value] of Object.entries(event.params)) out[key] = value ?? ''
  if (out.status) out.status = statusLabel(out.status)
  return out
}

// A transfer's state is coloured as on the console's transfer list.
export { transferStateTagType as transferTag } from '@/views/members/member-display'

/** The member's pending transfer, whoever asked for it. */
export function pendingTransfer(m: MyMembershipApi.Membership): MyMembershipApi.Transfer | null {
  return m.transfers.find((t) => t.state === 'pending') ?? null
}

/** An active member with no transfer pending may ask (one pending per member). */
export function mayAskTransfer(m: MyMembershipApi.Membership): boolean {
  return m.member.status === 'active' && pendingTransfer(m) === null
}

export interface TransferForm {
  to_union_id: string
  reason: string
  new_employer: string
}

/** Field → locale key of what is missing; empty when the form may be sent. */
export function checkTransferForm(form: TransferForm): Partial<Record<keyof TransferForm, string>> {
  const out: Partial<Record<keyof TransferForm, string>> = {}
  if (!form.to_union_id) out.to_union_id = 'portalMembership.ask.unionRequired'
  if ([...form.reason.trim()].length < 2) out.reason = 'portalMembership.ask.reasonRequired'
  return out
}

/** The request body: trimmed, without an empty new employer. */
export function transferBody(form: TransferForm): MyMembershipApi.NewTransfer {
  const employer = form.new_employer.trim()
  return { to_union_id: form.to_union_id, reason: form.reason.trim(), ...(employer ? { new_employer: employer } : {}) }
}
