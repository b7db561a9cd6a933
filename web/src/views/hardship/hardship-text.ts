// The hardship pages' logic that is not layout: money in fen as yuan text and back, the level's
// arithmetic in words from the facts a file keeps (the same figures the server computed the level
// from), the level's tag colour, and the "open a file" form's payload. Pure functions, tested in
// hardship-text.spec.ts.
import type { HardshipApi } from '@/api/hardship'

type Translate = (key: string, params?: Record<string, unknown>) => string

export const LEVELS: HardshipApi.Level[] = ['deep', 'relative', 'sudden', 'none', 'excluded']
export const CAUSES = ['illness', 'disability', 'unemployment', 'disaster', 'single_parent', 'schooling', 'accident', 'low_wage', 'aged_dependants', 'other']
export const EXCLUSIONS = ['two_or_more_homes', 'business_employing_others', 'private_school_fees', 'study_abroad_own_cost']
export const RELATIONS: HardshipApi.Relation[] = ['self', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'other']
export const WORK_STATUSES: HardshipApi.WorkStatus[] = ['employed', 'unemployed', 'retired', 'student', 'unable', 'other']
export const EXPENSE_KINDS: HardshipApi.ExpenseKind[] = ['medical', 'schooling', 'other']
export const CLOSE_REASONS: HardshipApi.CloseReason[] = ['lifted', 'retired', 'transferred', 'died', 'other']
export const MAX_SECONDARY = 3

/** Fen as yuan with thousands separators and two decimals, exactly (integers, no float):
 *  132000 → "1,320.00", -5 → "-0.05"; the server's core/hardship Yuan() writes the same. */
export function yuan(fen: number): string {
  const negative = fen < 0
  const abs = BigInt(Math.abs(Math.trunc(fen)))
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const cents = (abs % 100n).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${whole}.${cents}`
}

/** Yuan as typed ("1320", "1,320.5", "１３２０") to integer fen; null when it is not an amount
 *  of at most two decimals. Parsed as text so 0.1 + 0.2 never enters money. */
export function parseYuan(text: string): number | null {
  const value = text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(value)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** The tag colour of a level: the harder, the warmer. */
export function levelTagType(level: HardshipApi.Level): 'danger' | 'warning' | 'primary' | 'info' {
  if (level === 'deep') return 'danger'
  if (level === 'relative') return 'warning'
  if (level === 'sudden') return 'primary'
  return 'info'
}

/** How the computed level was reached, in words, from the file's facts:
 *  "人均月收入 =（48,000.00 − 6,000.00）÷ 12 ÷ 3 = 1,166.66 元 ≤ 低保 1,320.00 元 → 深度困难". */
export function levelArithmetic(file: HardshipApi.Summary, t: Translate): string {
  const dibao = file.standard.dibao_monthly_fen
  const args = {
    income: yuan(file.annual_income_fen),
    expenses: yuan(file.rigid_expenses_fen),
    size: String(Math.max(file.household_size, 1)),
    perHead: yuan(file.per_head_monthly_fen),
    dibao: yuan(dibao),
    twiceDibao: yuan(2 * dibao),
    suddenCost: yuan(file.sudden_cost_fen),
    suddenMedical: yuan(file.sudden_medical_fen),
    costPct: String(file.standard.sudden_cost_pct),
    medicalPct: String(file.standard.sudden_medical_pct),
    exclusions: file.exclusions.map((e) => t(`hardship.exclusions.${e}`)).join('、'),
    level: t(`hardship.levels.${file.level_computed}`),
  }
  return t(`hardship.why.${file.level_computed}`, args)
}

/** One row of the household as the form holds it: the income typed in yuan. */
export interface PersonRow {
  relation: HardshipApi.Relation
  name: string
  idNumber: string
  income: string
  workStatus: HardshipApi.WorkStatus | ''
}
export interface ExpenseRow {
  kind: HardshipApi.ExpenseKind
  amount: string
}
/** The "open a file" form. `memberId` set: the registry's member is the household's first person. */
export interface OpenForm {
  source: 'member' | 'hand'
  /** The 12351 request the file comes from (linked by the server), or ''. */
  requestId: string
  memberId: string
  memberIncome: string
  orgId: string
  people: PersonRow[]
  expenses: ExpenseRow[]
  suddenCost: string
  suddenMedical: string
  mainCause: string
  secondaryCauses: string[]
  exclusions: string[]
  year: number | null
}

export function emptyPerson(relation: HardshipApi.Relation = 'self'): PersonRow {
  return { relation, name: '', idNumber: '', income: '', workStatus: '' }
}

export function emptyOpenForm(): OpenForm {
  return {
    source: 'member',
    requestId: '',
    memberId: '',
    memberIncome: '',
    orgId: '',
    people: [],
    expenses: [],
    suddenCost: '',
    suddenMedical: '',
    mainCause: '',
    secondaryCauses: [],
    exclusions: [],
    year: null,
  }
}

/** Field errors found before sending (amounts that are not yuan), keyed as the server keys them
 *  (household[0].income_fen, expenses[1].amount_fen, …), and the payload. An empty amount is 0. */
export function buildOpenPayload(form: OpenForm): { payload: HardshipApi.NewFile; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const fen = (text: string, field: string): number => {
    if (text.trim() === '') return 0
    const value = parseYuan(text)
    if (value === null) errors[field] = 'hardship.form.amountRule'
    return value ?? 0
  }
  const payload: HardshipApi.NewFile = {
    household: form.people.map((p, i) => ({
      relation: p.relation,
      name: p.name.trim(),
      id_number: p.idNumber.trim().toUpperCase(),
      income_fen: fen(p.income, `household[${i}].income_fen`),
      ...(p.workStatus ? { work_status: p.workStatus } : {}),
    })),
    expenses: form.expenses.map((e, i) => ({ kind: e.kind, amount_fen: fen(e.amount, `expenses[${i}].amount_fen`) })),
    sudden_cost_fen: fen(form.suddenCost, 'sudden_cost_fen'),
    sudden_medical_fen: fen(form.suddenMedical, 'sudden_medical_fen'),
    main_cause: form.mainCause,
    secondary_causes: form.secondaryCauses.filter((c) => c !== form.mainCause).slice(0, MAX_SECONDARY),
    exclusions: [...form.exclusions],
  }
  if (form.source === 'member' && form.memberId) {
    payload.member_id = form.memberId
    payload.member_income_fen = fen(form.memberIncome, 'member_income_fen')
  }
  if (form.orgId) payload.org_id = form.orgId
  if (form.requestId) payload.request_id = form.requestId
  if (form.year) payload.year = form.year
  return { payload, errors }
}

/** The server's field name of a household row's field, for `:error` on the row's inputs. */
export function personField(index: number, field: 'relation' | 'name' | 'id_number' | 'income_fen' | 'work_status'): string {
  return `household[${index}].${field}`
}

/** The file's close step, if it was closed (the newest one). */
export function closeStep(file: HardshipApi.Detail): HardshipApi.Step | null {
  return [...file.steps].reverse().find((s) => s.step === 'closed') ?? null
}

/** The visitors typed in one box: split at commas (half- and full-width), 顿号 and spaces, trimmed, blanks dropped. */
export function splitVisitors(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
}

/** An objection and its answer say what they are; the other steps take an optional note. */
export function stepNeedsNote(step: HardshipApi.FlowStep): boolean {
  return step === 'object' || step === 'answer'
}
