// The aid, legal-case and evidence clients (issue 20) against the server's OpenAPI document; see
// openapi-contract.ts.
import { describeContract, type Keys } from './openapi-contract'
import type { AidApi } from './aid'
import type { Attachment } from './attachments'
import type { LegalApi } from './legal'

const fields = {
  AidGrant: {
    id: true,
    file_id: true,
    org: true,
    kind: true,
    period: true,
    amount_fen: true,
    status: true,
    approver_level: true,
    budget_org_id: true,
    rule: true,
    proposed_by: true,
    proposed_at: true,
    decided_by: true,
    decided_at: true,
    refuse_reason: true,
    updated_at: true,
    payments: true,
  } satisfies Keys<AidApi.Grant>,
  LegalCase: {
    id: true,
    org: true,
    type: true,
    title: true,
    employer: true,
    stage: true,
    claimed_fen: true,
    recovered_fen: true,
    outcome: true,
    lawyer: true,
    worker_count: true,
    collective: true,
    alerted_at: true,
    alert_acknowledged_at: true,
    opened_at: true,
    closed_at: true,
    updated_at: true,
  } satisfies Keys<LegalApi.Case>,
  LegalCaseDetail: { case: true, request: true, workers: true, stages: true, collective_rule: true } satisfies Keys<LegalApi.Detail>,
  Attachment: {
    id: true,
    owner_kind: true,
    owner_id: true,
    stage: true,
    file_name: true,
    media_type: true,
    bytes: true,
    sha256: true,
    uploaded_by: true,
    uploaded_at: true,
  } satisfies Keys<Attachment>,
  Lawyer: { id: true, org: true, kind: true, name: true, firm: true, phone_masked: true, active: true, updated_at: true } satisfies Keys<LegalApi.Lawyer>,
}

const calls: [string, string][] = [
  ['get', '/api/v1/aid/grants'],
  ['post', '/api/v1/aid/grants/{id}/approve'],
  ['post', '/api/v1/aid/grants/{id}/refuse'],
  ['post', '/api/v1/aid/grants/{id}/pay'],
  ['get', '/api/v1/legal/cases'],
  ['post', '/api/v1/legal/cases'],
  ['get', '/api/v1/legal/cases/{id}'],
  ['patch', '/api/v1/legal/cases/{id}'],
  ['post', '/api/v1/legal/cases/{id}/workers'],
  ['delete', '/api/v1/legal/cases/{id}/workers/{wid}'],
  ['post', '/api/v1/legal/cases/{id}/stages'],
  ['post', '/api/v1/legal/cases/{id}/close'],
  ['get', '/api/v1/legal/lawyers'],
  ['post', '/api/v1/legal/lawyers'],
  ['patch', '/api/v1/legal/lawyers/{id}'],
  ['get', '/api/v1/hardship/files/{id}/attachments'],
  ['post', '/api/v1/hardship/files/{id}/attachments'],
  ['get', '/api/v1/legal/cases/{id}/stages/{stage}/documents'],
  ['post', '/api/v1/legal/cases/{id}/stages/{stage}/documents'],
  ['get', '/api/v1/attachments/{id}/content'],
  ['delete', '/api/v1/attachments/{id}'],
]

describeContract('the aid, legal and evidence clients', fields, calls)
