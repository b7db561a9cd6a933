// Pure helpers of My protection (互助保障, issue 22): a benefit's line (10 % of the loss up to
// ¥20,000; items from a list up to a cap), the cover line of a plan (from when, until when) and
// the tag type of a claim's status.
import type { MyMutualAidApi } from '@/api/my-mutual-aid'
import { yuan } from '@/views/hardship/hardship-text'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Basis points as a percentage without trailing zeros: 1000 → "10", 1250 → "12.5". */
export function percent(bp: number): string {
  const whole = Math.trunc(bp / 100)
  const rest = bp % 100
  if (rest === 0) return String(whole)
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`
}

export function benefitLine(b: MyMutualAidApi.Benefit, t: Translate): string {
  const cap = b.cap_fen === null ? '' : t('portalMutualAid.capped', { amount: yuan(b.cap_fen) })
  if (b.kind === 'share_of_loss') {
    return t('portalMutualAid.shareOfLoss', { percent: percent(b.share_bp ?? 0) }) + cap
  }
  return t('portalMutualAid.itemised', { count: b.items.length }) + cap
}

/** "Covered from … to …": until the day before removed_on when removed, else the period's end. */
export function coverLine(p: MyMutualAidApi.MyPlan, t: Translate): string {
  if (p.removed_on) {
    const last = new Date(`${p.removed_on}T00:00:00Z`)
    last.setUTCDate(last.getUTCDate() - 1)
    return t('portalMutualAid.coverEnded', { from: p.covered_from, to: last.toISOString().slice(0, 10) })
  }
  return t('portalMutualAid.cover', { from: p.covered_from, to: p.period.ends_on })
}

export function statusTag(status: MyMutualAidApi.ClaimStatus): 'info' | 'warning' | 'success' | 'danger' {
  switch (status) {
    case 'filed':
      return 'info'
    case 'approved':
      return 'warning'
    case 'paid':
      return 'success'
    case 'refused':
      return 'danger'
  }
}

/** The claim the form sends: the loss in fen for a share of it, the ticked items for a list. */
export function claimBody(
  planId: string,
  benefit: MyMutualAidApi.Benefit | undefined,
  incidentDate: string,
  lossYuan: number | undefined,
  items: string[],
): MyMutualAidApi.NewClaim {
  const claim: MyMutualAidApi.NewClaim = { plan_id: planId, benefit_code: benefit?.code ?? '', incident_date: incidentDate }
  if (benefit?.kind === 'share_of_loss') claim.loss_fen = Math.round((lossYuan ?? 0) * 100)
  else claim.items = [...items]
  return claim
}
