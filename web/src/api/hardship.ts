// Hardship files (困难职工档案, issue 20) and the region-year 低保 standards they are measured
// against: list the files of the caller's subtree (masked, cursor paged), read one with its
// household, expenses, level arithmetic and trail, open one, override its level or reveal one
// person's name or ID number with a reason (both audited), close it with a reason; standards are
// read by staff and loaded by administrators. Outside the caller's subtree everything is 404.
import { request } from './request'

export namespace HardshipApi {
  /** Aid figures of one kind (approved in the window, by grant and in fen; paid in fen). */
  export interface AidKindFigures {
    kind: string
    approved: number
    approved_fen: number
    paid_fen: number
  }
  /** The hardship and aid dashboard of a subtree (GET /api/v1/hardship/dashboard). */
  export interface Dashboard {
    org: { id: string; name: string; kind: string }
    months: number
    from_month: string
    households: number
    by_level_cause: { level: Level; cause: string; households: number }[]
    closed_by_reason: { reason: string; files: number }[]
    series: { month: string; opened: number; closed: number; aid: AidKindFigures[] }[]
    aid: AidKindFigures[]
    budgets: { kind: string; year: number; amount_fen: number; committed_fen: number; paid_fen: number }[]
    /** Files in each workflow stage now (non-zero only). */
    by_stage: { stage: Stage; files: number }[]
    children: { id: string; name: string; households: number; aid_approved_fen: number; legal_open: number }[]
    /** The legal cases (法律援助 / 维权) of the subtree; money in fen. */
    legal: LegalFigures
  }
  export interface LegalFigures {
    cases: number
    open: number
    by_type_stage: { type: string; stage: string; cases: number }[]
    claimed_fen: number
    recovered_fen: number
    collective_open: number
    collective_total: number
    series: { month: string; opened: number; closed: number }[]
  }
  export type Level = 'deep' | 'relative' | 'sudden' | 'none' | 'excluded'
  export type Status = 'open' | 'closed'
  export type Relation = 'self' | 'spouse' | 'child' | 'parent' | 'sibling' | 'grandparent' | 'other'
  export type WorkStatus = 'employed' | 'unemployed' | 'retired' | 'student' | 'unable' | 'other'
  export type ExpenseKind = 'medical' | 'schooling' | 'other'
  export type CloseReason = 'lifted' | 'retired' | 'transferred' | 'died' | 'other'
  export interface Standard {
    region_code: string
    year: number
    dibao_monthly_fen: number
    sudden_cost_pct: number
    sudden_medical_pct: number
    source: string
    loaded_at: number
  }
  /** A file as lists show it: the first person's name and ID masked, money in integer fen. */
  export interface Summary {
    id: string
    org: { id: string; name: string }
    member_id: string | null
    status: Status
    /** Where the file stands in its workflow. */
    stage: Stage
    head_name_masked: string
    head_id_masked: string
    household_size: number
    annual_income_fen: number
    rigid_expenses_fen: number
    sudden_cost_fen: number
    sudden_medical_fen: number
    per_head_monthly_fen: number
    standard: Omit<Standard, 'source' | 'loaded_at'>
    level_computed: Level
    level: Level
    override_reason: string | null
    /** The arithmetic in words: the message key, its parameters, and the server's text. */
    explanation: { key: string; args: Record<string, string>; text: string }
    main_cause: string
    secondary_causes: string[]
    exclusions: string[]
    opened_at: number
    updated_at: number
    closed_at: number | null
    close_reason: CloseReason | null
  }
  export interface Person {
    id: string
    relation: Relation
    name_masked: string
    id_masked: string
    income_fen: number
    work_status: WorkStatus | null
  }
  export interface Step {
    step: string
    actor_id: string | null
    at: number
    detail: Record<string, string>
  }
  export interface Detail extends Summary {
    /** The 12351 request the file came from, when the caller sees it. */
    request: { id: string; tracking_number: string } | null
    household: Person[]
    expenses: { kind: ExpenseKind; amount_fen: number }[]
    steps: Step[]
  }
  export interface Page {
    items: Summary[]
    next_cursor: string | null
  }
  export interface NewPerson {
    relation: Relation
    name: string
    id_number: string
    income_fen: number
    work_status?: WorkStatus
  }
  export interface NewFile {
    org_id?: string
    member_id?: string
    request_id?: string
    member_income_fen?: number
    household: NewPerson[]
    expenses: { kind: ExpenseKind; amount_fen: number }[]
    sudden_cost_fen: number
    sudden_medical_fen: number
    main_cause: string
    secondary_causes: string[]
    exclusions: string[]
    year?: number
  }
  export type Stage = 'applied' | 'first_reviewed' | 'visited' | 'reviewed' | 'publicised' | 'active' | 'closed' | 'erased'
  export type FlowStep = 'first_review' | 'visit' | 'review' | 'publicise' | 'object' | 'answer' | 'approve' | 'annual_review' | 'spot_check'
  /** Where a file stands in its workflow, and the steps the caller may take now (next first). */
  export interface Flow {
    file_id: string
    stage: Stage
    publicity_ends_on: string | null
    review_due_on: string | null
    review_due: boolean
    /** Drawn for this year's spot check and not checked yet. */
    spot_check_due: boolean
    open_objections: number
    offered: FlowStep[]
    updated_at: number
  }
  export interface StepInput {
    step: FlowStep
    note?: string
    visit_on?: string
    visitors?: string[]
  }
  export interface NewStandard {
    region_code: string
    year: number
    dibao_monthly_fen: number
    sudden_cost_pct?: number
    sudden_medical_pct?: number
    source: string
  }
}

const filePath = (id: string) => `/api/v1/hardship/files/${encodeURIComponent(id)}`

/** `stage` filters by the workflow's stage; `review: 'due'` keeps active files whose annual review shows as due. */
export function listHardshipFilesApi(query: {
  status?: string
  level?: string
  stage?: string
  review?: string
  spot_check?: string
  after?: string
}): Promise<HardshipApi.Page> {
  return request('/api/v1/hardship/files', {
    query: {
      status: query.status || undefined,
      level: query.level || undefined,
      stage: query.stage || undefined,
      review: query.review || undefined,
      spot_check: query.spot_check || undefined,
      after: query.after || undefined,
    },
  })
}

/** A 404 ApiError when the file is outside the caller's subtree. */
export function getHardshipFileApi(id: string): Promise<HardshipApi.Detail> {
  return request(filePath(id), { silent: true })
}

/** Field errors (household[0].id_number, main_cause, …) come back as ApiError. */
export function openHardshipFileApi(file: HardshipApi.NewFile): Promise<HardshipApi.Detail> {
  return request('/api/v1/hardship/files', { method: 'POST', body: file, silent: true })
}

export function overrideHardshipLevelApi(id: string, level: HardshipApi.Level, reason: string): Promise<HardshipApi.Detail> {
  return request(`${filePath(id)}/override`, { method: 'POST', body: { level, reason }, silent: true })
}

export function revealHouseholdMemberApi(id: string, personId: string, field: 'name' | 'id_number', reason: string): Promise<{ value: string }> {
  return request(`${filePath(id)}/reveal`, { method: 'POST', body: { person_id: personId, field, reason }, silent: true })
}

export function closeHardshipFileApi(id: string, reason: HardshipApi.CloseReason, note: string): Promise<HardshipApi.Detail> {
  return request(`${filePath(id)}/close`, { method: 'POST', body: { reason, note }, silent: true })
}

export function getHardshipFlowApi(id: string): Promise<HardshipApi.Flow> {
  return request(`${filePath(id)}/flow`, { silent: true })
}

/** Field errors (visit_on, visitors, note) and 409s (a step the stage no longer allows) come back as ApiError. */
export function takeHardshipStepApi(id: string, input: HardshipApi.StepInput): Promise<HardshipApi.Flow> {
  return request(`${filePath(id)}/steps`, { method: 'POST', body: input, silent: true })
}

export function listStandardsApi(): Promise<{ items: HardshipApi.Standard[] }> {
  return request('/api/v1/standards')
}

export function loadStandardApi(standard: HardshipApi.NewStandard): Promise<HardshipApi.Standard> {
  return request('/api/v1/standards', { method: 'POST', body: standard, silent: true })
}

/** The dashboard of `orgId` (the caller's own org when absent) over `months` months; a 404 ApiError outside the subtree. */
export function getCaseDashboardApi(orgId: string | undefined, months: number): Promise<HardshipApi.Dashboard> {
  return request('/api/v1/hardship/dashboard', { query: { org_id: orgId || undefined, months }, silent: true })
}

/** A file's bank card as the API shows it: masked, with its bank. */
export interface BankCard {
  bank_name: string
  card_masked: string
  updated_at: number
}

export function getBankCardApi(fileId: string): Promise<{ bank_card: BankCard | null }> {
  return request(`${filePath(fileId)}/bank-card`, { silent: true })
}

/** Records or replaces the card (sealed by the server; field errors for a bad number or bank). */
export function setBankCardApi(fileId: string, bankName: string, cardNumber: string): Promise<{ bank_card: BankCard }> {
  return request(`${filePath(fileId)}/bank-card`, { method: 'PUT', body: { bank_name: bankName, card_number: cardNumber }, silent: true })
}

/** The full number, with a reason (audited). */
export function revealBankCardApi(fileId: string, reason: string): Promise<{ card_number: string }> {
  return request(`${filePath(fileId)}/bank-card/reveal`, { method: 'POST', body: { reason }, silent: true })
}
