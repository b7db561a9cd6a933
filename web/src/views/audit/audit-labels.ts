// How an audit entry reads to a cadre: the action and the kind of record in words (zh-CN, en),
// the record linked to its page where it has one, and the details with named keys. A code the
// locale does not know yet (a newer server) is shown as it is rather than hidden.
import type { RouteLocationRaw } from 'vue-router'
import type { AuditApi } from '@/api/audit'

type Translate = (key: string) => string
type Has = (key: string) => boolean

/** The kinds of record the server names as targets, for the filter's choices. */
export const AUDIT_TARGET_TYPES = [
  'session',
  'user',
  'org',
  'enterprise',
  'member',
  'member_transfer',
  'member_import',
  'service_request',
  'request_category',
  'founding_list',
  'calendar',
  'worker_account',
  'worker_binding',
  'job',
] as const

function label(t: Translate, te: Has, key: string, code: string): string {
  return te(key) ? t(key) : code
}

export function actionLabel(t: Translate, te: Has, action: string): string {
  return label(t, te, `audit.actions.${action.replaceAll('.', '_')}`, action)
}

export function targetTypeLabel(t: Translate, te: Has, type: string): string {
  return label(t, te, `audit.targetTypes.${type}`, type)
}

/** The console page of an entry's record, when it has one of its own. */
export function targetRoute(target: AuditApi.Entry['target']): RouteLocationRaw | null {
  if (!/^\d+$/.test(target.id)) return null
  switch (target.type) {
    case 'member':
      return { name: 'member', params: { id: target.id } }
    case 'service_request':
      return { name: 'request', params: { id: target.id } }
    case 'org':
      return { name: 'org', params: { id: target.id } }
    case 'enterprise':
      return { name: 'enterprise', params: { id: target.id } }
    case 'user':
      return { name: 'user', params: { id: target.id } }
    case 'member_transfer':
      return { name: 'member-transfers' }
    case 'member_import':
      return { name: 'member-import' }
    default:
      return null
  }
}

/** A value that is a file path on the server shows only its file name: where the server keeps
 *  its files is none of the reader's business (and older entries recorded whole temp paths). */
function withoutServerPath(value: string): string {
  if (!/^(\/|[A-Za-z]:\\)/.test(value)) return value
  const parts = value.split(/[\\/]/)
  return parts[parts.length - 1] ?? ''
}

export interface DetailItem {
  key: string
  label: string
  value: string
}

/** Detail keys whose values are codes named elsewhere in the messages (a request's statuses, an
 *  org's kind), in the order they are tried: `kind` names a job's kind or an org's. */
const VALUE_MESSAGES: Record<string, string[]> = {
  from: ['requests.statuses'],
  to: ['requests.statuses'],
  kind: ['audit.detailValues.kind', 'orgs.kinds'],
  parent_kind: ['orgs.kinds'],
}

function valueLabel(t: Translate, te: Has, key: string, value: string): string {
  const code = value.replaceAll('.', '_')
  const found = (VALUE_MESSAGES[key] ?? [`audit.detailValues.${key}`]).find((base) => te(`${base}.${code}`))
  return found ? t(`${found}.${code}`) : value
}

/** The details in words: known keys translated, known value codes (reasons, sides) too. */
export function detailItems(t: Translate, te: Has, detail: Record<string, string>): DetailItem[] {
  return Object.entries(detail).map(([key, raw]) => {
    const value = withoutServerPath(raw)
    return {
      key,
      label: label(t, te, `audit.detailKeys.${key}`, key),
      value: /^[a-z_.]+$/.test(value) ? valueLabel(t, te, key, value) : value,
    }
  })
}
