// Organisations API: the picker search (/api/v1/orgs?q=), the lazily loaded union tree
// (/api/v1/org-tree), one org with its ancestors, and creating, changing and moving orgs.
// Anything outside the caller's subtree answers 404, exactly as if it did not exist.
import { request } from './request'

export namespace OrgsApi {
  export type Kind = 'municipal' | 'district' | 'street' | 'industry' | 'grassroots' | 'group'
  export type Status = 'active' | 'merged' | 'dissolved'
  export interface Ref {
    id: string
    name: string
  }
  /** A search hit of the org picker. */
  export interface Org {
    id: string
    code: string
    name: string
    kind: string
    parent_id: string | null
  }
  export interface List {
    items: Org[]
  }
  /** One node of the tree browser; its children are loaded when it is expanded. */
  export interface Node {
    id: string
    code: string
    name: string
    kind: Kind
    status: Status
    has_children: boolean
  }
  export interface Nodes {
    items: Node[]
  }
  /** One org with everything its detail page shows. */
  export interface Detail {
    id: string
    code: string
    name: string
    kind: Kind
    status: Status
    parent: Ref | null
    /** Root first, only those within the caller's scope. */
    ancestors: Ref[]
    region_code: string | null
    region_name: string | null
    /** YYYY-MM-DD */
    founded_on: string | null
    chair: string | null
    contact: string | null
    child_count: number
  }
  export interface NewOrg {
    code: string
    name: string
    kind: Kind
    parent_id: string
    region_code?: string
    founded_on?: string
    chair?: string
    contact?: string
  }
  export interface Changes {
    name?: string
    region_code?: string
    founded_on?: string
    chair?: string
    contact?: string
    status?: Status
  }
}

export const ORG_KINDS: OrgsApi.Kind[] = ['municipal', 'district', 'street', 'industry', 'grassroots', 'group']
export const ORG_STATUSES: OrgsApi.Status[] = ['active', 'merged', 'dissolved']

const orgPath = (id: string) => `/api/v1/orgs/${encodeURIComponent(id)}`

export function searchOrgsApi(q: string, limit = 20): Promise<OrgsApi.List> {
  return request('/api/v1/orgs', { query: { q: q || undefined, limit } })
}

/** The children of `parent`; without it, the caller's own top org (the root for an admin). */
export function getOrgTreeApi(parent?: string): Promise<OrgsApi.Nodes> {
  return request('/api/v1/org-tree', { query: { parent: parent || undefined } })
}

/** One org; a 404 ApiError when it does not exist or lies outside the caller's subtree. */
export function getOrgApi(id: string): Promise<OrgsApi.Detail> {
  return request(orgPath(id), { silent: true })
}

/** Creates an org; field errors come back as an ApiError for the form to show. */
export function createOrgApi(org: OrgsApi.NewOrg): Promise<OrgsApi.Detail> {
  return request('/api/v1/orgs', { method: 'POST', body: org, silent: true })
}

export function updateOrgApi(id: string, changes: OrgsApi.Changes): Promise<OrgsApi.Detail> {
  return request(orgPath(id), { method: 'PATCH', body: changes, silent: true })
}

/** Moves the org and its whole subtree under `parentId`; a cycle is a field error on parent_id. */
export function moveOrgApi(id: string, parentId: string): Promise<OrgsApi.Detail> {
  return request(`${orgPath(id)}/move`, { method: 'POST', body: { parent_id: parentId }, silent: true })
}
