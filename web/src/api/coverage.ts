// Coverage API: the figures of any org's subtree (有形覆盖, membership, 有效覆盖, the founding
// gap) broken down by child org and industry section, and the founding list (enterprises with
// 25 or more employees and no union, largest first) as pages or as an XLSX download.
import { apiUrl, request } from './request'

export namespace CoverageApi {
  /** A rate in [0, 1]; null when its denominator is 0. */
  export type Rate = number | null
  export interface OrgRef {
    id: string
    code: string
    name: string
    kind: string
  }
  export interface Child extends OrgRef {
    /** GB/T 2260 region of the child (a street federation's 9-digit code); null when none. */
    region_code: string | null
    enterprises: number
    unionised_enterprises: number
    unionised_rate: Rate
    employees: number
    members: number
    membership_rate: Rate
    founding_gap: number
    members_online: number
    online_rate: Rate
  }
  export interface Industry {
    /** GB/T 4754-2017 section letter, A..T. */
    section: string
    enterprises: number
    unionised_enterprises: number
    unionised_rate: Rate
    employees: number
    members: number
  }
  export interface Coverage {
    org: OrgRef
    enterprises: number
    unionised_enterprises: number
    unionised_rate: Rate
    employees: number
    members: number
    membership_rate: Rate
    served_12m: number
    served_rate: Rate
    /** Active members with a worker account bound to them (members reached online). */
    members_online: number
    online_rate: Rate
    founding_gap: number
    children: Child[]
    industries: Industry[]
  }
  export interface FoundingItem {
    id: string
    name: string
    uscc: string
    industry: string
    employees: number
    region_code: string
    region_name: string
    district_name: string
    /** The org responsible for founding its union (the street's union as a rule). */
    org: { id: string; name: string; contact: string }
  }
  export interface FoundingPage {
    items: FoundingItem[]
    next_cursor: string | null
  }
  /** Filters shared by the founding list and its export; empty means "all". */
  export interface FoundingFilter {
    /** Street region code (GB/T 2260). */
    street?: string
    /** Industry section letter. */
    industry?: string
  }
  export interface FoundingQuery extends FoundingFilter {
    cursor?: string
    limit?: number
  }
}

const orgPath = (id: string) => `/api/v1/orgs/${encodeURIComponent(id)}`

function filterQuery(filter: CoverageApi.FoundingFilter) {
  return { street: filter.street || undefined, industry: filter.industry || undefined }
}

/** Coverage of `orgId`'s subtree; a 404 ApiError when the org is outside the caller's subtree. */
export function getCoverageApi(orgId: string): Promise<CoverageApi.Coverage> {
  return request(`${orgPath(orgId)}/coverage`, { silent: true })
}

export function listFoundingApi(orgId: string, query: CoverageApi.FoundingQuery = {}): Promise<CoverageApi.FoundingPage> {
  return request(`${orgPath(orgId)}/founding-list`, {
    query: { ...filterQuery(query), cursor: query.cursor || undefined, limit: query.limit },
  })
}

/** Where the browser downloads the founding list as XLSX with the same filters (the server logs the export). */
export function foundingListXlsxUrl(orgId: string, filter: CoverageApi.FoundingFilter = {}): string {
  return apiUrl(`${orgPath(orgId)}/founding-list.xlsx`, filterQuery(filter))
}
