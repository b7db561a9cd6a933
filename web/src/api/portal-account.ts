// The worker's own account on the portal: sign-in by phone and one-time code
// (/api/v1/portal/sign-in/code, /api/v1/portal/session), My account (/api/v1/me), binding to
// the member registry (/api/v1/me/binding) and the member card (/api/v1/me/card). Every call
// runs in the portal's session (its own cookie and CSRF token), never the console's.
import type { MyDataApi } from './my-data'
import { request } from './request'

export namespace PortalAccountApi {
  export interface Worker {
    id: string
    /** The bound member record, once bound. */
    member_id: string | null
  }
  export interface Session {
    worker: Worker
    csrf_token: string
  }
  export interface SignedIn extends Session {
    /** This sign-in opened the account. */
    new_account: boolean
  }
  export interface CodeSent {
    resend_after_seconds: number
    expires_in_seconds: number
  }
  export interface Member {
    id: string
    name: string
    card_number: string
    union_name: string
    join_date: string | null
    status: string
  }
  export interface PendingBinding {
    id: string
    reason: 'phone_differs' | 'bound_elsewhere'
    union_name: string
    created_at: number
  }
  export interface Me {
    id: string
    phone_masked: string
    created_at: number
    member: Member | null
    pending_binding: PendingBinding | null
    privacy_notice: MyDataApi.PrivacyNotice
  }
  export interface Binding {
    state: 'bound' | 'pending'
    member: Member | null
    pending_binding: PendingBinding | null
  }
  export interface Card {
    member: Member
    /** Goes into the QR code: ids, expiry and the federation's signature, nothing personal. */
    token: string
    token_expires_at: number
  }
}

/** Sends a sign-in code to `phone`; the same answer for every valid number. */
export function sendCodeApi(phone: string): Promise<PortalAccountApi.CodeSent> {
  return request('/api/v1/portal/sign-in/code', { method: 'POST', body: { phone }, silent: true, session: 'portal' })
}

export function signInApi(phone: string, code: string): Promise<PortalAccountApi.SignedIn> {
  return request('/api/v1/portal/session', { method: 'POST', body: { phone, code }, silent: true, session: 'portal' })
}

/** The portal session; rejects with a 401 ApiError when no worker is signed in. */
export function getWorkerSessionApi(): Promise<PortalAccountApi.Session> {
  return request('/api/v1/portal/session', { silent: true, session: 'portal' })
}

export function signOutApi(): Promise<void> {
  return request('/api/v1/portal/session', { method: 'DELETE', session: 'portal' })
}

export function signOutEverywhereApi(): Promise<void> {
  return request('/api/v1/portal/sessions', { method: 'DELETE', session: 'portal' })
}

/** My account; `silent` for callers that handle a failure themselves (the router's notice check). */
export function getMeApi(silent = false): Promise<PortalAccountApi.Me> {
  return request('/api/v1/me', { session: 'portal', silent })
}

/** Binds the account to the member with this name and ID number (or asks the union to). */
export function bindApi(name: string, idNumber: string): Promise<PortalAccountApi.Binding> {
  return request('/api/v1/me/binding', { method: 'POST', body: { name, id_number: idNumber }, silent: true, session: 'portal' })
}

/** The member card with a fresh QR token. */
export function getCardApi(): Promise<PortalAccountApi.Card> {
  return request('/api/v1/me/card', { session: 'portal', silent: true })
}
