// How My help (我的帮扶) reads and what its application form sends: the file's stage as a step of
// the step bar and as one line in the worker's words, a grant's status as a tag and a line, a
// period in words; and the application's checks before it goes to the server (which checks again
// and has the last word), keyed by the server's field names (household[2].id_number, …). Pure
// functions, tested in my-hardship.spec.ts.
import type { HardshipApi } from '@/api/hardship'
import type { MyHardshipApi } from '@/api/my-hardship'
import type { RequestsApi } from '@/api/requests'
import { parseYuan, yuan } from '@/views/hardship/hardship-text'
import { looksLikeIdNumber, normaliseIdNumber } from './account-input'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** The step bar's steps, in order; a closed file shows none of them as current. */
export const WORKER_STEPS: MyHardshipApi.Stage[] = ['applied', 'under_review', 'visited', 'publicity', 'active']
/** The people of a household besides the worker: at most 19 (20 with the worker, as the server). */
export const MAX_OTHERS = 19
export const MAX_SECONDARY = 3
/** Relations the worker may give another person of the household (the worker is "self"). */
export const OTHER_RELATIONS: HardshipApi.Relation[] = ['spouse', 'child', 'parent', 'sibling', 'grandparent', 'other']

/** The step bar's active index: the stage's place; an active file has reached the last step
 *  (every step done), and a closed one is past them all. */
export function stepIndex(stage: MyHardshipApi.Stage): number {
  if (stage === 'active' || stage === 'closed') return WORKER_STEPS.length
  const i = WORKER_STEPS.indexOf(stage)
  return i < 0 ? 0 : i
}

/** The file's stage as one line: "公示中，至 2026-12-01", "已建档，下次复核 2027-11-25", … */
export function stageLine(file: MyHardshipApi.File, t: Translate): string {
  if (file.stage === 'publicity' && file.publicity_ends_on) return t('portalHardship.stageLine.publicityUntil', { date: file.publicity_ends_on })
  if (file.stage === 'active' && file.review_due_on) return t('portalHardship.stageLine.activeReview', { date: file.review_due_on })
  if (file.stage === 'closed') {
    const reason = file.close_reason ? t(`hardship.closeReasons.${file.close_reason}`) : ''
    return t('portalHardship.stageLine.closed', { reason, date: file.closed_on ?? '' })
  }
  return t(`portalHardship.stageLine.${file.stage}`)
}

/** A grant's status tag colour: paid is done, approved on its way, under approval waits. */
export function grantTag(status: MyHardshipApi.GrantStatus): 'success' | 'primary' | 'warning' | 'info' {
  if (status === 'paid') return 'success'
  if (status === 'approved') return 'primary'
  if (status === 'under_approval') return 'warning'
  return 'info'
}

/** A grant's status in words, with the day it was paid. */
export function grantStatusText(grant: MyHardshipApi.Grant, t: Translate): string {
  if (grant.status === 'paid' && grant.paid_on) return t('portalHardship.grant.paidOn', { date: grant.paid_on })
  return t(`portalHardship.grant.statuses.${grant.status}`)
}

/** "2026" → "2026 年", "2026-03" → "2026 年 3 月" (in the reader's language). */
export function periodText(period: string, t: Translate): string {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period)
  if (!m) return period
  return m[2] ? t('portalHardship.grant.month', { year: m[1], month: String(Number(m[2])) }) : t('portalHardship.grant.year', { year: m[1] })
}

/** An amount in yuan for the worker: "¥14,500.00". */
export function yuanText(fen: number): string {
  return `¥${yuan(fen)}`
}

/** The open file, if any (the newest first). */
export function openFile(mine: MyHardshipApi.Mine): MyHardshipApi.File | null {
  return mine.files.find((f) => f.stage !== 'closed') ?? null
}

export interface OtherPerson {
  relation: HardshipApi.Relation
  name: string
  idNumber: string
  income: string
}
export interface ApplyForm {
  selfIncome: string
  people: OtherPerson[]
  expenses: { kind: HardshipApi.ExpenseKind; amount: string }[]
  suddenCost: string
  suddenMedical: string
  mainCause: string
  secondaryCauses: string[]
}

export function emptyApplyForm(): ApplyForm {
  return { selfIncome: '', people: [], expenses: [], suddenCost: '', suddenMedical: '', mainCause: '', secondaryCauses: [] }
}

export function emptyOther(): OtherPerson {
  return { relation: 'spouse', name: '', idNumber: '', income: '' }
}

/** The household's size: the worker and the others. */
export function householdSize(form: ApplyForm): number {
  return 1 + form.people.length
}

/** The ID number's check character (GB 11643, ISO 7064 MOD 11-2) is right. */
export function idCheckDigitOk(text: string): boolean {
  const id = normaliseIdNumber(text)
  if (!looksLikeIdNumber(id)) return false
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return '10X98765432'[sum % 11] === id[17]
}

/** Field errors found before sending (locale keys, keyed as the server keys fields) and the
 *  body. An empty amount is 0. */
export function buildApplication(form: ApplyForm): { body: MyHardshipApi.Application; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const fen = (text: string, field: string): number => {
    if (text.trim() === '') return 0
    const value = parseYuan(text)
    if (value === null) errors[field] = 'portalHardship.apply.amountRule'
    return value ?? 0
  }
  if (form.people.length > MAX_OTHERS) errors.household = 'portalHardship.apply.tooMany'
  const seen = new Set<string>()
  const household = form.people.map((p, i) => {
    const at = `household[${i}]`
    const name = p.name.trim()
    const id = normaliseIdNumber(p.idNumber)
    if ([...name].length < 2) errors[`${at}.name`] = 'portalHardship.apply.nameRule'
    if (!idCheckDigitOk(id)) errors[`${at}.id_number`] = 'portalHardship.apply.idRule'
    else if (seen.has(id)) errors[`${at}.id_number`] = 'portalHardship.apply.idTwice'
    seen.add(id)
    return { relation: p.relation, name, id_number: id, income_fen: fen(p.income, `${at}.income_fen`) }
  })
  const body: MyHardshipApi.Application = {
    member_income_fen: fen(form.selfIncome, 'member_income_fen'),
    household,
    expenses: form.expenses.map((e, i) => ({ kind: e.kind, amount_fen: fen(e.amount, `expenses[${i}].amount_fen`) })),
    sudden_cost_fen: fen(form.suddenCost, 'sudden_cost_fen'),
    sudden_medical_fen: fen(form.suddenMedical, 'sudden_medical_fen'),
    main_cause: form.mainCause,
    secondary_causes: form.secondaryCauses.filter((c) => c !== form.mainCause),
  }
  if (!form.mainCause) errors.main_cause = 'portalHardship.apply.causeRule'
  if (body.secondary_causes.length > MAX_SECONDARY) errors.secondary_causes = 'portalHardship.apply.secondaryRule'
  if (body.sudden_medical_fen > body.sudden_cost_fen && !errors.sudden_medical_fen) errors.sudden_medical_fen = 'portalHardship.apply.medicalRule'
  return { body, errors }
}

/** A line of a request's timeline for what it became: "转为困难职工档案（已建档）", "获得帮扶：生活救助",
 *  "申请互助保障（已受理）". */
export function becameLabel(b: RequestsApi.Became, t: Translate): string {
  if (b.kind === 'aid_granted') return t('portalHardship.became.aid', { kind: t(`aidGrants.kinds.${b.aid_kind ?? ''}`) })
  if (b.kind === 'mutual_aid_claim') return t('portalMutualAid.became', { status: t(`portalMutualAid.statuses.${b.stage ?? 'filed'}`) })
  const stage = b.stage && b.stage !== 'closed' ? t(`portalHardship.steps.${b.stage}`) : t('hardship.statuses.closed')
  return t('portalHardship.became.file', { stage })
}
