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
