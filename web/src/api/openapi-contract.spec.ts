// Checks the issue-5 clients against the server's OpenAPI document (src/http/openapi.json): every
// call has its path and method, and the fields of each response type are exactly the schema's.
// The key lists are checked against the TypeScript types, so a field added on either side fails.
import { describe, expect, it } from 'vitest'
import openapi from '../../../src/http/openapi.json'
import type { CoverageApi } from './coverage'
import type { EnterprisesApi } from './enterprises'
import type { OrgsApi } from './orgs'
import type { RequestsApi } from './requests'

type Keys<T> = Record<keyof T, true>

const fields = {
  OrgNode: { id: true, code: true, name: true, kind: true, status: true, has_children: true } satisfies Keys<OrgsApi.Node>,
  Org: {
    id: true,
    code: true,
    name: true,
    kind: true,
    status: true,
    parent: true,
    ancestors: true,
    region_code: true,
    region_name: true,
    founded_on: true,
    chair: true,
    contact: true,
    child_count: true,
  } satisfies Keys<OrgsApi.Detail>,
  Coverage: {
    org: true,
    enterprises: true,
    unionised_enterprises: true,
    unionised_rate: true,
    employees: true,
    members: true,
    membership_rate: true,
    served_12m: true,
    served_rate: true,
    founding_gap: true,
    children: true,
    industries: true,
  } satisfies Keys<CoverageApi.Coverage>,
  ChildCoverage: {
    id: true,
    code: true,
    name: true,
    kind: true,
    enterprises: true,
    unionised_enterprises: true,
    unionised_rate: true,
    employees: true,
    members: true,
    membership_rate: true,
    founding_gap: true,
    region_code: true,
  } satisfies Keys<CoverageApi.Child>,
  IndustryCoverage: {
    section: true,
    enterprises: true,
    unionised_enterprises: true,
    unionised_rate: true,
    employees: true,
    members: true,
  } satisfies Keys<CoverageApi.Industry>,
  FoundingEntry: {
    id: true,
    name: true,
    uscc: true,
    industry: true,
    employees: true,
    region_code: true,
    region_name: true,
  } satisfies Keys<CoverageApi.FoundingItem>,
  Enterprise: {
    id: true,
    name: true,
    uscc: true,
    region_code: true,
    region_name: true,
    industry: true,
    ownership: true,
    employees: true,
    employees_reported_on: true,
    union: true,
  } satisfies Keys<EnterprisesApi.Enterprise>,
  NewOrg: {
    code: true,
    name: true,
    kind: true,
    parent_id: true,
    region_code: true,
    founded_on: true,
    chair: true,
    contact: true,
  } satisfies Keys<OrgsApi.NewOrg>,
  OrgChanges: { name: true, region_code: true, founded_on: true, chair: true, contact: true, status: true } satisfies Keys<OrgsApi.Changes>,
  NewEnterprise: {
    name: true,
    uscc: true,
    region_code: true,
    industry: true,
    ownership: true,
    employees: true,
    employees_reported_on: true,
    union_org_id: true,
  } satisfies Keys<EnterprisesApi.Fields>,
  ...requestFields(),
}

/** Issue 7: the service-request clients. */
function requestFields() {
  const summary = {
    id: true,
    tracking_number: true,
    channel: true,
    category: true,
    priority: true,
    status: true,
    title: true,
    org: true,
    contact_name: true,
    phone_masked: true,
    created_at: true,
    next_due: true,
    escalations: true,
  } satisfies Keys<RequestsApi.Summary>
  return {
    RequestCategory: {
      code: true,
      parent_code: true,
      name: true,
      name_zh: true,
      name_en: true,
      lowest_level: true,
      accept_days: true,
      contact_days: true,
      resolve_days: true,
      active: true,
    } satisfies Keys<RequestsApi.Category>,
    RequestCategoryChanges: {
      name_zh: true,
      name_en: true,
      lowest_level: true,
      accept_days: true,
      contact_days: true,
      resolve_days: true,
      active: true,
    } satisfies Keys<Required<RequestsApi.CategoryChanges>>,
    RequestSummary: summary,
    RequestDetail: {
      ...summary,
      description: true,
      employer: true,
      region_code: true,
      member_id: true,
      deadlines: true,
      accepted_at: true,
      contacted_at: true,
      resolved_at: true,
      closed_at: true,
      resolution: true,
      rating: true,
      rating_comment: true,
      actions: true,
      events: true,
    } satisfies Keys<RequestsApi.Detail>,
    RequestEvent: {
      id: true,
      at: true,
      kind: true,
      from_status: true,
      to_status: true,
      org_name: true,
      actor_name: true,
      internal: true,
      body: true,
    } satisfies Keys<RequestsApi.Event>,
    NewPortalRequest: {
      category: true,
      title: true,
      description: true,
      contact_name: true,
      contact_phone: true,
      employer_id: true,
      region_code: true,
      employer_name: true,
    } satisfies Keys<Required<RequestsApi.PortalFields>>,
    NewStaffRequest: {
      channel: true,
      priority: true,
      member_id: true,
      category: true,
      title: true,
      description: true,
      contact_name: true,
      contact_phone: true,
      employer_id: true,
      region_code: true,
      employer_name: true,
    } satisfies Keys<Required<RequestsApi.StaffFields>>,
    PortalReceipt: { tracking_number: true, status: true, org_name: true } satisfies Keys<RequestsApi.Receipt>,
    TrackingKey: { tracking_number: true, phone_last4: true } satisfies Keys<RequestsApi.TrackingKey>,
    TrackedEvent: {
      at: true,
      kind: true,
      from_status: true,
      to_status: true,
      org_name: true,
      body: true,
    } satisfies Keys<RequestsApi.TrackedEvent>,
    TrackedRequest: {
      tracking_number: true,
      category_name: true,
      title: true,
      status: true,
      org_name: true,
      created_at: true,
      resolved_at: true,
      resolution: true,
      rating: true,
      may_rate: true,
      may_reopen: true,
      may_withdraw: true,
      events: true,
    } satisfies Keys<RequestsApi.Tracked>,
    EmployerHit: { id: true, name: true, region_name: true } satisfies Keys<RequestsApi.EmployerHit>,
    StreetHit: { code: true, name: true, district_name: true } satisfies Keys<RequestsApi.StreetHit>,
  }
}

const calls: [string, string][] = [
  ['get', '/api/v1/orgs'],
  ['get', '/api/v1/org-tree'],
  ['get', '/api/v1/orgs/{id}'],
  ['post', '/api/v1/orgs'],
  ['patch', '/api/v1/orgs/{id}'],
  ['post', '/api/v1/orgs/{id}/move'],
  ['get', '/api/v1/orgs/{id}/coverage'],
  ['get', '/api/v1/orgs/{id}/founding-list'],
  ['get', '/api/v1/orgs/{id}/founding-list.xlsx'],
  ['get', '/api/v1/enterprises'],
  ['post', '/api/v1/enterprises'],
  ['get', '/api/v1/enterprises/{id}'],
  ['patch', '/api/v1/enterprises/{id}'],
  // issue 7
  ['get', '/api/v1/request-categories'],
  ['patch', '/api/v1/request-categories/{code}'],
  ['get', '/api/v1/requests'],
  ['post', '/api/v1/requests'],
  ['get', '/api/v1/requests/{id}'],
  ['post', '/api/v1/requests/{id}/actions'],
  ['post', '/api/v1/requests/{id}/messages'],
  ['post', '/api/v1/requests/{id}/transfer'],
  ['post', '/api/v1/portal/requests'],
  ['post', '/api/v1/portal/requests/track'],
  ['post', '/api/v1/portal/requests/rate'],
  ['post', '/api/v1/portal/requests/reopen'],
  ['post', '/api/v1/portal/requests/withdraw'],
  ['get', '/api/v1/portal/employers'],
  ['get', '/api/v1/portal/streets'],
]

interface Schema {
  properties?: Record<string, unknown>
}
const document = openapi as unknown as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } }

describe('the issue-5 clients against openapi.json', () => {
  it.each(calls)('the server documents %s %s', (method, path) => {
    expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined()
  })

  it.each(Object.entries(fields))('%s has exactly the fields of its TypeScript type', (name, keys) => {
    const properties = Object.keys(document.components.schemas[name]?.properties ?? {}).sort()
    expect(properties).toEqual(Object.keys(keys).sort())
  })
})
