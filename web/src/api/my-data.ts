// My data (PIPL): everything the server stores about the signed-in worker, masked
// (GET /api/v1/me/data). The portal shows it and makes the JSON and HTML downloads from it;
// `purpose` tells the server's audit log which of the three the worker did.
import { request } from './request'
import type { RequestsApi } from './requests'

export namespace MyDataApi {
  export type Purpose = 'view' | 'json' | 'html'
  export interface Account {
    id: string
    phone_masked: string
    status: string
    created_at: number
    last_sign_in_at: number | null
    bound_at: number | null
  }
  export interface Session {
    created_at: number
    last_seen_at: number
    expires_at: number
    remote_addr: string
  }
  export interface Member {
    id: string
    name: string
    card_number: string
    id_number_masked: string
    phone_masked: string | null
    gender: string
    birth_date: string
    ethnicity: string | null
    employer: string | null
    join_date: string | null
    union_name: string
    migrant_worker: boolean
    model_worker: boolean
    status: string
    status_changed_on: string | null
    recorded_at: number
  }
  export interface Binding {
    state: 'pending' | 'approved' | 'rejected' | 'cancelled'
    reason: string
    member_name: string
    union_name: string
    created_at: number
    decided_at: number | null
  }
  export interface Request extends RequestsApi.Tracked {
    id: string
    channel: string
    description: string
    contact_name: string
    contact_phone_masked: string
    rating_comment: string | null
  }
  export interface Data {
    generated_at: number
    account: Account
    sessions: Session[]
    member: Member | null
    bindings: Binding[]
    requests: Request[]
  }
}

export function getMyDataApi(purpose: MyDataApi.Purpose = 'view'): Promise<MyDataApi.Data> {
  return request('/api/v1/me/data', { query: { purpose }, session: 'portal' })
}
