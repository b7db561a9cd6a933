// Workbench API: the signed-in account's cards (/api/v1/workbench). The server decides which
// cards a role gets and what they count; the page only draws them.
import { request } from './request'

export namespace WorkbenchApi {
  export type Kind = 'todo' | 'list' | 'kpi'
  export interface Link {
    route: string
    query: Record<string, string>
  }
  export interface Item {
    label: string
    detail: string
    status: string
    due_at: number | null
    link: Link
  }
  export interface Card {
    id: string
    kind: Kind
    /** What the linked list shows; null for a rate. */
    count: number | null
    /** Present for a rate KPI: 0..1, null when its denominator is 0. */
    rate?: number | null
    link: Link | null
    items?: Item[]
  }
  export interface Workbench {
    cards: Card[]
  }
}

export function getWorkbenchApi(): Promise<WorkbenchApi.Workbench> {
  return request('/api/v1/workbench')
}
