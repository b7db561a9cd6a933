// How training reads on a page: a certificate's standing (revoked, expired, expiring soon, valid,
// or without expiry) with its tag's colour and message; whether a member may be assessed yet.
import type { TrainingApi } from '@/api/training'

export type Standing = 'revoked' | 'expired' | 'soon' | 'valid' | 'permanent'

/** The certificate's standing as the server judged it (expired, expires_soon) at reading. */
export function standing(c: Pick<TrainingApi.MyCertificate, 'revoked' | 'expired' | 'expires_soon' | 'expires_on'>): Standing {
  if (c.revoked) return 'revoked'
  if (c.expired) return 'expired'
  if (c.expires_soon) return 'soon'
  return c.expires_on ? 'valid' : 'permanent'
}

/** The tag's type of a standing: red for what no longer counts, amber for expiring soon. */
export function standingTag(s: Standing): 'danger' | 'warning' | 'info' | 'success' {
  if (s === 'revoked' || s === 'expired') return 'danger'
  if (s === 'soon') return 'warning'
  return s === 'permanent' ? 'info' : 'success'
}

/** The locale key of a standing's tag text. */
export function standingKey(s: Standing): string {
  return {
    revoked: 'training.portal.revoked',
    expired: 'training.portal.expired',
    soon: 'training.portal.expiresSoon',
    valid: 'training.portal.valid',
    permanent: 'training.portal.noExpiry',
  }[s]
}

/** The results an assessor may record for an enrolment: absent always; pass and fail once the
 *  attendance reaches the share (the server refuses them otherwise). Only seated members. */
export function resultsFor(e: Pick<TrainingApi.Enrolment, 'state' | 'may_be_assessed'>): TrainingApi.Result[] {
  if (e.state !== 'seated' && e.state !== 'offered') return []
  return e.may_be_assessed ? ['pass', 'fail', 'absent'] : ['absent']
}

/** A class's status as a reader sees it: open only while enrolment is (the server's status stays
 *  open after its window; the window decides). */
export function classStatus(k: Pick<TrainingApi.Class, 'status' | 'closes_at'>, now: number): 'open' | 'closed' {
  return k.status === 'open' && now < k.closes_at ? 'open' : 'closed'
}
