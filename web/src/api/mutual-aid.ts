// Mutual-aid plans in the console (互助保障, issue 22): plans, periods, enrolment, the unions'
// additions-and-removals lists and claims with their decisions (/api/v1/mutual-aid/…).
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
    additions: Line[]
    removals: Line[]
  }
  export type ClaimStatus = MyMutualAidApi.ClaimStatus
  export interface Claim extends MyMutualAidApi.Claim {
    member_id: string
    period_id: string
    filed_by: 'worker' | 'cadre'
    payment_ref: string | null
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

export function enrolApi(periodId: string, orgId: string): Promise<{ period: MutualAidApi.Period; enrolled: number; in_org: number }> {
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

export async function listClaimsApi(status: string): Promise<MutualAidApi.Claim[]> {
  const page = await request<{ items: MutualAidApi.Claim[] }>('/api/v1/mutual-aid/claims', { query: { status: status || undefined, limit: 200 } })
  return page.items
}

export function decideClaimApi(id: string, action: 'approve' | 'refuse' | 'pay', body: Record<string, string> = {}): Promise<MutualAidApi.Claim> {
  return request(`/api/v1/mutual-aid/claims/${encodeURIComponent(id)}/${action}`, { method: 'POST', body })
}
