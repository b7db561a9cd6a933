// The talent pool (高技能人才) and innovation studios (工作室), issue 22: the console's search
// (GET /api/v1/talent), a member's card (GET/PUT /api/v1/talent/:member_id, POST …/titles), the
// studios (GET/POST /api/v1/studios, POST /api/v1/studios/:id/funding) and the worker's own card
// (GET /api/v1/me/talent, the portal's session). Money in integer fen; ids decimal strings.
import { request } from './request'
import type { CursorPage } from '@/utils/paged-list'

export namespace TalentApi {
  /** 1 初级工 … 5 高级技师 (the national grades run the other way: 5 … 1). */
  export type Level = 1 | 2 | 3 | 4 | 5
  export type LevelCode = 'junior' | 'intermediate' | 'senior' | 'technician' | 'senior_technician'
  export interface Entry {
    member_id: string
    member_name: string
    id_masked: string
    union_name: string
    trade: string
    level: Level
    level_code: LevelCode
    national_grade: number
    level_since: string
    level_source: 'certificate' | 'registry' | 'cadre' | 'competition'
    updated_at: number
  }
  export interface Title {
    id: string
    kind: 'craftsman' | 'model_worker' | 'honour'
    title: string
    year: number
    source: 'nomination' | 'competition' | 'typed'
    source_id: string | null
  }
  export interface Studio {
    id: string
    org_id: string
    org_name: string
    name: string
    lead_member_id: string
    lead_name: string
    trade: string
    founded_year: number
    funding_first_year: number | null
    funding_years: number
    funding_amount_fen: number
  }
  export interface Funding {
    year: number
    funding_year: number
    amount_fen: number
    recorded_at: number
  }
  export interface StudioView extends Studio {
    funding: Funding[]
    funding_year_now: number | null
  }
  export interface Card {
    member_id: string
    member_name: string
    entry: Entry | null
    titles: Title[]
    studios: Studio[]
  }
  export interface Search {
    trade?: string
    level_at_least?: string
    org_id?: string
    after?: string
  }
  export interface Change {
    trade: string
    level: number
    level_since?: string
    level_source?: 'cadre' | 'registry'
  }
  export interface NewTitle {
    kind: Title['kind']
    title: string
    year: number
  }
  export interface NewStudio {
    org_id: string
    name: string
    lead_member_id: string
    trade: string
    founded_year: number
    funding_first_year?: number
  }
}

export const LEVELS: TalentApi.Level[] = [1, 2, 3, 4, 5]
export const TITLE_KINDS: TalentApi.Title['kind'][] = ['craftsman', 'model_worker', 'honour']

export function searchTalentApi(search: TalentApi.Search): Promise<CursorPage<TalentApi.Entry>> {
  return request('/api/v1/talent', {
    query: {
      trade: search.trade || undefined,
      level_at_least: search.level_at_least || undefined,
      org_id: search.org_id || undefined,
      after: search.after,
      limit: 50,
    },
  })
}

export function getTalentCardApi(memberId: string): Promise<TalentApi.Card> {
  return request(`/api/v1/talent/${encodeURIComponent(memberId)}`)
}

export function setTalentApi(memberId: string, change: TalentApi.Change): Promise<TalentApi.Card> {
  return request(`/api/v1/talent/${encodeURIComponent(memberId)}`, { method: 'PUT', body: change, silent: true })
}

export function addTalentTitleApi(memberId: string, title: TalentApi.NewTitle): Promise<TalentApi.Card> {
  return request(`/api/v1/talent/${encodeURIComponent(memberId)}/titles`, { method: 'POST', body: title, silent: true })
}

export function listStudiosApi(after?: string): Promise<CursorPage<TalentApi.StudioView>> {
  return request('/api/v1/studios', { query: { after, limit: 50 } })
}

export function createStudioApi(studio: TalentApi.NewStudio): Promise<TalentApi.StudioView> {
  return request('/api/v1/studios', { method: 'POST', body: studio, silent: true })
}

export function recordFundingApi(studioId: string, year: number): Promise<TalentApi.StudioView> {
  return request(`/api/v1/studios/${encodeURIComponent(studioId)}/funding`, { method: 'POST', body: { year }, silent: true })
}

export function getMyTalentApi(): Promise<TalentApi.Card> {
  return request('/api/v1/me/talent', { session: 'portal' })
}
