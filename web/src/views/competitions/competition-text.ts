// Pure helpers of the competition pages: the live sum of a sheet's weights (they must add up to
// 100), a judge's weighted total as typed (each indicator counts weight × mark ÷ max, as the
// server's core WeightedTotal does), marks typed in points ↔ centi-points, e4 results shown with
// two decimals, and a default sheet for a new group.
import type { CompetitionsApi } from '@/api/competitions'

/** The weights' sum; the sheet is complete at exactly 100. */
export function sheetWeight(sheet: Pick<CompetitionsApi.Indicator, 'weight'>[]): number {
  return sheet.reduce((sum, i) => sum + (Number.isFinite(i.weight) ? i.weight : 0), 0)
}

/** Points typed by a judge (up to two decimals) as integer centi-points; null for anything else. */
export function toCenti(points: number | string | null | undefined): number | null {
  if (points === null || points === undefined || points === '') return null
  const n = typeof points === 'number' ? points : Number(String(points).trim())
  if (!Number.isFinite(n) || n < 0) return null
  return Math.round(n * 100)
}

/** The weighted total (points out of 100) of the marks typed so far; a missing mark counts 0,
 *  a mark above its max counts the max (the server refuses it; the total only guides). */
export function weightedTotal(sheet: CompetitionsApi.Indicator[], marks: Record<string, number | string | null | undefined>): number {
  let total = 0
  for (const i of sheet) {
    const centi = toCenti(marks[i.code] ?? null)
    if (centi === null || i.max_centi <= 0) continue
    total += (i.weight * Math.min(centi, i.max_centi)) / i.max_centi
  }
  return Math.round(total * 100) / 100
}

/** Whether every indicator has a mark within 0..max. */
export function marksComplete(sheet: CompetitionsApi.Indicator[], marks: Record<string, number | string | null | undefined>): boolean {
  return sheet.every((i) => {
    const centi = toCenti(marks[i.code] ?? null)
    return centi !== null && centi <= i.max_centi
  })
}

/** An e4 figure (1/10,000 point) with two decimals: 873456 → "87.35". */
export function e4(value: number): string {
  return (value / 10000).toFixed(2)
}

/** Centi-points as points: 3500 → "35". */
export function points(centi: number): string {
  return Number.isInteger(centi / 100) ? String(centi / 100) : (centi / 100).toFixed(2)
}

/** A listed entry's number as shown beside its group's name: three digits (007). */
export function entryNumber(n: number | null): string {
  return n === null ? '—' : String(n).padStart(3, '0')
}

/** The sheet a new group starts with: 35/35/30, each indicator marked out of its weight. */
export function defaultSheet(names: [string, string, string]): CompetitionsApi.Indicator[] {
  return [
    { code: 'quality', name: names[0], max_centi: 3500, weight: 35 },
    { code: 'safety', name: names[1], max_centi: 3500, weight: 35 },
    { code: 'innovation', name: names[2], max_centi: 3000, weight: 30 },
  ]
}
