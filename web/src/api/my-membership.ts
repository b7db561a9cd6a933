// My membership (GET /api/v1/me/membership): the member's history, the transfers of the member
// and the union's contacts; the worker's own transfer when changing jobs (POST
// /api/v1/me/transfers, .../:id/withdraw) and the union search it picks the receiving union
// from (GET /api/v1/me/unions). Every call runs in the portal's session.
import { request } from './request'

export namespace MyMembershipApi {
  export type TransferState = 'pending' | 'approved' | 'rejected' | 'cancelled'
  export interface Contact {
    id: string
    name: string
    kind: string
    chair: string | null
    contact: string | null
  }
  export interface Transfer {
    id: string
    from_union: string
    to_union: string
    state: TransferState
    created_at: number
    decided_at: number | null
    asked_by_me: boolean
    reason: string | null
    new_employer: string | null
    can_withdraw: boolean
  }
  export interface HistoryEvent {
    at: number
    kind: 'joined' | 'transferred' | 'status'
    params: Record<string, string>
  }
  export interface Membership {
    member: { name: string; card_number: string; status: string; join_date: string | null }
    union: Contact
    parent: Contact | null
    history: HistoryEvent[]
    transfers: Transfer[]
  }
  export interface UnionChoice {
    id: string
    name: string
    district: string
  }
  export interface UnionChoices {
    items: UnionChoice[]
  }
  export interface NewTransfer {
    to_union_id: string
    reason: string
    new_employer?: string
  }
}

export function getMyMembershipApi(): Promise<MyMembershipApi.Membership> {
  return request('/api/v1/me/membership', { session: 'portal' })
}

export function searchUnionsApi(q: string): Promise<MyMembershipApi.UnionChoices> {
  return request('/api/v1/me/unions', { query: { q }, session: 'portal' })
}

export function askTransferApi(body: MyMembershipApi.NewTransfer): Promise<MyMembershipApi.Transfer> {
  return request('/api/v1/me/transfers', { method: 'POST', body, session: 'portal' })
}

export function withdrawTransferApi(id: string): Promise<MyMembershipApi.Transfer> {
  return request(`/api/v1/me/transfers/${encodeURIComponent(id)}/withdraw`, { method: 'POST', session: 'portal' })
}
