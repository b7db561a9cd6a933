// The staff side of workers' accounts: bindings waiting for a decision in the caller's subtree
// (/api/v1/worker-bindings), approve and reject, and the check-in verification of a member
// card's QR token (/api/v1/cards/verify).
import { request } from './request'

export namespace WorkerBindingsApi {
  export type State = 'pending' | 'approved' | 'rejected' | 'cancelled'
  export interface Binding {
    id: string
    state: State
    reason: 'phone_differs' | 'bound_elsewhere'
    created_at: number
    member: {
      id: string
      name: string
      card_number: string
      id_number_masked: string
      phone_masked: string | null
      union_name: string
    }
    worker_phone_masked: string
    decided_at: number | null
    decided_by_name: string | null
    decision_note: string | null
  }
  export interface Page {
    items: Binding[]
    next_cursor: string | null
  }
  export interface VerifiedCard {
    member: {
      id: string
      name: string
      id_number_masked: string
      card_number: string
      status: string
      union: { id: string; name: string }
    }
    token_expires_at: number
  }
}

export function listWorkerBindingsApi(state: WorkerBindingsApi.State | '', cursor?: string): Promise<WorkerBindingsApi.Page> {
  return request('/api/v1/worker-bindings', { query: { state, cursor } })
}

export function approveWorkerBindingApi(id: string, note: string): Promise<WorkerBindingsApi.Binding> {
  return request(`/api/v1/worker-bindings/${encodeURIComponent(id)}/approve`, { method: 'POST', body: { note } })
}

export function rejectWorkerBindingApi(id: string, note: string): Promise<WorkerBindingsApi.Binding> {
  return request(`/api/v1/worker-bindings/${encodeURIComponent(id)}/reject`, { method: 'POST', body: { note } })
}

/** Checks a member card's QR token; field errors on `token` when it is invalid or expired. */
export function verifyCardApi(token: string): Promise<WorkerBindingsApi.VerifiedCard> {
  return request('/api/v1/cards/verify', { method: 'POST', body: { token }, silent: true })
}
