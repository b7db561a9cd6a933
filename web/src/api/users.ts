// Account management API (/api/v1/users): list and search within the caller's subtree, create,
// change, disable, reset a password. The server decides who may see and change what.
import { request } from './request'

export namespace UsersApi {
  export type Role = 'worker' | 'cadre' | 'staff' | 'operator' | 'admin'
  export type Status = 'active' | 'disabled'
  export interface OrgRef {
    id: string
    name: string
  }
  export interface User {
    id: string
    username: string
    display_name: string
    role: Role
    status: Status
    org: OrgRef | null
    /** e.g. 138****5678; the full number only through revealPhoneApi, which is audited. */
    phone_masked: string | null
  }
  export interface Page {
    items: User[]
    next_cursor: string | null
  }
  export interface ListQuery {
    q?: string
    role?: Role | ''
    status?: Status | ''
    cursor?: string
    limit?: number
  }
  export interface NewUser {
    username: string
    display_name: string
    role: Role
    org_id: string
    password: string
  }
  export interface Changes {
    display_name?: string
    role?: Role
    status?: Status
    org_id?: string
  }
}

export const ROLES: UsersApi.Role[] = ['admin', 'staff', 'operator', 'cadre', 'worker']

export function listUsersApi(query: UsersApi.ListQuery): Promise<UsersApi.Page> {
  return request('/api/v1/users', {
    query: { ...query, role: query.role || undefined, status: query.status || undefined, q: query.q || undefined },
  })
}

/** Creates an account; field errors come back as an ApiError for the form to show. */
export function createUserApi(user: UsersApi.NewUser): Promise<UsersApi.User> {
  return request('/api/v1/users', { method: 'POST', body: user, silent: true })
}

/** One account; a 404 ApiError when it does not exist or lies outside the caller's subtree. */
export function getUserApi(id: string): Promise<UsersApi.User> {
  return request(`/api/v1/users/${encodeURIComponent(id)}`, { silent: true })
}

export function updateUserApi(id: string, changes: UsersApi.Changes): Promise<UsersApi.User> {
  return request(`/api/v1/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes })
}

export function resetPasswordApi(id: string, password: string): Promise<void> {
  return request(`/api/v1/users/${encodeURIComponent(id)}/password`, {
    method: 'POST',
    body: { password },
    silent: true,
  })
}

/** Sets (or with null clears) an account's mobile number; stored encrypted, answered masked. */
export function setPhoneApi(id: string, phone: string | null): Promise<{ phone_masked: string | null }> {
  return request(`/api/v1/users/${encodeURIComponent(id)}/phone`, { method: 'PUT', body: { phone }, silent: true })
}

/** The full number; the server writes the reveal and its reason to the audit log first. */
export function revealPhoneApi(id: string, reason: string): Promise<{ phone: string }> {
  return request(`/api/v1/users/${encodeURIComponent(id)}/phone/reveal`, {
    method: 'POST',
    body: { reason },
    silent: true,
  })
}
