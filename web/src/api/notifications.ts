// My notifications inbox (GET /api/v1/me/notifications and friends): entries are a kind and
// its parameters, rendered through i18n in the reader's language (views/portal/account/inbox.ts).
import { request } from './request'

export namespace NotificationsApi {
  export interface Entry {
    id: string
    kind: string
    params: Record<string, string | number | boolean | null>
    subject_id: string | null
    created_at: number
    read_at: number | null
  }
  export interface Page {
    items: Entry[]
    next_cursor: string | null
    unread: number
    unread_cap: number
  }
  export interface Unread {
    unread: number
    unread_cap: number
  }
}

export function listNotificationsApi(cursor?: string): Promise<NotificationsApi.Page> {
  return request('/api/v1/me/notifications', { query: cursor ? { cursor } : {}, session: 'portal' })
}

export function unreadNotificationsApi(): Promise<NotificationsApi.Unread> {
  return request('/api/v1/me/notifications/unread', { session: 'portal' })
}

export function markNotificationReadApi(id: string): Promise<{ unread: number }> {
  return request(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', session: 'portal' })
}

export function markAllNotificationsReadApi(): Promise<{ unread: number; marked: number }> {
  return request('/api/v1/me/notifications/read-all', { method: 'POST', session: 'portal' })
}
