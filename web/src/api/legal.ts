// Legal aid and rights cases (法律援助 / 维权, issue 20): list the cases of the caller's subtree
// (filters type, stage, collective, alert=open; cursor paged), read one with its workers
// (masked), stages and request, open one (directly or from a legal_aid / rights.* request),
// change it, add and remove workers, move it to a later stage, close it; the directory of
// lawyers and legal-aid centres. Outside the caller's subtree everything is 404.
import { request } from './request'

export namespace LegalApi {
  export type CaseType = 'wage_arrears' | 'contract' | 'work_injury' | 'social_insurance' | 'dismissal' | 'overtime'
  export type Stage = 'consultation' | 'mediation' | 'arbitration' | 'litigation' | 'enforcement' | 'closed'
  export type LawyerKind = 'lawyer' | 'aid_centre'
  /** A case as lists show it; money in integer fen. */
  export interface Case {
    id: string
    org: { id: string; name: string }
    type: CaseType
    title: string
    employer: { uscc: string; name: string; enterprise_id: string | null }
    stage: Stage
    claimed_fen: number
    recovered_fen: number
    outcome: string | null
    lawyer: { id: string; name: string | null; firm: string | null } | null
    worker_count: number
    collective: boolean
    alerted_at: number | null
    alert_acknowledged_at: number | null
    opened_at: number
    closed_at: number | null
    updated_at: number
  }
  export interface Worker {
    id: string
    member_id: string | null
    name_masked: string
    id_masked: string
    added_at: number
  }
  export interface StageEntry {
    stage: Stage
    started_on: string
    ended_on: string | null
    note: string
    at: number
  }
  export interface Detail {
    case: Case
    /** The 12351 request the case came from, when the caller sees it. */
    request: { id: string; tracking_number: string } | null
    workers: Worker[]
    stages: StageEntry[]
    collective_rule: { workers: number; amount_fen: number }
  }
  export interface Page {
    items: Case[]
    next_cursor: string | null
  }
  export interface NewWorker {
    member_id?: string
    name?: string
    id_number?: string
  }
  export interface NewCase {
    org_id?: string
    request_id?: string
    type: CaseType
    title: string
    employer_uscc?: string
    employer_name?: string
    claimed_fen?: number
    lawyer_id?: string
    opened_on?: string
    workers?: NewWorker[]
  }
  export interface Change {
    type?: CaseType
    title?: string
    claimed_fen?: number
    recovered_fen?: number
    outcome?: string
    lawyer_id?: string | null
    acknowledge_alert?: boolean
  }
  export interface Lawyer {
    id: string
    org: { id: string; name: string }
    kind: LawyerKind
    name: string
    firm: string
    phone_masked: string | null
    active: boolean
    updated_at: number
  }
  export interface LawyerInput {
    org_id?: string
    kind?: LawyerKind
    name?: string
    firm?: string
    phone?: string
    active?: boolean
  }
}

const casePath = (id: string) => `/api/v1/legal/cases/${encodeURIComponent(id)}`

export function listLegalCasesApi(query: { type?: string; stage?: string; collective?: string; alert?: string; after?: string }): Promise<LegalApi.Page> {
  return request('/api/v1/legal/cases', {
    query: {
      type: query.type || undefined,
      stage: query.stage || undefined,
      collective: query.collective || undefined,
      alert: query.alert || undefined,
      after: query.after || undefined,
    },
  })
}

/** A 404 ApiError when the case is outside the caller's subtree. */
export function getLegalCaseApi(id: string): Promise<LegalApi.Detail> {
  return request(casePath(id), { silent: true })
}

/** Field errors (title, employer_uscc, workers[0].id_number, …) come back as ApiError. */
export function openLegalCaseApi(c: LegalApi.NewCase): Promise<LegalApi.Detail> {
  return request('/api/v1/legal/cases', { method: 'POST', body: c, silent: true })
}

export function updateLegalCaseApi(id: string, change: LegalApi.Change): Promise<LegalApi.Detail> {
  return request(casePath(id), { method: 'PATCH', body: change, silent: true })
}

/** 409 when the worker's ID is in the case already. */
export function addLegalCaseWorkerApi(id: string, worker: LegalApi.NewWorker): Promise<LegalApi.Detail> {
  return request(`${casePath(id)}/workers`, { method: 'POST', body: worker, silent: true })
}

export function removeLegalCaseWorkerApi(id: string, workerId: string): Promise<LegalApi.Detail> {
  return request(`${casePath(id)}/workers/${encodeURIComponent(workerId)}`, { method: 'DELETE', silent: true })
}

/** 409 when the stage is not a later one. */
export function advanceLegalCaseApi(id: string, stage: LegalApi.Stage, startedOn: string, note: string): Promise<LegalApi.Detail> {
  return request(`${casePath(id)}/stages`, { method: 'POST', body: { stage, started_on: startedOn, note }, silent: true })
}

export function closeLegalCaseApi(id: string, outcome: string, recoveredFen: number | undefined, closedOn: string): Promise<LegalApi.Detail> {
  return request(`${casePath(id)}/close`, {
    method: 'POST',
    body: { outcome, recovered_fen: recoveredFen, closed_on: closedOn || undefined },
    silent: true,
  })
}

export function listLawyersApi(): Promise<{ items: LegalApi.Lawyer[]; next_cursor: string | null }> {
  return request('/api/v1/legal/lawyers', { query: { limit: 200 } })
}

export function createLawyerApi(input: LegalApi.LawyerInput): Promise<LegalApi.Lawyer> {
  return request('/api/v1/legal/lawyers', { method: 'POST', body: input, silent: true })
}

export function updateLawyerApi(id: string, input: LegalApi.LawyerInput): Promise<LegalApi.Lawyer> {
  return request(`/api/v1/legal/lawyers/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, silent: true })
}
