// Mutual aid in My account (互助保障, issue 22): the plans I am in this period
// (GET /api/v1/me/mutual-aid/plans) and my claims (GET /api/v1/me/mutual-aid/claims), in the
// portal's session. Money in integer fen, days YYYY-MM-DD.
import { request } from './request'

export namespace MyMutualAidApi {
  export interface Benefit {
    code: string
    kind: 'share_of_loss' | 'itemised'
    share_bp: number | null
    cap_fen: number | null
    items: { code: string; amount_fen: number }[]
  }
  export interface Plan {
    id: string
    code: string
    title: string
    kind: 'medical' | 'accident' | 'property'
  }
  export interface Period {
    id: string
    starts_on: string
    ends_on: string
  }
  export interface MyPlan {
    plan: Plan
    period: Period
    covered_from: string
    removed_on: string | null
    benefits: Benefit[]
  }
  export type ClaimStatus = 'filed' | 'approved' | 'refused' | 'paid'
  export interface Claim {
    id: string
    plan_id: string
    plan_title: string
    benefit_code: string
    incident_date: string
    amount_fen: number
    capped: boolean
    status: ClaimStatus
    refused_reason: string | null
    paid_on: string | null
    created_at: number
  }
}

export async function getMyMutualAidPlansApi(): Promise<MyMutualAidApi.MyPlan[]> {
  const page = await request<{ items: MyMutualAidApi.MyPlan[] }>('/api/v1/me/mutual-aid/plans', { session: 'portal' })
  return page.items
}

export async function getMyMutualAidClaimsApi(): Promise<MyMutualAidApi.Claim[]> {
  const page = await request<{ items: MyMutualAidApi.Claim[] }>('/api/v1/me/mutual-aid/claims', { session: 'portal' })
  return page.items
}
