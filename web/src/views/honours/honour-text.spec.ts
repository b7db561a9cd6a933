import { describe, expect, it } from 'vitest'
import type { HonoursApi } from '@/api/honours'
import { boundText, needKey, sharePercent } from './honour-text'

const rule = (o: Partial<HonoursApi.RuleOutcome>): HonoursApi.RuleOutcome => ({
  category: 'woman',
  bound: '>=',
  percent: 30,
  count: 0,
  total: 0,
  share_bp: 0,
  pass: true,
  limit: 0,
  needed: 0,
  needed_changing_size: null,
  ...o,
})

describe('honour-text', () => {
  it('writes basis points as a per cent without trailing zeros', () => {
    expect(sharePercent(3333)).toBe('33.33%')
    expect(sharePercent(5000)).toBe('50%')
    expect(sharePercent(2510)).toBe('25.1%')
    expect(sharePercent(5)).toBe('0.05%')
    expect(sharePercent(0)).toBe('0%')
  })

  it('says how many more a failing ≥ rule needs and how many fewer a ≤ rule', () => {
    expect(needKey(rule({ pass: true }))).toBeNull()
    expect(needKey(rule({ pass: false, needed: 2 }))).toEqual({ key: 'honours.table.needMore', n: 2 })
    expect(needKey(rule({ bound: '<=', pass: false, needed: 1 }))).toEqual({ key: 'honours.table.needFewer', n: 1 })
  })

  it('writes the bound with the mathematical signs', () => {
    expect(boundText({ category: 'unit_head', bound: '<=', percent: 15 })).toBe('≤ 15%')
    expect(boundText({ category: 'woman', bound: '>=', percent: 30 })).toBe('≥ 30%')
  })
})
