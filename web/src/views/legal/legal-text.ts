// The legal case pages' logic that is not layout: the types and stages in order, the stages a
// case may move to next (forward only, as the server's core/legal), a stage's dates in words,
// the flags a case carries (collective, its alert), and the "open a case" form's payload. Pure
// functions, tested in legal-text.spec.ts. Money is written by hardship-text's yuan().
import type { LegalApi } from '@/api/legal'
import { parseYuan } from '@/views/hardship/hardship-text'

type Translate = (key: string, params?: Record<string, unknown>) => string

export const CASE_TYPES: LegalApi.CaseType[] = ['wage_arrears', 'contract', 'work_injury', 'social_insurance', 'dismissal', 'overtime']
export const STAGES: LegalApi.Stage[] = ['consultation', 'mediation', 'arbitration', 'litigation', 'enforcement', 'closed']
/** The categories of a request that may become a legal case. */
export function isLegalCategory(code: string | null | undefined): boolean {
  return code === 'legal_aid' || (code ?? '').startsWith('rights.')
}

/** The open stages after `stage`, in order (skipping forward is allowed; closing is apart). */
export function nextStages(stage: LegalApi.Stage): LegalApi.Stage[] {
  if (stage === 'closed') return []
  return STAGES.slice(STAGES.indexOf(stage) + 1).filter((s) => s !== 'closed')
}

/** The open stages the case has been in, in the order of the stages, each once (documents are
 *  kept per stage: a stage entered twice has one set). */
export function reachedStages(entries: Pick<LegalApi.StageEntry, 'stage'>[]): LegalApi.Stage[] {
  const seen = new Set(entries.map((e) => e.stage))
  return STAGES.filter((s) => s !== 'closed' && seen.has(s))
}

/** The tag colour of a stage: the further, the warmer; closed grey. */
export function stageTagType(stage: LegalApi.Stage): 'info' | 'primary' | 'warning' | 'danger' | 'success' {
  if (stage === 'closed') return 'info'
  if (stage === 'consultation') return 'primary'
  if (stage === 'mediation') return 'success'
  if (stage === 'arbitration') return 'warning'
  return 'danger'
}

/** "2026-11-01 起" for the open stage, "2026-11-01 至 2026-11-10" for an ended one. */
export function stageSpan(entry: LegalApi.StageEntry, t: Translate): string {
  return entry.ended_on ? t('legal.detail.range', { from: entry.started_on, to: entry.ended_on }) : t('legal.detail.since', { from: entry.started_on })
}

/** The flags shown beside a case's title: collective, and its alert waiting or acknowledged. */
export function caseFlags(c: Pick<LegalApi.Case, 'collective' | 'alerted_at' | 'alert_acknowledged_at'>, t: Translate): string[] {
  const flags: string[] = []
  if (c.collective) flags.push(t('legal.collective'))
  if (c.alerted_at !== null) flags.push(t(c.alert_acknowledged_at === null ? 'legal.alertOpen' : 'legal.alertAcknowledged'))
  return flags
}

/** The part of the claim recovered, 0..100 (whole percent, rounded down); null without a claim. */
export function recoveredShare(c: Pick<LegalApi.Case, 'claimed_fen' | 'recovered_fen'>): number | null {
  if (c.claimed_fen <= 0) return null
  return Math.min(100, Math.floor((c.recovered_fen * 100) / c.claimed_fen))
}

export interface CaseForm {
  requestId: string
  orgId: string
  type: LegalApi.CaseType
  title: string
  uscc: string
  employerName: string
  claimed: string
}

/** The body of "open a case", or the form's field that is wrong ("claimed"); blanks left out. */
export function newCasePayload(form: CaseForm): { body: LegalApi.NewCase } | { field: 'claimed' } {
  const claimedText = form.claimed.trim()
  const claimed = claimedText ? parseYuan(claimedText) : 0
  if (claimed === null) return { field: 'claimed' }
  const body: LegalApi.NewCase = { type: form.type, title: form.title.trim(), claimed_fen: claimed }
  if (form.requestId.trim()) body.request_id = form.requestId.trim()
  if (form.orgId.trim()) body.org_id = form.orgId.trim()
  if (form.uscc.trim()) body.employer_uscc = form.uscc.trim().toUpperCase()
  if (form.employerName.trim()) body.employer_name = form.employerName.trim()
  return { body }
}
