// Check-in at activities by the member card's QR and reach (issue 22): a batch of the scanner
// page's queued scans (each answered recorded, replay, already_in or refused with a reason), the
// organiser's list of check-ins, and the reach of an org's subtree with its streets.
import { request } from './request'

export namespace CheckInsApi {
  /** One scan as the phone queued it: its own id, the card's QR payload, the phone's clock. */
  export interface Scan {
    scan_id: string
    token: string
    scanned_at: number
  }
  export type Outcome = 'recorded' | 'replay' | 'already_in' | 'refused'
  export interface Answer {
    scan_id: string
    outcome: Outcome
    reason: string | null
    message_key: string | null
    member_id: string | null
    /** Masked. */
    member_name: string | null
  }
  export interface CheckIn {
    scan_id: string
    member_id: string
    member_name: string
    union_name: string
    scanned_at: number
    recorded_at: number
  }
  export interface ReachRow {
    org_id: string
    name: string
    kind: string
    members: number
    reached_12m: number
    not_reached: number
  }
  export interface Reach {
    org: ReachRow
    members: number
    reached_12m: number
    not_reached: number
    streets: ReachRow[]
  }
}

const base = '/api/v1/activities'
const id = (x: string) => encodeURIComponent(x)

/** At most this many scans go in one call (the server's bound). */
export const MAX_SCANS_PER_BATCH = 500

export async function recordCheckInsApi(activityId: string, scans: CheckInsApi.Scan[]): Promise<CheckInsApi.Answer[]> {
  const page = await request<{ items: CheckInsApi.Answer[] }>(`${base}/${id(activityId)}/check-ins`, {
    method: 'POST',
    body: { scans },
    silent: true,
  })
  return page.items
}

export async function listCheckInsApi(activityId: string): Promise<CheckInsApi.CheckIn[]> {
  const page = await request<{ items: CheckInsApi.CheckIn[] }>(`${base}/${id(activityId)}/check-ins`)
  return page.items
}

export function getReachApi(orgId?: string): Promise<CheckInsApi.Reach> {
  return request(`${base}/reach`, { query: { org_id: orgId } })
}
