// Checks the issue-5 clients against the server's OpenAPI document (src/http/openapi.json): every
// call has its path and method, and the fields of each response type are exactly the schema's.
// The key lists are checked against the TypeScript types, so a field added on either side fails.
import { describe, expect, it } from 'vitest'
import openapi from '../../../src/http/openapi.json'
import type { CoverageApi } from './coverage'
import type { EnterprisesApi } from './enterprises'
import type { OrgsApi } from './orgs'
import type { PortalAccountApi } from './portal-account'
import type { CalendarsApi } from './calendars'
import type { RequestsApi } from './requests'
import type { WorkerBindingsApi } from './worker-bindings'

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
  ...workerAccountFields(),
}

/** Issue 19: the worker's own account and the staff side of it. */
function workerAccountFields() {
  const member = { id: true, name: true, card_number: true, union_name: true, join_date: true, status: true } satisfies Keys<PortalAccountApi.Member>
  const pending = { id: true, reason: true, union_name: true, created_at: true } satisfies Keys<PortalAccountApi.PendingBinding>
  return {
    SignInCodeSent: { resend_after_seconds: true, expires_in_seconds: true } satisfies Keys<PortalAccountApi.CodeSent>,
    Worker: { id: true, member_id: true } satisfies Keys<PortalAccountApi.Worker>,
    WorkerSession: { worker: true, csrf_token: true } satisfies Keys<PortalAccountApi.Session>,
    WorkerSignedIn: { worker: true, csrf_token: true, new_account: true } satisfies Keys<PortalAccountApi.SignedIn>,
    BoundMember: member,
    PendingBinding: pending,
    MyAccount: { id: true, phone_masked: true, created_at: true, member: true, pending_binding: true } satisfies Keys<PortalAccountApi.Me>,
    BindingResult: { state: true, member: true, pending_binding: true } satisfies Keys<PortalAccountApi.Binding>,
    MemberCard: { member: true, token: true, token_expires_at: true } satisfies Keys<PortalAccountApi.Card>,
    WorkerBinding: {
      id: true,
      state: true,
      reason: true,
      created_at: true,
      member: true,
      worker_phone_masked: true,
      decided_at: true,
      decided_by_name: true,
      decision_note: true,
    } satisfies Keys<WorkerBindingsApi.Binding>,
    WorkerBindingPage: { items: true, next_cursor: true } satisfies Keys<WorkerBindingsApi.Page>,
    VerifiedCard: { member: true, token_expires_at: true } satisfies Keys<WorkerBindingsApi.VerifiedCard>,
  }
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
    next_milestone: true,
    escalations: true,
  } satisfies Keys<RequestsApi.Summary>
  const followUp = {
    id: true,
    request_id: true,
    reason: true,
    org: true,
    created_at: true,
    done_at: true,
    done_by_name: true,
    note: true,
  } satisfies Keys<RequestsApi.FollowUp>
  const figures = {
    submitted: true,
    urgent: true,
    accepted: true,
    accepted_on_time: true,
    resolved: true,
    resolved_on_time: true,
    escalated: true,
    rated: true,
    rating_sum: true,
    low_ratings: true,
    reopened: true,
    resolved_within: true,
  } satisfies Keys<RequestsApi.Figures>
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
    RequestMilestone: { milestone: true, due: true, reached_at: true, state: true } satisfies Keys<RequestsApi.MilestoneInfo>,
    RequestCounts: { new: true, mine: true, overdue: true, escalated: true, follow_up: true, cap: true } satisfies Keys<RequestsApi.Counts>,
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
      milestones: true,
      allowed_actions: true,
      follow_up: true,
      events: true,
    } satisfies Keys<RequestsApi.Detail>,
    FollowUp: followUp satisfies Keys<RequestsApi.FollowUp>,
    FollowUpEntry: {
      ...followUp,
      tracking_number: true,
      title: true,
      category: true,
      rating: true,
      rating_comment: true,
    } satisfies Keys<RequestsApi.FollowUpEntry>,
    FollowUpPage: { items: true, next_cursor: true } satisfies Keys<RequestsApi.FollowUpPage>,
    CalendarYear: {
      year: true,
      source: true,
      working_days: true,
      holidays: true,
      worked_weekends: true,
      loaded_at: true,
    } satisfies Keys<CalendarsApi.Year>,
    ServiceFigures: figures satisfies Keys<RequestsApi.Figures>,
    ServiceDashboard: {
      org: true,
      weeks: true,
      from_week: true,
      total: true,
      accepted_on_time_rate: true,
      resolved_on_time_rate: true,
      average_rating: true,
      median_resolve_days: true,
      resolve_bucket_days: true,
      categories: true,
      series: true,
      children: true,
      most_overdue: true,
    } satisfies Keys<RequestsApi.Dashboard>,
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
  ['get', '/api/v1/requests/follow-ups'],
  ['post', '/api/v1/requests/{id}/follow-up'],
  ['get', '/api/v1/requests/dashboard'],
  // issue 18
  ['get', '/api/v1/requests/counts'],
  ['post', '/api/v1/requests/{id}/phone/reveal'],
  ['get', '/api/v1/members/{id}/requests'],
  ['get', '/api/v1/calendars'],
  ['put', '/api/v1/calendars/{year}'],
  ['post', '/api/v1/portal/requests'],
  ['post', '/api/v1/portal/requests/track'],
  ['post', '/api/v1/portal/requests/rate'],
  ['post', '/api/v1/portal/requests/reopen'],
  ['post', '/api/v1/portal/requests/withdraw'],
  ['get', '/api/v1/portal/employers'],
  ['get', '/api/v1/portal/streets'],
  // issue 19
  ['post', '/api/v1/portal/sign-in/code'],
  ['post', '/api/v1/portal/session'],
  ['get', '/api/v1/portal/session'],
  ['delete', '/api/v1/portal/session'],
  ['delete', '/api/v1/portal/sessions'],
  ['get', '/api/v1/me'],
  ['post', '/api/v1/me/binding'],
  ['get', '/api/v1/me/card'],
  ['get', '/api/v1/worker-bindings'],
  ['post', '/api/v1/worker-bindings/{id}/approve'],
  ['post', '/api/v1/worker-bindings/{id}/reject'],
  ['post', '/api/v1/cards/verify'],
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
