// Session API: sign in, read the current session, sign out (/api/v1/session).
import { request } from './request'

export namespace SessionApi {
  export interface Org {
    id: string
    name: string
  }
  export interface User {
    id: string
    username: string
    display_name: string
    role: string
    /** null for a worker, who belongs to no org as an account. */
    org: Org | null
  }
  export interface Session {
    user: User
    csrf_token: string
  }
  export interface Credentials {
    username: string
    password: string
  }
  export interface PasswordChange {
    current_password: string
    new_password: string
  }
}

/** Signs in; a wrong username or password rejects with a 401 ApiError for the caller to show. */
export function loginApi(credentials: SessionApi.Credentials): Promise<SessionApi.Session> {
  return request('/api/v1/session', { method: 'POST', body: credentials, silent: true })
}

/** The current session; rejects with a 401 ApiError when nobody is signed in. */
export function getSessionApi(): Promise<SessionApi.Session> {
  return request('/api/v1/session', { silent: true })
}

export function logoutApi(): Promise<void> {
  return request('/api/v1/session', { method: 'DELETE' })
}

/** Changes one's own password; the server ends every other session of the account. */
export function changePasswordApi(change: SessionApi.PasswordChange): Promise<void> {
  return request('/api/v1/session/password', { method: 'PUT', body: change, silent: true })
}

/** Ends every session of the account, this one included. */
export function logoutEverywhereApi(): Promise<void> {
  return request('/api/v1/sessions', { method: 'DELETE' })
}
