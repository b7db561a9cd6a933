// Pure helpers of the honours pages: a share in basis points as a per cent, and what a failing
// rule still needs, in words the composition table shows.
import type { HonoursApi } from '@/api/honours'

/** 3333 → "33.33%", 5000 → "50%". */
export function sharePercent(bp: number): string {
  const whole = Math.floor(bp / 100)
  const rest = bp % 100
  if (rest === 0) return `${whole}%`
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`
}

/** What a rule's row says beside pass/fail: nothing when it passes; for ≥ how many more of the
 *  category the list needs (others swapped for them), for ≤ how many fewer. */
export function needKey(o: HonoursApi.RuleOutcome): { key: string; n: number } | null {
  if (o.pass) return null
  return o.bound === '>=' ? { key: 'honours.table.needMore', n: o.needed } : { key: 'honours.table.needFewer', n: o.needed }
}

/** The rule as written: "≥ 30%". */
export function boundText(o: HonoursApi.Rule): string {
  return `${o.bound === '>=' ? '≥' : '≤'} ${o.percent}%`
}
