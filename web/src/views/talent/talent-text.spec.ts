import { describe, expect, it } from 'vitest'
import type { TalentApi } from '@/api/talent'
import { fundingLine, levelCode, levelLabel, levelTag, mayRecordFunding } from './talent-text'

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`

function studio(over: Partial<TalentApi.StudioView> = {}): TalentApi.StudioView {
  return {
    id: '1',
    org_id: '2',
    org_name: '东城区总工会',
    name: '工作室',
    lead_member_id: '3',
    lead_name: '张师傅',
    trade: '电工',
    founded_year: 2025,
    funding_first_year: 2025,
    funding_years: 3,
    funding_amount_fen: 10_000_000,
    funding: [],
    funding_year_now: 2,
    ...over,
  }
}

describe('talent text', () => {
  it('names levels 1..5 and nothing else', () => {
    expect(levelCode(1)).toBe('junior')
    expect(levelCode(5)).toBe('senior_technician')
    expect(levelCode(0)).toBeUndefined()
    expect(levelCode(6)).toBeUndefined()
    expect(levelCode(2.5)).toBeUndefined()
  })

  it('labels a level by its code', () => {
    expect(levelLabel(5, t)).toBe('talent.levelLabels.senior_technician')
    expect(levelLabel(1, t)).toBe('talent.levelLabels.junior')
    expect(levelLabel(9, t)).toBe('')
  })

  it('makes the technicians stand out', () => {
    expect(levelTag(5)).toBe('danger')
    expect(levelTag(4)).toBe('warning')
    expect(levelTag(3)).toBe('info')
  })

  it("says which funding year a studio is in, or that it is outside them", () => {
    expect(fundingLine(studio(), t)).toBe('talent.studios.yearOf{"n":2,"of":3}')
    expect(fundingLine(studio({ funding_year_now: null }), t)).toBe('talent.studios.outside{"from":2025,"to":2027}')
    expect(fundingLine(studio({ funding_first_year: null, funding_year_now: null }), t)).toBe('talent.studios.unfunded')
  })

  it('records a funding year once, and only within the funding years', () => {
    expect(mayRecordFunding(studio(), 2026)).toBe(true)
    expect(mayRecordFunding(studio({ funding: [{ year: 2026, funding_year: 2, amount_fen: 1, recorded_at: 0 }] }), 2026)).toBe(false)
    expect(mayRecordFunding(studio({ funding_year_now: null }), 2026)).toBe(false)
  })
})
