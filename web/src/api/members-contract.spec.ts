// Checks the member registry client (members.ts) against the server's OpenAPI document
// (src/http/openapi.json), as openapi-contract.spec.ts does for issue 5: every call has its path
// and method, and the fields of each type are exactly the schema's, so a field added or renamed
// on either side fails here.
import { describe, expect, it } from 'vitest'
import openapi from '../../../src/http/openapi.json'
import type { MembersApi } from './members'

type Keys<T> = Record<keyof T, true>
type AllKeys<T> = T extends unknown ? keyof T : never

const summary = {
  id: true,
  name: true,
  gender: true,
  birth_date: true,
  id_masked: true,
  phone_masked: true,
  card_number: true,
  union: true,
  employer: true,
  join_date: true,
  status: true,
  migrant_worker: true,
  model_worker: true,
} satisfies Keys<MembersApi.Summary>

const fields: Record<string, Record<string, true>> = {
  MemberSummary: summary,
  Member: {
    ...summary,
    ethnicity: true,
    status_changed_on: true,
    import_id: true,
    created_at: true,
    updated_at: true,
    events: true,
    transfers: true,
  } satisfies Keys<MembersApi.Detail>,
  MemberPage: { items: true, next_cursor: true } satisfies Keys<MembersApi.Page>,
  MemberEvent: { at: true, event: true, actor_name: true, detail: true } satisfies Keys<MembersApi.Event>,
  NewMember: {
    union_id: true,
    name: true,
    id_number: true,
    gender: true,
    phone: true,
    ethnicity: true,
    employer_id: true,
    employer_name: true,
    employer_uscc: true,
    join_date: true,
    migrant_worker: true,
    model_worker: true,
  } satisfies Keys<MembersApi.NewMember>,
  MemberChanges: {
    phone: true,
    ethnicity: true,
    employer_id: true,
    employer_name: true,
    join_date: true,
    migrant_worker: true,
    model_worker: true,
    status: true,
    status_changed_on: true,
  } satisfies Keys<MembersApi.Changes>,
  MemberTransfer: {
    id: true,
    member: true,
    from_union: true,
    to_union: true,
    requested_side: true,
    requested_by_name: true,
    requested_by_worker: true,
    new_employer: true,
    reason: true,
    state: true,
    due_at: true,
    created_at: true,
    decided_at: true,
    decided_by_name: true,
    decision_note: true,
    import_id: true,
    can_decide: true,
    can_cancel: true,
  } satisfies Keys<MembersApi.Transfer>,
  MemberTransferPage: { items: true, next_cursor: true } satisfies Keys<MembersApi.TransferPage>,
  MemberImport: {
    id: true,
    union: true,
    file_name: true,
    mode: true,
    status: true,
    encoding: true,
    unknown_columns: true,
    header_row: true,
    rows_total: true,
    rows_committed_through: true,
    accepted: true,
    already_present: true,
    transfer_candidates: true,
    rejected: true,
    started_at: true,
    finished_at: true,
    rejections: true,
    candidates: true,
    job: true,
  } satisfies Keys<MembersApi.Import>,
}

// One schema documents every shape of a transfer request (sender by id or code, receiver by ID).
const newTransfer = {
  member_id: true,
  id_number: true,
  to_union_id: true,
  to_union_code: true,
  reason: true,
} satisfies Record<AllKeys<MembersApi.NewTransfer>, true>

const calls: [string, string][] = [
  ['get', '/api/v1/members'],
  ['post', '/api/v1/members'],
  ['get', '/api/v1/members/{id}'],
  ['patch', '/api/v1/members/{id}'],
  ['post', '/api/v1/members/{id}/reveal'],
  ['get', '/api/v1/member-transfers'],
  ['post', '/api/v1/member-transfers'],
  ['post', '/api/v1/member-transfers/{id}/approve'],
  ['post', '/api/v1/member-transfers/{id}/reject'],
  ['post', '/api/v1/member-transfers/{id}/cancel'],
  ['post', '/api/v1/members/imports'],
  ['get', '/api/v1/members/imports'],
  ['get', '/api/v1/members/imports/{id}'],
  ['delete', '/api/v1/members/imports/{id}'],
  ['post', '/api/v1/members/imports/{id}/cancel'],
  ['get', '/api/v1/members/imports/{id}/report'],
  ['post', '/api/v1/members/imports/{id}/report'],
  ['get', '/api/v1/members/template'],
  ['post', '/api/v1/members/export'],
  ['post', '/api/v1/members/imports/{id}/transfers'],
]

interface Schema {
  properties?: Record<string, unknown>
}
const document = openapi as unknown as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } }
const properties = (name: string) => Object.keys(document.components.schemas[name]?.properties ?? {}).sort()

describe('the member registry client against openapi.json', () => {
  it.each(calls)('the server documents %s %s', (method, path) => {
    expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined()
  })

  it.each(Object.entries(fields))('%s has exactly the fields of its TypeScript type', (name, keys) => {
    expect(properties(name)).toEqual(Object.keys(keys).sort())
  })

  it('a transfer request has exactly the fields of all its shapes together', () => {
    expect(properties('NewMemberTransfer')).toEqual(Object.keys(newTransfer).sort())
  })
})
