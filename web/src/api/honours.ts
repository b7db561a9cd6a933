// Honour rounds and nominations (荣誉评选: 五一劳动奖章/奖状, 工人先锋号; issue 21 slice 5): rounds
// with composition rules (CSV lines category,bound,percent) and quotas; an org's list with the
// live composition table (each rule's count, share, pass and how many are still needed),
// nominating from the registry or a published competition's entries, removing a draft,
// forwarding the whole list to the org above (a reason when a rule fails), and the round's org
// awarding or refusing. Outside the caller's subtree everything is 404.
import { request } from './request'

export namespace HonoursApi {
  export type Status = 'draft' | 'forwarded' | 'awarded' | 'refused'
  export type NomineeKind = 'member' | 'team' | 'enterprise'
  export interface Round {
    id: string
    org_id: string
    org_name: string
    title: string
    year: number
    rules_text: string
    opens_on: string
    closes_on: string
    status: 'open' | 'closed'
    created_at: number
  }
  export interface Rule {
    category: string
    bound: '>=' | '<='
    percent: number
  }
  export interface RoundDetail {
    round: Round
    rules: Rule[]
    quotas: { org_id: string; org_name: string; category: string; max: number }[]
  }
  export interface RuleOutcome extends Rule {
    count: number
    total: number
    /** count ÷ total in hundredths of a per cent */
    share_bp: number
    pass: boolean
    limit: number
    /** failing: ≥ how many more of the category at the list's size; ≤ how many fewer */
    needed: number
    needed_changing_size: number | null
  }
  export interface Composition {
    total: number
    pass: boolean
    rules: RuleOutcome[]
  }
  export interface Nomination {
    id: string
    round_id: string
    org_id: string
    org_name: string
    nominee_kind: NomineeKind
    nominee_name: string
    member_id: string | null
    entry_id: string | null
    enterprise_id: string | null
    categories: string[]
    status: Status
    forwarded_to: string | null
    forwarded_at: number | null
    flagged: boolean
    forward_reason: string | null
    decided_at: number | null
    decision_note: string | null
    created_at: number
  }
  export interface QuotaLine {
    org_id: string
    org_name: string
    category: string
    max: number
    count: number
    over: boolean
    over_by: number
  }
  export interface List {
    round: Round
    org_id: string
    org_name: string
    items: Nomination[]
    composition: Composition
    quotas: QuotaLine[]
    passes: boolean
    can_forward: boolean
    can_decide: boolean
    rollup: Composition
    rollup_flagged: number
  }
  export interface NewRound {
    org_id?: string
    title: string
    year: number
    rules: string
    opens_on: string
    closes_on: string
    quotas?: { org_id: string; category?: string; max: number }[]
  }
  export interface NewNomination {
    org_id?: string
    member_id?: string
    entry_id?: string
    ticked: string[]
  }
}

/** Categories a cadre ticks; the others (woman, migrant_worker, non_public) come from the registry. */
export const TICKABLE = ['industrial_worker', 'frontline', 'unit_head'] as const

const path = (id: string) => `/api/v1/honour-rounds/${encodeURIComponent(id)}`
const nomination = (id: string) => `/api/v1/nominations/${encodeURIComponent(id)}`

export function listRoundsApi(after?: string): Promise<{ items: HonoursApi.Round[]; next_cursor: string | null }> {
  return request('/api/v1/honour-rounds', { query: { after: after || undefined } })
}

/** Field errors (title, rules.<line>.<column>, closes_on, quotas.<i>.max…) come back as ApiError. */
export function createRoundApi(r: HonoursApi.NewRound): Promise<HonoursApi.RoundDetail> {
  return request('/api/v1/honour-rounds', { method: 'POST', body: r, silent: true })
}

export function getRoundApi(id: string): Promise<HonoursApi.RoundDetail> {
  return request(path(id), { silent: true })
}

/** The list an org holds (default: the caller's org inside the round, else the round's). */
export function nominationsApi(id: string, orgId?: string): Promise<HonoursApi.List> {
  return request(`${path(id)}/nominations`, { query: { org_id: orgId || undefined }, silent: true })
}

/** 409 when the nominee is in the round already or the round is closed. */
export function nominateApi(id: string, n: HonoursApi.NewNomination): Promise<HonoursApi.List> {
  return request(`${path(id)}/nominations`, { method: 'POST', body: n, silent: true })
}

/** A list breaking a rule needs `reason` (field error on reason otherwise). */
export function forwardApi(id: string, orgId: string, reason?: string): Promise<HonoursApi.List> {
  return request(`${path(id)}/forward`, { method: 'POST', body: { org_id: orgId, reason: reason || undefined }, silent: true })
}

export function removeNominationApi(id: string): Promise<HonoursApi.List> {
  return request(nomination(id), { method: 'DELETE', silent: true })
}

export function awardApi(id: string): Promise<HonoursApi.List> {
  return request(`${nomination(id)}/award`, { method: 'POST', body: {}, silent: true })
}

export function refuseApi(id: string, note: string): Promise<HonoursApi.List> {
  return request(`${nomination(id)}/refuse`, { method: 'POST', body: { note }, silent: true })
}
