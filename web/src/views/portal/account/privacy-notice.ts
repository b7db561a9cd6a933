// The privacy notice (隐私政策) the worker accepts before using My account: its text lives in the
// locales (portalAccount.privacy.*, zh-CN and en), its version here. Raise the version whenever
// the text changes in substance: every worker whose accepted version is older is shown it again
// at their next visit; the server records the version and time accepted (POST
// /api/v1/me/privacy-notice) and My data shows them.

/** The version of the notice in the locales. */
export const PRIVACY_NOTICE_VERSION = 1

/** The paragraphs of the notice, in order (portalAccount.privacy.paragraphs.<key>). */
export const PRIVACY_NOTICE_PARAGRAPHS = ['who', 'what', 'why', 'optional', 'rights', 'keep'] as const

/**
 * Whether the worker must accept the notice before going on: never accepted (null) or an older
 * version. `undefined` (the server could not be asked) lets the worker on: the server holds
 * nothing back because of it, and the next visit asks again.
 */
export function needsNotice(accepted: number | null | undefined, current = PRIVACY_NOTICE_VERSION): boolean {
  if (accepted === undefined) return false
  return accepted === null || accepted < current
}
