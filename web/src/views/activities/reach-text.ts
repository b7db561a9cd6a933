// Reach figures as the reach page shows them: the share reached in 12 months as a per cent with
// one decimal, and a heat shade for a street's row (white at 0 %, a deeper green towards 100 %).
import type { CheckInsApi } from '@/api/activity-check-ins'

/** reached ÷ members, "12.5%"; "—" without members. */
export function reachShare(row: Pick<CheckInsApi.ReachRow, 'members' | 'reached_12m'>): string {
  if (row.members <= 0) return '—'
  const permille = Math.round((Math.min(row.reached_12m, row.members) * 1000) / row.members)
  return `${(permille / 10).toFixed(1)}%`
}

/** The row's background: transparent without members, else green whose strength is the share. */
export function reachShade(row: Pick<CheckInsApi.ReachRow, 'members' | 'reached_12m'>): string {
  if (row.members <= 0) return 'transparent'
  const share = Math.min(1, Math.max(0, row.reached_12m / row.members))
  return `rgba(103, 194, 58, ${(0.08 + share * 0.5).toFixed(2)})`
}
