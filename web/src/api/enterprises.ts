// Enterprises API (用人单位, /api/v1/enterprises): search a subtree's enterprises by name,
// industry and whether a union covers them; read, create and change one, including which
// grassroots union covers it (null = not unionised).
import type { OrgsApi } from './orgs'
import { request } from './request'

export namespace EnterprisesApi {
  /** GB/T 4754-2017 section letter. */
  export type Industry = string
  export type Ownership = 'state' | 'collective' | 'private' | 'foreign' | 'hmt' | 'other'
  export interface Enterprise {
    id: string
    name: string
    /** Unified social credit code (GB 32100-2015). */
    uscc: string
    region_code: string
    region_name: string | null
    industry: Industry
    ownership: Ownership
    employees: number
    /** YYYY-MM-DD */
    employees_reported_on: string | null
    union: OrgsApi.Ref | null
  }
  export interface Page {
    items: Enterprise[]
    next_cursor: string | null
  }
  export interface ListQuery {
    org?: string
    q?: string
    industry?: string
    /** '' = either. */
    unionised?: boolean | ''
    cursor?: string
    limit?: number
  }
  export interface Fields {
    name: string
    uscc: string
    region_code: string
    industry: Industry
    ownership: Ownership
    employees: number
    employees_reported_on?: string
    union_org_id?: string | null
  }
  export type Changes = Partial<Fields>
}

/** GB/T 4754-2017 sections. */
export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('')
export const OWNERSHIPS: EnterprisesApi.Ownership[] = ['state', 'collective', 'private', 'foreign', 'hmt', 'other']

const enterprisePath = (id: string) => `/api/v1/enterprises/${encodeURIComponent(id)}`

export function listEnterprisesApi(query: EnterprisesApi.ListQuery): Promise<EnterprisesApi.Page> {
  return request('/api/v1/enterprises', {
    query: {
      org: query.org || undefined,
      q: query.q || undefined,
      industry: query.industry || undefined,
      unionised: query.unionised === '' ? undefined : query.unionised,
      cursor: query.cursor || undefined,
      limit: query.limit,
    },
  })
}

/** One enterprise; a 404 ApiError when it lies outside the caller's subtree. */
export function getEnterpriseApi(id: string): Promise<EnterprisesApi.Enterprise> {
  return request(enterprisePath(id), { silent: true })
}

/** Creates an enterprise; field errors come back as an ApiError for the form to show. */
export function createEnterpriseApi(fields: EnterprisesApi.Fields): Promise<EnterprisesApi.Enterprise> {
  return request('/api/v1/enterprises', { method: 'POST', body: fields, silent: true })
}

export function updateEnterpriseApi(id: string, changes: EnterprisesApi.Changes): Promise<EnterprisesApi.Enterprise> {
  return request(enterprisePath(id), { method: 'PATCH', body: changes, silent: true })
}
