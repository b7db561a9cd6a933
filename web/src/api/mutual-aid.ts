// Mutual-aid plans in the console (互助保障, issue 22): plans, periods, enrolment, the unions'
// additions-and-removals lists and claims with their decisions (/api/v1/mutual-aid/…).
import type { Attachment } from './attachments'
import { request } from './request'
import type { MyMutualAidApi } from './my-mutual-aid'

export namespace MutualAidApi {
  export type Benefit = MyMutualAidApi.Benefit
  export interface Plan {
    id: string
    org_id: string
    code: string
    title: string
    kind: 'medical' | 'accident' | 'property'
    period_month: number
    period_day: number
    per_head_fen: number
    eligibility: string
    changes_days_before: number
    status: string
    created_at: number
  }
  export interface Period {
    id: string
    plan_id: string
    starts_on: string
    ends_on: string
    headcount: number
    status: string
  }
  export interface PlanDetail extends Plan {
    payers: { payer: string; share_bp: number }[]
    benefits: Benefit[]
    periods: Period[]
  }
  export interface Line {
    member_id: string
    since: string
    reason: string
  }
  export type ListStatus = 'draft' | 'sent' | 'applied'
  export interface List {
    id: string
    period_id: string
    org_id: string
    from_on: string
    to_on: string
    status: ListStatus
    made_at: number
    sent_at: number | null
    applied_at: number | null
    additions: Line[]
    removals: Line[]
  }
  export type ClaimStatus = MyMutualAidApi.ClaimStatus
  export type Claim = MyMutualAidApi.Claim
  export interface EnrolOutcome {
    period: Period
    enrolled: number
    in_org: number
  }
  /** A cadre's claim for a member, from a 12351 request when request_id is given. */
  export interface NewClaim extends MyMutualAidApi.NewClaim {
    member_id: string
    request_id?: string
  }
  export interface ListDue {
    plan_id: string
    plan_title: string
    period: Period
    org_id: string
    due_on: string
  }
  /** The 12351 prompt: the request's words suggest a claim of its member, covered by these plans. */
  export interface Prompt {
    request_id: string
    member_id: string
    incident_date: string
    words: string[]
    plans: PlanDetail[]
  }
}

export const CLAIM_STATUSES: MutualAidApi.ClaimStatus[] = ['filed', 'approved', 'refused', 'paid']

export async function listPlansApi(): Promise<MutualAidApi.Plan[]> {
  return (await request<{ items: MutualAidApi.Plan[] }>('/api/v1/mutual-aid/plans')).items
}

export function getPlanApi(id: string): Promise<MutualAidApi.PlanDetail> {
  return request(`/api/v1/mutual-aid/plans/${encodeURIComponent(id)}`)
}

export function openPeriodApi(planId: string, day = ''): Promise<MutualAidApi.Period> {
  return request(`/api/v1/mutual-aid/plans/${encodeURIComponent(planId)}/periods`, { method: 'POST', body: day ? { day } : {} })
}

export function enrolApi(periodId: string, orgId: string): Promise<MutualAidApi.EnrolOutcome> {
  return request(`/api/v1/mutual-aid/periods/${encodeURIComponent(periodId)}/enrol`, { method: 'POST', body: { org_id: orgId } })
}

export async function listListsApi(periodId: string): Promise<MutualAidApi.List[]> {
  return (await request<{ items: MutualAidApi.List[] }>(`/api/v1/mutual-aid/periods/${encodeURIComponent(periodId)}/lists`)).items
}

export function makeListApi(periodId: string, orgId: string): Promise<MutualAidApi.List> {
  return request(`/api/v1/mutual-aid/periods/${encodeURIComponent(periodId)}/lists`, { method: 'POST', body: { org_id: orgId } })
}

export function moveListApi(id: string, to: 'send' | 'apply'): Promise<MutualAidApi.List> {
  return request(`/api/v1/mutual-aid/lists/${encodeURIComponent(id)}/${to}`, { method: 'POST', body: {} })
}

/** The claims of a status ('' any), or with toDecide the filed claims the caller's level decides. */
export async function listClaimsApi(status: string, toDecide = false): Promise<MutualAidApi.Claim[]> {
  const query = toDecide ? { to_decide: 'me', limit: 200 } : { status: status || undefined, limit: 200 }
  const page = await request<{ items: MutualAidApi.Claim[] }>('/api/v1/mutual-aid/claims', { query })
  return page.items
}

export function fileClaimApi(claim: MutualAidApi.NewClaim): Promise<MutualAidApi.Claim> {
  return request('/api/v1/mutual-aid/claims', { method: 'POST', body: claim, silent: true })
}

export function computeClaimApi(claim: MutualAidApi.NewClaim): Promise<MyMutualAidApi.Computed> {
  return request('/api/v1/mutual-aid/claims/compute', { method: 'POST', body: claim, silent: true })
}

const evidencePath = (claimId: string) => `/api/v1/mutual-aid/claims/${encodeURIComponent(claimId)}/evidence`

export function addClaimEvidenceApi(claimId: string, file: File): Promise<Attachment> {
  return request(evidencePath(claimId), { method: 'POST', bytes: file, query: { file_name: file.name }, silent: true })
}

export async function listClaimEvidenceApi(claimId: string): Promise<Attachment[]> {
  return (await request<{ items: Attachment[] }>(evidencePath(claimId), { silent: true })).items
}

export async function listListsDueApi(): Promise<MutualAidApi.ListDue[]> {
  return (await request<{ items: MutualAidApi.ListDue[] }>('/api/v1/mutual-aid/lists-due')).items
}

/** The prompt of a request, or null; silent: the request page works without it. */
export async function getClaimPromptApi(requestId: string): Promise<MutualAidApi.Prompt | null> {
  return (await request<{ prompt: MutualAidApi.Prompt | null }>(`/api/v1/requests/${encodeURIComponent(requestId)}/mutual-aid-prompt`, { silent: true })).prompt
}

export function decideClaimApi(id: string, action: 'approve' | 'refuse' | 'pay', body: Record<string, string> = {}): Promise<MutualAidApi.Claim> {
  return request(`/api/v1/mutual-aid/claims/${encodeURIComponent(id)}/${action}`, { method: 'POST', body })
}
