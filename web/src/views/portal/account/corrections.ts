// The worker's correction form in My data: what the form holds becomes the changes sent (only the
// fields filled in, trimmed, and not the value on record), and how a correction's values and
// state read. The ID number is not among the fields: it changes only through the union.
import type { MemberCorrectionsApi } from '@/api/member-corrections'

export const correctableFields: readonly MemberCorrectionsApi.Field[] = ['name', 'gender', 'ethnicity', 'employer', 'phone']

export type CorrectionForm = Record<MemberCorrectionsApi.Field, string>

export function emptyCorrectionForm(): CorrectionForm {
  return { name: '', gender: '', ethnicity: '', employer: '', phone: '' }
}

/** The values on record, as far as the worker's page knows them (the phone only masked). */
export type CurrentValues = Partial<Record<MemberCorrectionsApi.Field, string | null>>

/** The changes to send: each field filled in, trimmed, that differs from the value on record. */
export function changesOf(form: CorrectionForm, current: CurrentValues): MemberCorrectionsApi.Change[] {
  const out: MemberCorrectionsApi.Change[] = []
  for (const field of correctableFields) {
    const value = form[field].trim()
    if (value === '' || value === (current[field] ?? '').trim()) continue
    out.push({ field, value })
  }
  return out
}

/** A value as shown: a gender through the locale, anything else as the server sent it. */
export function shownValue(field: MemberCorrectionsApi.Field, value: string | null, t: (key: string) => string): string {
  if (value === null || value === '') return '—'
  if (field === 'gender' && (value === 'male' || value === 'female')) return t(`members.genders.${value}`)
  return value
}

export function stateTagType(state: MemberCorrectionsApi.State): 'warning' | 'success' | 'info' {
  if (state === 'pending') return 'warning'
  return state === 'applied' ? 'success' : 'info'
}
