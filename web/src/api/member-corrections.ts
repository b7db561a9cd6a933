// Corrections of a worker's own member record (issue 19): the worker proposes and follows them
// (/api/v1/me/member-corrections); cadres of the member's subtree apply or reject them
// (/api/v1/member-corrections). Values come as the member page shows them (a phone masked).
import { request } from './request'

export namespace MemberCorrectionsApi {
  export type Field = 'name' | 'gender' | 'ethnicity' | 'employer' | 'phone'
  export type State = 'pending' | 'applied' | 'rejected'
  export interface Change {
    field: Field
    value: string
  }
  export interface Mine {
    id: string
    field: Field
    old_value: string | null
    new_value: string
    note: string
    state: State
    created_at: number
    decided_at: number | null
    reason: string | null
  }
  export interface Correction extends Mine {
    member: { id: string; name: string; card_number: string; union_name: string }
    decided_by_name: string | null
  }
  export interface MineList {
    items: Mine[]
  }
  export interface Page {
    items: Correction[]
    next_cursor: string | null
  }
}

/** Field errors (on each change's field name, on note or changes) come back as ApiError. */
export function proposeCorrectionsApi(changes: MemberCorrectionsApi.Change[], note: string): Promise<MemberCorrectionsApi.MineList> {
  return request('/api/v1/me/member-corrections', { method: 'POST', body: { changes, note }, session: 'portal', silent: true })
}

export function myCorrectionsApi(): Promise<MemberCorrectionsApi.MineList> {
  return request('/api/v1/me/member-corrections', { session: 'portal' })
}

export function listCorrectionsApi(state: MemberCorrectionsApi.State | '', cursor?: string): Promise<MemberCorrectionsApi.Page> {
  return request('/api/v1/member-corrections', { query: { state, cursor } })
}

export function approveCorrectionApi(id: string): Promise<MemberCorrectionsApi.Correction> {
  return request(`/api/v1/member-corrections/${encodeURIComponent(id)}/approve`, { method: 'POST', silent: true })
}

export function rejectCorrectionApi(id: string, reason: string): Promise<MemberCorrectionsApi.Correction> {
  return request(`/api/v1/member-corrections/${encodeURIComponent(id)}/reject`, { method: 'POST', body: { reason }, silent: true })
}
