// My data (PIPL): everything the server stores about the signed-in worker, masked
// (GET /api/v1/me/data). The portal shows it and makes the JSON and HTML downloads from it;
// `purpose` tells the server's audit log which of the three the worker did. Beside it: the
// clear numbers after a fresh code, consent for optional uses and the privacy notice accepted.
import type { MemberCorrectionsApi } from './member-corrections'
import { request } from './request'
import type { RequestsApi } from './requests'

export namespace MyDataApi {
  export type Purpose = 'view' | 'json' | 'html'
  export interface Account {
    id: string
    phone_masked: string
    status: string
    created_at: number
    last_sign_in_at: number | null
    bound_at: number | null
  }
  export interface Session {
    created_at: number
    last_seen_at: number
    expires_at: number
    remote_addr: string
  }
  export interface Member {
    id: string
    name: string
    card_number: string
    id_number_masked: string
    phone_masked: string | null
    gender: string
    birth_date: string
    ethnicity: string | null
    employer: string | null
    join_date: string | null
    union_name: string
    migrant_worker: boolean
    model_worker: boolean
    status: string
    status_changed_on: string | null
    recorded_at: number
  }
  export interface Binding {
    state: 'pending' | 'approved' | 'rejected' | 'cancelled'
    reason: string
    member_name: string
    union_name: string
    created_at: number
    decided_at: number | null
  }
  export interface Request extends RequestsApi.Tracked {
    id: string
    channel: string
    description: string
    contact_name: string
    contact_phone_masked: string
    rating_comment: string | null
  }
  /** The optional uses of the worker's data (app/worker_accounts/consents.h holds the list). */
  export type Use = 'activity_sms' | 'surveys' | 'honours_name'
  export interface UseState {
    use: Use
    granted: boolean
    changed_at: number | null
  }
  export interface ConsentChange {
    use: string
    granted: boolean
    at: number
  }
  export interface Consents {
    uses: UseState[]
    /** Every grant and withdrawal, newest first. */
    history: ConsentChange[]
  }
  export interface PrivacyNotice {
    version: number | null
    accepted_at: number | null
  }
  export interface Data {
    generated_at: number
    account: Account
    sessions: Session[]
    member: Member | null
    bindings: Binding[]
    requests: Request[]
    /** Corrections of the member record the worker asked for, newest first. */
    corrections: MemberCorrectionsApi.Mine[]
    consents: Consents
    privacy_notice: PrivacyNotice
  }
  /** The worker's own numbers in clear, answered once for a fresh code. */
  export interface Revealed {
    phone: string
    member_phone: string | null
    id_number: string | null
  }
  export interface CodeSent {
    resend_after_seconds: number
    expires_in_seconds: number
  }
}

export function getMyDataApi(purpose: MyDataApi.Purpose = 'view'): Promise<MyDataApi.Data> {
  return request('/api/v1/me/data', { query: { purpose }, session: 'portal' })
}

/** Sends a fresh one-time code to the worker's phone (sign-in's throttles: 429 within a minute). */
export function sendRevealCodeApi(): Promise<MyDataApi.CodeSent> {
  return request('/api/v1/me/data/reveal-code', { method: 'POST', silent: true, session: 'portal' })
}

/** The clear phone and ID numbers for the code; a wrong or expired code is a 401 ApiError. */
export function revealMyDataApi(code: string): Promise<MyDataApi.Revealed> {
  return request('/api/v1/me/data/reveal', { method: 'POST', body: { code }, silent: true, session: 'portal' })
}

export function setConsentApi(use: MyDataApi.Use, granted: boolean): Promise<MyDataApi.Consents> {
  return request('/api/v1/me/consents', { method: 'POST', body: { use, granted }, session: 'portal' })
}

export function acceptPrivacyNoticeApi(version: number): Promise<MyDataApi.PrivacyNotice> {
  return request('/api/v1/me/privacy-notice', { method: 'POST', body: { version }, session: 'portal' })
}
