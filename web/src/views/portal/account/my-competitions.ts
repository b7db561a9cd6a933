// Pure helpers of My competitions and the certificate check (issue 21): the verification code as
// the server takes it (core/certificates/code.h: 12 symbols of an alphabet without 0/O/1/I/L,
// case, spaces and dashes ignored), printed in groups of four; an entry's result line.
import type { MyCompetitionsApi } from '@/api/my-competitions'

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 12

/** The code as stored from what a person typed, or null when it cannot be one. */
export function normaliseCode(typed: string): string | null {
  if (typed.length > 64) return null
  let code = ''
  for (const c of typed) {
    if (c === ' ' || c === '-') continue
    const upper = c.toUpperCase()
    if (!CODE_ALPHABET.includes(upper) || upper.length !== 1) return null
    code += upper
  }
  return code.length === CODE_LENGTH ? code : null
}

/** ABCD-EFGH-JKMN for a stored code (anything else unchanged). */
export function displayCode(code: string): string {
  if (code.length !== CODE_LENGTH) return code
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Where the entry stands, in the worker's words. */
export function resultLine(e: MyCompetitionsApi.Entry, t: Translate): string {
  if (e.vetoed) return t('portalCompetitions.vetoed')
  if (e.competition_status !== 'published') return t('portalCompetitions.waiting')
  if (e.rank_group === null) return t('portalCompetitions.unranked')
  return t('portalCompetitions.rank', { rank: e.rank_group })
}

/** The verify page's address for a certificate (what the PDF's QR code also points to). */
export function verifyPath(code: string): string {
  return `/verify?code=${encodeURIComponent(code.replace(/-/g, ''))}`
}
