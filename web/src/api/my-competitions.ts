// Competitions in My account (GET /api/v1/me/competitions, POST …/:id/enrol), my certificates
// (GET /api/v1/me/certificates, …/:id/pdf) in the portal's session, and the public check of a
// certificate by its code (GET /api/v1/certificates/verify, no session).
import { request, requestFile, type FileAnswer } from './request'

export namespace MyCompetitionsApi {
  export interface Ineligible {
    field: string
    key: string
    message: string
  }
  export interface OpenGroup {
    code: string
    name: string
    enrolled: boolean
    ineligible: Ineligible[]
  }
  export interface OpenCompetition {
    id: string
    title: string
    kind: string
    org_name: string
    enrol_ends_on: string | null
    groups: OpenGroup[]
  }
  export interface Entry {
    id: string
    competition_id: string
    competition_title: string
    competition_status: 'enrolment' | 'listed' | 'published'
    group: string
    entrant_kind: 'individual' | 'team' | 'enterprise'
    team_name: string | null
    status: 'enrolled' | 'listed' | 'withdrawn'
    number: number | null
    vetoed: boolean
    rank_group: number | null
    rank_overall: number | null
    result_e4: number | null
  }
  export interface Mine {
    open: OpenCompetition[]
    entries: Entry[]
  }
  export interface Certificate {
    id: string
    kind: string
    source_id: string
    holder_kind: 'member' | 'team' | 'enterprise'
    holder: string
    title: string
    award: string
    place: number | null
    code: string
    issuer: string
    issued_on: string
    issued_at: number
    revoked_at: number | null
  }
  export interface Verified {
    kind: string
    title: string
    award: string
    place: number | null
    holder_kind: string
    holder: string
    issuer: string
    issued_on: string
    revoked: boolean
    revoked_on: string | null
    /** A training certificate's expiry (YYYY-MM-DD); null for none. */
    expires_on: string | null
  }
}

export function getMyCompetitionsApi(): Promise<MyCompetitionsApi.Mine> {
  return request('/api/v1/me/competitions', { session: 'portal' })
}

export function enrolMyselfApi(competitionId: string, group: string): Promise<MyCompetitionsApi.Entry> {
  return request(`/api/v1/me/competitions/${encodeURIComponent(competitionId)}/enrol`, {
    method: 'POST',
    body: { group },
    session: 'portal',
    silent: true,
  })
}

export async function listMyCertificatesApi(): Promise<MyCompetitionsApi.Certificate[]> {
  const page = await request<{ items: MyCompetitionsApi.Certificate[] }>('/api/v1/me/certificates', { session: 'portal' })
  return page.items
}

export function certificatePdfApi(id: string): Promise<FileAnswer> {
  return requestFile(`/api/v1/me/certificates/${encodeURIComponent(id)}/pdf`, { session: 'portal' })
}

/** Public: no session; a code that is none is a 404 (the caller shows it, so silent). */
export function verifyCertificateApi(code: string): Promise<MyCompetitionsApi.Verified> {
  return request(`/api/v1/certificates/verify?code=${encodeURIComponent(code)}`, { silent: true })
}
