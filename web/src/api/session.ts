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
    org: Org
  }
  export interface Session {
    user: User
    csrf_token: string
  }
  export interface Credentials {
    username: string
    password: string
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
