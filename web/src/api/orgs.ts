// Organisation look-up within the caller's subtree (/api/v1/orgs), for pickers.
import { request } from './request'

export namespace OrgsApi {
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
}

export function searchOrgsApi(q: string, limit = 20): Promise<OrgsApi.List> {
  return request('/api/v1/orgs', { query: { q: q || undefined, limit } })
}
