// What the worker types on the portal's account pages, made the way the server reads it:
// full-width digits (Chinese keyboards) become ASCII, spaces and dashes go. The server checks
// again; this only lets the page say "not yet" before a round trip.

/** Full-width ASCII (U+FF01–U+FF5E) as ASCII and the ideographic space as a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** A mobile number as typed → its digits ("139 1234-5678" → "13912345678"). */
export function normalisePhone(text: string): string {
  return toHalfWidth(text).replace(/[\s-]/g, '')
}

/** 11 digits starting with 1 (DESIGN.md "Standards"). */
export function isPhone(text: string): boolean {
  return /^1\d{10}$/.test(normalisePhone(text))
}

export function normaliseCode(text: string): string {
  return toHalfWidth(text).replace(/\s/g, '')
}

/** A sign-in code: 6 digits. */
export function isCode(text: string): boolean {
  return /^\d{6}$/.test(normaliseCode(text))
}

/** An ID number as typed → 18 characters, a trailing x made X. */
export function normaliseIdNumber(text: string): string {
  return toHalfWidth(text).replace(/\s/g, '').toUpperCase()
}

/** 17 digits and a digit or X (the server checks the check character and the date). */
export function looksLikeIdNumber(text: string): boolean {
  return /^\d{17}[\dX]$/.test(normaliseIdNumber(text))
}

/** When to fetch a fresh card token: 30 s before this one expires, never sooner than in 5 s. */
export function cardRefreshDelay(expiresAtMs: number, nowMs: number): number {
  return Math.max(expiresAtMs - nowMs - 30_000, 5_000)
}
