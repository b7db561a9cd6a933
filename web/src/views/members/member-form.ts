// The member edit form's values and the PATCH body they make: only what changed is sent, an
// empty phone means "keep the stored one", and a status change carries its date if given.
import type { MembersApi } from '@/api/members'
import { toHalfWidth } from '@/api/members'

export interface MemberForm {
  /** Empty: keep the stored number (the form never sees it in full). */
  phone: string
  ethnicity: string
  employer_name: string
  /** YYYY-MM-DD or '' */
  join_date: string
  migrant_worker: boolean
  model_worker: boolean
  status: MembersApi.SettableStatus
  /** YYYY-MM-DD or '' */
  status_changed_on: string
}

export function memberChanges(member: MembersApi.Summary & { ethnicity: string | null }, form: MemberForm): MembersApi.Changes {
  const changes: MembersApi.Changes = {}
  const phone = toHalfWidth(form.phone).replace(/\s+/g, '')
  if (phone) changes.phone = phone
  const ethnicity = form.ethnicity.trim()
  if (ethnicity !== (member.ethnicity ?? '')) changes.ethnicity = ethnicity
  const employer = form.employer_name.trim()
  if (employer !== (member.employer.name ?? '')) changes.employer_name = employer
  if ((form.join_date || '') !== (member.join_date ?? '')) changes.join_date = form.join_date || ''
  if (form.migrant_worker !== member.migrant_worker) changes.migrant_worker = form.migrant_worker
  if (form.model_worker !== member.model_worker) changes.model_worker = form.model_worker
  if (member.status !== 'transferred_out' && form.status !== member.status) {
    changes.status = form.status
    if (form.status_changed_on) changes.status_changed_on = form.status_changed_on
  }
  return changes
}
