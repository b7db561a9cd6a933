// Mutual aid in My account (互助保障, issue 22): the plans I am in this period
// (GET /api/v1/me/mutual-aid/plans), my claims (GET /api/v1/me/mutual-aid/claims), filing one
// (POST, with Compute before sending: POST …/claims/compute stores nothing) and its photos
// (POST/GET …/claims/:id/evidence: the file itself as the body), in the portal's session.
// Money in integer fen, days YYYY-MM-DD.
import type { Attachment } from './attachments'
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
  /** A claim as the worker and the console both get it; its member by id only. */
  export interface Claim {
    id: string
    plan_id: string
    plan_title: string
    period_id: string
    member_id: string
    benefit_code: string
    incident_date: string
    loss_fen: number
    items: string[]
    amount_fen: number
    capped: boolean
    status: ClaimStatus
    filed_by: 'worker' | 'cadre'
    request_id: string | null
    refused_reason: string | null
    decided_at: number | null
    paid_on: string | null
    payment_ref: string | null
    created_at: number
  }
  /** What a claim says: the loss for a share of it, the items for an itemised benefit. */
  export interface NewClaim {
    plan_id: string
    benefit_code: string
    incident_date: string
    loss_fen?: number
    items?: string[]
  }
  export interface Computed {
    plan_id: string
    benefit_code: string
    incident_date: string
    amount_fen: number
    capped: boolean
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

export function computeMyClaimApi(claim: MyMutualAidApi.NewClaim): Promise<MyMutualAidApi.Computed> {
  return request('/api/v1/me/mutual-aid/claims/compute', { method: 'POST', body: claim, session: 'portal', silent: true })
}

export function fileMyClaimApi(claim: MyMutualAidApi.NewClaim): Promise<MyMutualAidApi.Claim> {
  return request('/api/v1/me/mutual-aid/claims', { method: 'POST', body: claim, session: 'portal', silent: true })
}

const evidencePath = (claimId: string) => `/api/v1/me/mutual-aid/claims/${encodeURIComponent(claimId)}/evidence`

export function addMyClaimPhotoApi(claimId: string, file: File): Promise<Attachment> {
  return request(evidencePath(claimId), { method: 'POST', bytes: file, query: { file_name: file.name }, session: 'portal', silent: true })
}

export async function listMyClaimPhotosApi(claimId: string): Promise<Attachment[]> {
  return (await request<{ items: Attachment[] }>(evidencePath(claimId), { session: 'portal' })).items
}
