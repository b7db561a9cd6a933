// Service requests API (诉求): categories (public), the worker portal's calls without an account
// (submit, track by number + last four digits, rate, reopen, withdraw, employer and street
// look-ups), and the staff side (queues, one request with its history, intake, moves, notes and
// replies, category settings for administrators), follow-up visits (回访) and the service dashboard.
import { request } from './request'

export namespace RequestsApi {
  export type Status = 'submitted' | 'accepted' | 'in_progress' | 'resolved' | 'closed' | 'rejected' | 'withdrawn'
  export type Level = 'grassroots' | 'street' | 'district' | 'municipal'
  export type Channel = 'portal' | 'hotline' | 'walk_in' | 'cadre'
  export type Priority = 'normal' | 'urgent'
  export type Box = 'all' | 'new' | 'mine' | 'overdue' | 'escalated'
  export type HandlerAction = 'accept' | 'contact' | 'resolve' | 'reject' | 'close'
  /** What the request page offers: the state machine's moves and the hand-over to another org. */
  export type Step = HandlerAction | 'transfer'
  export type Milestone = 'accept' | 'contact' | 'resolve'
  export type MilestoneState = 'pending' | 'met' | 'missed' | 'overdue' | 'none'

  export interface Category {
    code: string
    parent_code: string | null
    /** In the caller's language. */
    name: string
    name_zh: string
    name_en: string
    lowest_level: Level
    accept_days: number
    contact_days: number
    resolve_days: number
    active: boolean
  }
  export type CategoryChanges = Partial<Pick<Category, 'name_zh' | 'name_en' | 'lowest_level' | 'accept_days' | 'contact_days' | 'resolve_days' | 'active'>>

  export interface Summary {
    id: string
    tracking_number: string
    channel: Channel
    category: { code: string; name: string }
    priority: Priority
    status: Status
    title: string
    org: { id: string; name: string }
    contact_name: string
    phone_masked: string
    /** Unix ms. */
    created_at: number
    /** The deadline of the first pending milestone (Unix ms); null once none is pending. */
    next_due: number | null
    /** The milestone next_due belongs to: the countdown's label. */
    next_milestone: Milestone | null
    escalations: number
  }
  export interface Page {
    items: Summary[]
    next_cursor: string | null
  }
  export interface Event {
    id: string
    at: number
    kind: string
    from_status: string | null
    to_status: string | null
    org_name: string | null
    actor_name: string | null
    internal: boolean
    /** Plain text: shown as text, never as HTML. */
    body: string | null
  }
  export interface Detail extends Summary {
    description: string
    employer: { id: string | null; name: string } | null
    region_code: string | null
    member_id: string | null
    deadlines: { accept_by: number; contact_by: number; resolve_by: number }
    accepted_at: number | null
    contacted_at: number | null
    resolved_at: number | null
    closed_at: number | null
    resolution: string | null
    rating: number | null
    rating_comment: string | null
    /** Deadlines of the present assignment and whether each was met. */
    milestones: MilestoneInfo[]
    /** The moves offered to the caller now, the next step first. */
    allowed_actions: Step[]
    /** Its follow-up visit (回访), when one was opened and the caller sees the org owing it. */
    follow_up: FollowUp | null
    /** What the request became (a hardship file, …), as far as the caller sees it. */
    links: CaseLink[]
    events: Event[]
  }
  export interface CaseLink {
    kind: 'hardship_file' | 'legal_case' | 'mutual_aid_claim'
    id: string
    created_at: number
  }
  export interface MilestoneInfo {
    milestone: Milestone
    /** Unix ms. */
    due: number
    reached_at: number | null
    state: MilestoneState
  }
  /** The figures on the queue's tabs; a figure equal to cap means "cap or more". */
  export interface Counts {
    new: number
    mine: number
    overdue: number
    escalated: number
    follow_up: number
    cap: number
  }
  export type FollowUpReason = 'low_rating' | 'no_rating' | 'legal_closed'
  export type FollowUpState = 'open' | 'done'
  export interface FollowUp {
    id: string
    request_id: string
    reason: FollowUpReason
    org: { id: string; name: string }
    /** Unix ms. */
    created_at: number
    done_at: number | null
    done_by_name: string | null
    note: string | null
  }
  export interface FollowUpEntry extends FollowUp {
    tracking_number: string
    title: string
    category: { code: string; name: string }
    rating: number | null
    rating_comment: string | null
  }
  export interface FollowUpPage {
    items: FollowUpEntry[]
    next_cursor: string | null
  }
  export interface FollowUpQuery {
    state?: FollowUpState
    org_id?: string
    after?: string
    limit?: number
  }
  /** Additive counters of the service dashboard. */
  export interface Figures {
    submitted: number
    urgent: number
    accepted: number
    accepted_on_time: number
    resolved: number
    resolved_on_time: number
    escalated: number
    rated: number
    rating_sum: number
    /** Ratings of 1 or 2. */
    low_ratings: number
    reopened: number
    /** Resolutions per bucket of resolve_bucket_days, the last one "later". */
    resolved_within: number[]
  }
  export interface DashboardCategory extends Figures {
    code: string
    name: string
  }
  export interface DashboardWeek extends Figures {
    /** Its Monday, YYYY-MM-DD. */
    week: string
    submitted_by_category: Record<string, number>
  }
  export interface DashboardChild extends Figures {
    id: string
    name: string
  }
  export interface Dashboard {
    org: { id: string; name: string; kind: string }
    weeks: number
    from_week: string
    total: Figures
    accepted_on_time_rate: number | null
    resolved_on_time_rate: number | null
    average_rating: number | null
    /** Days (min, max] holding the median resolution time; max null for "over the last bound". */
    median_resolve_days: { min: number; max: number | null } | null
    resolve_bucket_days: number[]
    categories: DashboardCategory[]
    series: DashboardWeek[]
    children: DashboardChild[]
    most_overdue: { org: { id: string; name: string }; overdue: number }[]
  }
  export interface ListQuery {
    box?: Box
    /** One status, or OPEN_STATUSES (the server takes a comma list). */
    status?: Status | typeof OPEN_STATUSES | ''
    category?: string
    priority?: Priority | ''
    org_id?: string
    /** A tracking number, a mobile number or a contact's exact name; searches the whole scope. */
    q?: string
    cursor?: string
    limit?: number
  }
  /** What a worker gives on the portal; the employer by id, or else the street. */
  export interface PortalFields {
    category: string
    title: string
    description: string
    contact_name: string
    contact_phone: string
    employer_id?: string | null
    region_code?: string | null
    employer_name?: string | null
  }
  export interface StaffFields extends PortalFields {
    channel: Channel
    priority?: Priority
    member_id?: string | null
  }
  export interface Receipt {
    tracking_number: string
    status: Status
    org_name: string
  }
  export interface TrackingKey {
    tracking_number: string
    phone_last4: string
  }
  export interface TrackedEvent {
    at: number
    kind: string
    from_status: string | null
    to_status: string | null
    org_name: string | null
    body: string | null
  }
  export interface Tracked {
    tracking_number: string
    category_name: string
    title: string
    status: Status
    org_name: string
    created_at: number
    resolved_at: number | null
    resolution: string | null
    rating: number | null
    may_rate: boolean
    may_reopen: boolean
    may_withdraw: boolean
    events: TrackedEvent[]
  }
  /** One of the signed-in worker's own requests (My requests); in a list, without events. */
  /** What one of my requests became that is meant for me (its own page only): a hardship file
   *  of my household with its stage in my words (as MyHardshipApi.Stage), aid granted to it. */
  export interface Became {
    at: number
    kind: 'hardship_file' | 'aid_granted' | 'mutual_aid_claim'
    stage: string | null
    aid_kind: string | null
  }
  export interface Mine extends Omit<Tracked, 'events'> {
    id: string
    events?: TrackedEvent[]
    became?: Became[]
  }
  export interface MinePage {
    items: Mine[]
    next_cursor: string | null
  }
  export interface EmployerHit {
    id: string
    name: string
    region_name: string | null
  }
  export interface StreetHit {
    code: string
    name: string
    district_name: string
  }
}

export const REQUEST_STATUSES: RequestsApi.Status[] = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'withdrawn']
/** The open statuses as one filter value (the workbench's "escalated to us" links to it). */
export const OPEN_STATUSES = 'submitted,accepted,in_progress'
export const REQUEST_BOXES: RequestsApi.Box[] = ['new', 'mine', 'overdue', 'escalated', 'all']
export const REQUEST_LEVELS: RequestsApi.Level[] = ['grassroots', 'street', 'district', 'municipal']

const requestPath = (id: string) => `/api/v1/requests/${encodeURIComponent(id)}`

export function listCategoriesApi(): Promise<RequestsApi.Category[]> {
  return request('/api/v1/request-categories')
}

export function updateCategoryApi(code: string, changes: RequestsApi.CategoryChanges): Promise<RequestsApi.Category> {
  return request(`/api/v1/request-categories/${encodeURIComponent(code)}`, { method: 'PATCH', body: changes, silent: true })
}

/** Submits on the portal; field errors come back as an ApiError for the form. A worker signed in
 *  to the portal sends the portal session's CSRF token, which links the request to the account. */
export function submitPortalRequestApi(fields: RequestsApi.PortalFields): Promise<RequestsApi.Receipt> {
  return request('/api/v1/portal/requests', { method: 'POST', body: fields, silent: true, session: 'portal' })
}

/** The worker's view; a 404 ApiError for a wrong number or wrong digits alike, 429 when throttled. */
export function trackRequestApi(key: RequestsApi.TrackingKey): Promise<RequestsApi.Tracked> {
  return request('/api/v1/portal/requests/track', { method: 'POST', body: key, silent: true })
}

export function rateRequestApi(key: RequestsApi.TrackingKey, rating: number, comment: string): Promise<RequestsApi.Tracked> {
  return request('/api/v1/portal/requests/rate', { method: 'POST', body: { ...key, rating, comment }, silent: true })
}

export function reopenRequestApi(key: RequestsApi.TrackingKey, reason: string): Promise<RequestsApi.Tracked> {
  return request('/api/v1/portal/requests/reopen', { method: 'POST', body: { ...key, reason }, silent: true })
}

export function withdrawRequestApi(key: RequestsApi.TrackingKey): Promise<RequestsApi.Tracked> {
  return request('/api/v1/portal/requests/withdraw', { method: 'POST', body: key, silent: true })
}

/** My requests: the signed-in worker's own, newest first (portal session). */
export function listMyRequestsApi(cursor?: string): Promise<RequestsApi.MinePage> {
  return request('/api/v1/me/requests', { query: { cursor }, session: 'portal' })
}

/** One of my requests with its timeline; another worker's is a 404. */
export function getMyRequestApi(id: string): Promise<RequestsApi.Mine> {
  return request(`/api/v1/me/requests/${encodeURIComponent(id)}`, { session: 'portal', silent: true })
}

export function rateMyRequestApi(id: string, rating: number, comment: string): Promise<RequestsApi.Mine> {
  return request(`/api/v1/me/requests/${encodeURIComponent(id)}/rate`, { method: 'POST', body: { rating, comment }, silent: true, session: 'portal' })
}

export function reopenMyRequestApi(id: string, reason: string): Promise<RequestsApi.Mine> {
  return request(`/api/v1/me/requests/${encodeURIComponent(id)}/reopen`, { method: 'POST', body: { reason }, silent: true, session: 'portal' })
}

export function withdrawMyRequestApi(id: string): Promise<RequestsApi.Mine> {
  return request(`/api/v1/me/requests/${encodeURIComponent(id)}/withdraw`, { method: 'POST', silent: true, session: 'portal' })
}

/** At most 10 employers whose name starts with `q` (2 characters at least). */
export function findEmployersApi(q: string): Promise<RequestsApi.EmployerHit[]> {
  return request('/api/v1/portal/employers', { query: { q }, silent: true })
}

export function findStreetsApi(q: string): Promise<RequestsApi.StreetHit[]> {
  return request('/api/v1/portal/streets', { query: { q }, silent: true })
}

export function listRequestsApi(query: RequestsApi.ListQuery): Promise<RequestsApi.Page> {
  return request('/api/v1/requests', {
    query: {
      box: query.box,
      status: query.status || undefined,
      category: query.category || undefined,
      priority: query.priority || undefined,
      org_id: query.org_id || undefined,
      q: query.q?.trim() || undefined,
      cursor: query.cursor || undefined,
      limit: query.limit,
    },
  })
}

/** The figures on the queue's tabs for the caller's subtree (or org_id's). */
export function countRequestsApi(orgId?: string): Promise<RequestsApi.Counts> {
  return request('/api/v1/requests/counts', { query: { org_id: orgId || undefined }, silent: true })
}

/** The worker's full number; the server audits the reason first. Field errors (reason) as an ApiError. */
export function revealRequestPhoneApi(id: string, reason: string): Promise<{ value: string }> {
  return request(`${requestPath(id)}/phone/reveal`, { method: 'POST', body: { reason }, silent: true })
}

/** The requests linked to a member that the caller sees, newest first. */
export function listMemberRequestsApi(memberId: string, cursor?: string, limit = 20): Promise<RequestsApi.Page> {
  return request(`/api/v1/members/${encodeURIComponent(memberId)}/requests`, { query: { cursor: cursor || undefined, limit }, silent: true })
}

/** One request; a 404 ApiError when it lies outside the caller's subtree. */
export function getRequestApi(id: string): Promise<RequestsApi.Detail> {
  return request(requestPath(id), { silent: true })
}

export function createRequestApi(fields: RequestsApi.StaffFields): Promise<RequestsApi.Detail> {
  return request('/api/v1/requests', { method: 'POST', body: fields, silent: true })
}

export function actOnRequestApi(id: string, action: RequestsApi.HandlerAction, body = ''): Promise<RequestsApi.Detail> {
  return request(`${requestPath(id)}/actions`, { method: 'POST', body: { action, body }, silent: true })
}

export function addRequestMessageApi(id: string, body: string, internal: boolean): Promise<RequestsApi.Detail> {
  return request(`${requestPath(id)}/messages`, { method: 'POST', body: { body, internal }, silent: true })
}

/** Hands an open request to another org with a reason; the caller may lose sight of it. */
export function transferRequestApi(id: string, toOrgId: string, reason: string): Promise<RequestsApi.Detail> {
  return request(`${requestPath(id)}/transfer`, { method: 'POST', body: { to_org_id: toOrgId, reason }, silent: true })
}

/** Follow-up visits owed by orgs in the caller's subtree, newest first. */
export function listFollowUpsApi(query: RequestsApi.FollowUpQuery): Promise<RequestsApi.FollowUpPage> {
  return request('/api/v1/requests/follow-ups', {
    query: { state: query.state, org_id: query.org_id || undefined, after: query.after || undefined, limit: query.limit },
  })
}

/** Records the visit with its note; field errors (note) and 409 (already recorded) come back as an ApiError. */
export function finishFollowUpApi(id: string, note: string): Promise<RequestsApi.Detail> {
  return request(`${requestPath(id)}/follow-up`, { method: 'POST', body: { note }, silent: true })
}

/** The service dashboard of an org in the caller's subtree (their own when absent); 404 outside it. */
export function getServiceDashboardApi(orgId: string | undefined, weeks: number): Promise<RequestsApi.Dashboard> {
  return request('/api/v1/requests/dashboard', { query: { org_id: orgId || undefined, weeks }, silent: true })
}
