// Activities (文体活动, 普惠服务; issue 22): for organisers the list of their subtree, creating one
// (a draft) with its seat rules and audience, changing, opening, closing and cancelling it, and
// its registrations (seated, offered, then the waitlist in order) with a staff cancellation;
// for a worker in the portal the activities open to them with their own registration, and
// registering, cancelling and confirming an offered seat. Instants are Unix ms, money fen.
import { request } from './request'

export namespace ActivitiesApi {
  export type Kind = 'culture' | 'sport' | 'outing' | 'service' | 'lecture'
  export type Status = 'draft' | 'open' | 'closed' | 'done' | 'cancelled'
  export type SeatState = 'seated' | 'waitlisted' | 'offered' | 'cancelled' | 'lapsed'
  export interface Activity {
    id: string
    org_id: string
    kind: Kind
    title: string
    place: string
    starts_at: number
    ends_at: number
    opens_at: number
    closes_at: number
    capacity: number
    waitlist_max: number | null
    cancel_cutoff_hours: number
    confirm_hours: number
    walk_ins: boolean
    fee_fen: number
    audience: 'subtree' | 'orgs'
    status: Status
    seats_taken: number
    waitlisted: number
    checked_in: number
    created_at: number
    updated_at: number
  }
  export interface Detail {
    activity: Activity
    org_name: string
    audience_orgs: { id: string; name: string }[]
  }
  export interface Registration {
    id: string
    activity_id: string
    member_id: string
    member_name: string
    union_name: string
    state: SeatState
    position: number | null
    place: number | null
    confirm_by: number | null
    registered_at: number
    changed_at: number
  }
  /** What an organiser sets; on a change absent fields keep their value. */
  export interface Fields {
    org_id?: string
    kind?: Kind
    title?: string
    place?: string
    starts_at?: number
    ends_at?: number
    opens_at?: number
    closes_at?: number
    capacity?: number
    waitlist_max?: number | null
    cancel_cutoff_hours?: number
    confirm_hours?: number
    walk_ins?: boolean
    fee_fen?: number
    audience?: string[]
  }
  export interface Mine {
    state: SeatState
    confirm_by: number | null
    waitlist_place: number | null
    registered_at: number
  }
  export interface MyActivity {
    activity: Activity
    org_name: string
    mine: Mine | null
    /** A held seat may be cancelled until this instant. */
    cancel_until: number
    can_register: boolean
  }
  export interface Page<T> {
    items: T[]
    next_cursor: string | null
  }
}

const base = '/api/v1/activities'
const id = (x: string) => encodeURIComponent(x)

export function listActivitiesApi(query: { status?: string; after?: string; limit?: number } = {}): Promise<ActivitiesApi.Page<ActivitiesApi.Activity>> {
  return request(base, { query: { limit: 50, ...query } })
}

export function createActivityApi(fields: ActivitiesApi.Fields): Promise<ActivitiesApi.Detail> {
  return request(base, { method: 'POST', body: fields, silent: true })
}

export function getActivityApi(activityId: string): Promise<ActivitiesApi.Detail> {
  return request(`${base}/${id(activityId)}`)
}

export function patchActivityApi(activityId: string, fields: ActivitiesApi.Fields): Promise<ActivitiesApi.Detail> {
  return request(`${base}/${id(activityId)}`, { method: 'PATCH', body: fields, silent: true })
}

export function moveActivityApi(activityId: string, action: 'open' | 'close' | 'cancel'): Promise<ActivitiesApi.Detail> {
  return request(`${base}/${id(activityId)}/${action}`, { method: 'POST', body: {} })
}

export async function listRegistrationsApi(activityId: string): Promise<ActivitiesApi.Registration[]> {
  const page = await request<ActivitiesApi.Page<ActivitiesApi.Registration>>(`${base}/${id(activityId)}/registrations`)
  return page.items
}

export function cancelRegistrationApi(activityId: string, registrationId: string, reason: string): Promise<ActivitiesApi.Registration> {
  return request(`${base}/${id(activityId)}/registrations/${id(registrationId)}/cancel`, {
    method: 'POST',
    body: { reason },
    silent: true,
  })
}

export async function listMyActivitiesApi(): Promise<ActivitiesApi.MyActivity[]> {
  const page = await request<ActivitiesApi.Page<ActivitiesApi.MyActivity>>('/api/v1/me/activities', { session: 'portal' })
  return page.items
}

export function registerMyselfApi(activityId: string): Promise<ActivitiesApi.MyActivity> {
  return request(`/api/v1/me/activities/${id(activityId)}/registration`, { method: 'POST', session: 'portal', silent: true })
}

export function cancelMyRegistrationApi(activityId: string): Promise<ActivitiesApi.MyActivity> {
  return request(`/api/v1/me/activities/${id(activityId)}/registration`, { method: 'DELETE', session: 'portal', silent: true })
}

export function confirmMyOfferApi(activityId: string): Promise<ActivitiesApi.MyActivity> {
  return request(`/api/v1/me/activities/${id(activityId)}/confirm`, { method: 'POST', session: 'portal', silent: true })
}
