// The activities clients (issue 22) against the server's OpenAPI document; see openapi-contract.ts.
import { describeContract, type Keys } from './openapi-contract'
import type { ActivitiesApi } from './activities'

const fields = {
  Activity: {
    id: true,
    org_id: true,
    kind: true,
    title: true,
    place: true,
    starts_at: true,
    ends_at: true,
    opens_at: true,
    closes_at: true,
    capacity: true,
    waitlist_max: true,
    cancel_cutoff_hours: true,
    confirm_hours: true,
    walk_ins: true,
    fee_fen: true,
    audience: true,
    status: true,
    seats_taken: true,
    waitlisted: true,
    checked_in: true,
    created_at: true,
    updated_at: true,
  } satisfies Keys<ActivitiesApi.Activity>,
  ActivityDetail: { activity: true, org_name: true, audience_orgs: true } satisfies Keys<ActivitiesApi.Detail>,
  ActivityRegistration: {
    id: true,
    activity_id: true,
    member_id: true,
    member_name: true,
    union_name: true,
    state: true,
    position: true,
    place: true,
    confirm_by: true,
    registered_at: true,
    changed_at: true,
  } satisfies Keys<ActivitiesApi.Registration>,
  MyActivity: {
    activity: true,
    org_name: true,
    mine: true,
    cancel_until: true,
    can_register: true,
  } satisfies Keys<ActivitiesApi.MyActivity>,
}

const calls: [string, string][] = [
  ['get', '/api/v1/activities'],
  ['post', '/api/v1/activities'],
  ['get', '/api/v1/activities/{id}'],
  ['patch', '/api/v1/activities/{id}'],
  ['post', '/api/v1/activities/{id}/open'],
  ['post', '/api/v1/activities/{id}/close'],
  ['post', '/api/v1/activities/{id}/cancel'],
  ['get', '/api/v1/activities/{id}/registrations'],
  ['post', '/api/v1/activities/{id}/registrations/{rid}/cancel'],
  ['get', '/api/v1/activities/{id}/check-ins'],
  ['post', '/api/v1/activities/{id}/check-ins'],
  ['get', '/api/v1/activities/reach'],
  ['get', '/api/v1/me/activities'],
  ['post', '/api/v1/me/activities/{id}/registration'],
  ['delete', '/api/v1/me/activities/{id}/registration'],
  ['post', '/api/v1/me/activities/{id}/confirm'],
]

describeContract('the activities clients', fields, calls)
