// Aid grants (帮扶, issue 20): the grants of the caller's subtree (/api/v1/aid/grants, with the
// queue of those waiting for the caller's org level), approve, refuse with a reason, and record
// a payment. Money is integer fen; the server decides who may decide what.
import { request, requestFile, type FileAnswer } from './request'

export namespace AidApi {
  export type Status = 'proposed' | 'approved' | 'paid' | 'refused'
  export type Kind = 'living' | 'medical' | 'schooling' | 'festival' | 'emergency'
  export type Level = 'grassroots' | 'street' | 'district' | 'municipal'
  export interface Grant {
    id: string
    file_id: string
    org: { id: string; name: string }
    kind: Kind
    period: string
    amount_fen: number
    status: Status
    approver_level: Level
    budget_org_id: string
    rule: { key: string; args: Record<string, string>; text: string }
    proposed_by: string | null
    proposed_at: number
    decided_by: string | null
    decided_at: number | null
    refuse_reason: string | null
    updated_at: number
    /** The detail's only (GET /api/v1/aid/grants/{id} and the decisions' answers). */
    payments?: Payment[]
  }
  export interface Payment {
    id: string
    paid_on: string
    amount_fen: number
    method: 'bank_transfer' | 'cash' | 'other'
    batch_id: string | null
    paid_by: string | null
    paid_at: number
  }
  export interface Page {
    items: Grant[]
    next_cursor: string | null
  }
  /** A tab of the queue: the grants waiting for the caller, or those of one status. */
  export type View = 'to_decide' | Status
}

export function listAidGrantsApi(view: AidApi.View, cursor?: string): Promise<AidApi.Page> {
  const query = view === 'to_decide' ? { to_decide: 'me', after: cursor } : { status: view, after: cursor }
  return request('/api/v1/aid/grants', { query })
}

export function approveAidGrantApi(id: string): Promise<AidApi.Grant> {
  return request(`/api/v1/aid/grants/${encodeURIComponent(id)}/approve`, { method: 'POST', body: {} })
}

export function refuseAidGrantApi(id: string, reason: string): Promise<AidApi.Grant> {
  return request(`/api/v1/aid/grants/${encodeURIComponent(id)}/refuse`, { method: 'POST', body: { reason } })
}

export function payAidGrantApi(id: string, paidOn: string, method: 'bank_transfer' | 'cash' | 'other', batchId?: string): Promise<AidApi.Grant> {
  return request(`/api/v1/aid/grants/${encodeURIComponent(id)}/pay`, {
    method: 'POST',
    body: batchId ? { paid_on: paidOn, method, batch_id: batchId } : { paid_on: paidOn, method },
  })
}

/** The finance office's XLSX list of approved grants not yet paid (one kind or all), with a reason (audited). */
export function aidPaymentListApi(reason: string, kind?: string): Promise<FileAnswer> {
  return requestFile('/api/v1/aid/payment-list', { method: 'POST', body: kind ? { reason, kind } : { reason }, silent: true })
}

/** One round's payments: each grant's outcome (a grant decided meanwhile is reported, the others paid). */
export function payAidBatchApi(
  grantIds: string[],
  paidOn: string,
  batchId?: string,
): Promise<{ paid: number; items: { grant_id: string; paid: boolean; error?: { code: string; message: string } }[] }> {
  return request('/api/v1/aid/payments', {
    method: 'POST',
    body: { grant_ids: grantIds, paid_on: paidOn, method: 'bank_transfer', ...(batchId ? { batch_id: batchId } : {}) },
    silent: true,
  })
}
