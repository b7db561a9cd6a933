// Labour and skills competitions (劳动竞赛, issue 21): list and create a competition with its
// groups (each with its indicator sheet), veto items, method, tie-break, blindness and dates;
// enrol enterprises, teams and individuals; freeze the list (参赛名录); veto an entry with a
// reason; assign judges to groups (the API returns the entries each may not score); the ranking
// (a preview until published) and publication. A judge's cards (/judging) and marks. Outside the
// caller's subtree everything is 404.
import { request } from './request'

export namespace CompetitionsApi {
  export type Kind = 'labour' | 'skills' | 'knowledge'
  export type Method = 'mean' | 'trimmed_mean' | 'z_score'
  export type TieBreak = 'share' | 'indicators_in_order'
  export type EntrantKind = 'enterprise' | 'team' | 'individual'
  export type Status = 'enrolment' | 'listed' | 'published'
  /** One indicator of a sheet: a judge marks 0..max_centi (centi-points); weights add up to 100. */
  export interface Indicator {
    code: string
    name: string
    max_centi: number
    weight: number
  }
  export interface Competition {
    id: string
    org_id: string
    kind: Kind
    title: string
    method: Method
    tie_break: TieBreak
    blind: boolean
    status: Status
    enrol_ends_on: string | null
    scoring_ends_on: string | null
    listed_at: number | null
    published_at: number | null
    /** Certificates are issued at publication for ranks up to this in each group (0: none). */
    certificate_ranks: number
    created_at: number
    updated_at: number
  }
  export interface Group {
    id: string
    code: string
    name: string
    entrant_kind: EntrantKind
    sheet: Indicator[]
  }
  export interface VetoItem {
    code: string
    name: string
  }
  export interface Detail {
    competition: Competition
    groups: Group[]
    veto_items: VetoItem[]
    entries: number
    judges: number
  }
  export interface Entry {
    id: string
    competition_id: string
    group: string
    number: number | null
    entrant_kind: EntrantKind
    enterprise_id: string | null
    member_id: string | null
    team_name: string | null
    team_member_ids: string[]
    status: 'enrolled' | 'listed' | 'withdrawn'
    enrolled_via: string
    veto: string | null
    veto_note: string | null
    veto_at: number | null
    created_at: number
  }
  export interface Judge {
    id: string
    user_id: string
    display_name: string
    enterprise_id: string | null
    member_id: string | null
    groups: string[]
    /** Entries of its groups the judge may not score (same enterprise, or the entrant itself). */
    conflicts: string[]
    added_at: number
  }
  export interface RankingLine {
    entry_id: string
    group: string
    number: number | null
    rank_group: number
    rank_overall: number
    result_e4: number
    raw_mean_e4: number
    judges: number
  }
  export interface Ranking {
    published: boolean
    method: Method
    lines: RankingLine[]
    vetoed: { entry_id: string; group: string; reason: string; note: string }[]
    unscored: string[]
  }
  export interface Card {
    competition: { id: string; title: string; blind: boolean; published: boolean }
    entry_id: string
    group: string
    number: number | null
    entrant_kind: EntrantKind
    team_name: string | null
    sheet: Indicator[]
    my_total_e4: number | null
  }
  export interface NewGroup {
    code: string
    name: string
    entrant_kind: EntrantKind
    sheet: Indicator[]
  }
  export interface NewCompetition {
    org_id?: string
    kind: Kind
    title: string
    method: Method
    tie_break: TieBreak
    blind: boolean
    enrol_ends_on?: string
    scoring_ends_on?: string
    groups: NewGroup[]
    veto_items: VetoItem[]
  }
  export interface NewEntry {
    group: string
    enterprise_id?: string
    member_id?: string
    team_name?: string
    team_member_ids?: string[]
  }
  export interface NewJudge {
    user_id: string
    enterprise_id?: string
    member_id?: string
    groups: string[]
  }
}

export const KINDS: CompetitionsApi.Kind[] = ['labour', 'skills', 'knowledge']
export const METHODS: CompetitionsApi.Method[] = ['mean', 'trimmed_mean', 'z_score']
export const TIE_BREAKS: CompetitionsApi.TieBreak[] = ['share', 'indicators_in_order']
export const ENTRANT_KINDS: CompetitionsApi.EntrantKind[] = ['enterprise', 'team', 'individual']
export const STATUSES: CompetitionsApi.Status[] = ['enrolment', 'listed', 'published']

const path = (id: string) => `/api/v1/competitions/${encodeURIComponent(id)}`

export function listCompetitionsApi(after?: string): Promise<{ items: CompetitionsApi.Competition[]; next_cursor: string | null }> {
  return request('/api/v1/competitions', { query: { after: after || undefined } })
}

/** Field errors (title, groups.0.sheet.indicators.1.weight, …) come back as ApiError. */
export function createCompetitionApi(c: CompetitionsApi.NewCompetition): Promise<CompetitionsApi.Detail> {
  return request('/api/v1/competitions', { method: 'POST', body: c, silent: true })
}

/** A 404 ApiError when the competition is outside the caller's subtree. */
export function getCompetitionApi(id: string): Promise<CompetitionsApi.Detail> {
  return request(path(id), { silent: true })
}

export function listEntriesApi(id: string): Promise<{ items: CompetitionsApi.Entry[] }> {
  return request(`${path(id)}/entries`)
}

/** 409 once the list is frozen; field errors for the entrant. */
export function enrolApi(id: string, entry: CompetitionsApi.NewEntry): Promise<CompetitionsApi.Entry> {
  return request(`${path(id)}/entries`, { method: 'POST', body: entry, silent: true })
}

export function freezeApi(id: string): Promise<CompetitionsApi.Detail> {
  return request(`${path(id)}/freeze`, { method: 'POST', silent: true })
}

export function vetoApi(id: string, entryId: string, code: string, note: string): Promise<CompetitionsApi.Entry> {
  return request(`${path(id)}/entries/${encodeURIComponent(entryId)}/veto`, { method: 'POST', body: { code, note }, silent: true })
}

export function listJudgesApi(id: string): Promise<{ items: CompetitionsApi.Judge[] }> {
  return request(`${path(id)}/judges`)
}

export function addJudgeApi(id: string, judge: CompetitionsApi.NewJudge): Promise<CompetitionsApi.Judge> {
  return request(`${path(id)}/judges`, { method: 'POST', body: judge, silent: true })
}

/** The published ranking, or a preview computed now (`published` false). */
export function rankingApi(id: string): Promise<CompetitionsApi.Ranking> {
  return request(`${path(id)}/ranking`)
}

export function publishApi(id: string): Promise<CompetitionsApi.Ranking> {
  return request(`${path(id)}/publish`, { method: 'POST', silent: true })
}

/** The signed-in user's cards as a judge (empty for anyone who judges nothing). */
export function myJudgingApi(): Promise<{ items: CompetitionsApi.Card[] }> {
  return request('/api/v1/judging')
}

/** 409 not listed / published / closed / vetoed, 403 on a conflict of interest, field errors per mark. */
export function putMarksApi(entryId: string, marks: Record<string, number>): Promise<{ entry_id: string; total_e4: number; revised: boolean }> {
  return request(`/api/v1/judging/${encodeURIComponent(entryId)}`, { method: 'PUT', body: { marks }, silent: true })
}
