// Audit log API (GET /api/v1/audit): entries of the caller's subtree, newest first, paged by
// cursor. Read-only: nothing in the API changes or removes an entry.
import { request } from './request'

export namespace AuditApi {
  export type Outcome = 'ok' | 'denied' | 'failed'
  export interface Entry {
    id: string
    /** Unix milliseconds. */
    at: number
    actor: { id: string | null; username: string }
    remote_addr: string
    action: string
    target: { type: string; id: string }
    outcome: Outcome
    detail: Record<string, string>
  }
  export interface Page {
    entries: Entry[]
    next_cursor: string | null
  }
  export interface Query {
    user?: string
    action?: string
    target_type?: string
    target_id?: string
    /** Unix milliseconds, inclusive. */
    from?: number
    /** Unix milliseconds, exclusive. */
    to?: number
    cursor?: string
    limit?: number
  }
}

/** The actions the server records, for the filter's suggestions. */
export const AUDIT_ACTIONS = [
  'session.login',
  'session.logout',
  'session.logout_everywhere',
  'user.create',
  'user.update',
  'user.role.change',
  'user.password.change',
  'user.password.reset',
  'personal_data.reveal',
  'keys.rotate',
  'org.create',
  'org.update',
  'org.status',
  'org.move',
  'enterprise.create',
  'enterprise.update',
  'member.create',
  'member.update',
  'member.id_lookup',
  'member.transfer.request',
  'member.transfer.approve',
  'member.transfer.reject',
  'member.transfer.cancel',
  'members.import',
  'members.import_report',
  'members.export',
  'request.accept',
  'request.contact',
  'request.resolve',
  'request.close',
  'request.reject',
  'request.transfer',
  'request.follow_up',
  'request_category.update',
  'founding_list.export',
  'calendar.load',
  'jobs.cancel',
  'jobs.download',
] as const

export function searchAuditApi(query: AuditApi.Query): Promise<AuditApi.Page> {
  return request('/api/v1/audit', {
    query: {
      user: query.user || undefined,
      action: query.action || undefined,
      target_type: query.target_type || undefined,
      target_id: query.target_id || undefined,
      from: query.from,
      to: query.to,
      cursor: query.cursor,
      limit: query.limit,
    },
  })
}
