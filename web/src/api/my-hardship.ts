// My help (我的帮扶, GET /api/v1/me/hardship): the hardship files of the worker's own household and
// the aid granted to them, in the worker's words; and the worker's application from My account
// (POST /api/v1/me/hardship/applications). Every call runs in the portal's session.
import type { HardshipApi } from './hardship'
import { request } from './request'

export namespace MyHardshipApi {
  /** The workflow's stage in the worker's words. */
  export type Stage = 'applied' | 'under_review' | 'visited' | 'publicity' | 'active' | 'closed'
  export type GrantStatus = 'under_approval' | 'approved' | 'paid' | 'not_granted'
  export interface Grant {
    id: string
    kind: string
    period: string
    amount_fen: number
    status: GrantStatus
    paid_on: string | null
    proposed_at: number
    decided_at: number | null
  }
  export interface File {
    id: string
    union_name: string
    stage: Stage
    publicity_ends_on: string | null
    review_due_on: string | null
    level: HardshipApi.Level
    household_size: number
    opened_on: string
    closed_on: string | null
    close_reason: HardshipApi.CloseReason | null
    grants: Grant[]
  }
  export interface Mine {
    files: File[]
    may_apply: boolean
  }
  /** The application: my own income, the other people of the household, expenses, causes. */
  export interface Application {
    member_income_fen: number
    household: HardshipApi.NewPerson[]
    expenses: { kind: HardshipApi.ExpenseKind; amount_fen: number }[]
    sudden_cost_fen: number
    sudden_medical_fen: number
    main_cause: string
    secondary_causes: string[]
  }
}

export function getMyHardshipApi(): Promise<MyHardshipApi.Mine> {
  return request('/api/v1/me/hardship', { session: 'portal' })
}

export function applyForHardshipApi(body: MyHardshipApi.Application): Promise<MyHardshipApi.File> {
  return request('/api/v1/me/hardship/applications', { method: 'POST', body, session: 'portal' })
}
