// Pure helpers of the console's mutual-aid page (issue 22): which actions a claim and a list
// offer to a role (the server decides; this keeps refused buttons out of reach) and a list's
// one-line summary.
import type { MutualAidApi } from '@/api/mutual-aid'

/** May create plans, open periods, apply lists, decide and pay claims. */
export const MA_DECIDERS = ['admin', 'staff']
/** May open the page: read plans, enrol, make and send lists, see claims. */
export const MA_RUNNERS = ['admin', 'staff', 'cadre']

export type ClaimAction = 'approve' | 'refuse' | 'pay'

export function claimActions(status: MutualAidApi.ClaimStatus, role: string): ClaimAction[] {
  if (!MA_DECIDERS.includes(role)) return []
  if (status === 'filed') return ['approve', 'refuse']
  if (status === 'approved') return ['pay']
  return []
}

export function listAction(status: MutualAidApi.ListStatus, role: string): 'send' | 'apply' | null {
  if (status === 'draft' && MA_RUNNERS.includes(role)) return 'send'
  if (status === 'sent' && MA_DECIDERS.includes(role)) return 'apply'
  return null
}

type Translate = (key: string, params?: Record<string, unknown>) => string

export function listSummary(l: MutualAidApi.List, t: Translate): string {
  return t('mutualAid.lists.summary', { from: l.from_on, to: l.to_on, added: l.additions.length, removed: l.removals.length })
}
