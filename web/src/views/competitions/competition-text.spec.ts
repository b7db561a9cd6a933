import { describe, expect, it } from 'vitest'
import { defaultSheet, e4, entryNumber, marksComplete, points, sheetWeight, toCenti, weightedTotal } from './competition-text'

const sheet = [
  { code: 'a', name: 'A', max_centi: 3500, weight: 35 },
  { code: 'b', name: 'B', max_centi: 10000, weight: 35 },
  { code: 'c', name: 'C', max_centi: 1000, weight: 30 },
]

describe('sheetWeight', () => {
  it('adds the weights as typed, so the form shows 100 when complete', () => {
    expect(sheetWeight(sheet)).toBe(100)
    expect(sheetWeight([{ weight: 40 }, { weight: Number.NaN }])).toBe(40)
    expect(sheetWeight([])).toBe(0)
    expect(sheetWeight(defaultSheet(['x', 'y', 'z']))).toBe(100)
  })
})

describe('weightedTotal', () => {
  it('counts weight × mark ÷ max per indicator (a 35/35/30 points sheet is the plain sum)', () => {
    const plain = defaultSheet(['x', 'y', 'z'])
    expect(weightedTotal(plain, { quality: 30, safety: 20.5, innovation: 25 })).toBe(75.5)
    expect(weightedTotal(sheet, { a: 35, b: 50, c: 5 })).toBe(35 + 17.5 + 15)
  })
  it('counts nothing for a missing or bad mark, and at most the max', () => {
    expect(weightedTotal(sheet, {})).toBe(0)
    expect(weightedTotal(sheet, { a: 70, b: null, c: -1 })).toBe(35)
  })
  it('rounds to two decimals', () => {
    expect(weightedTotal([{ code: 'a', name: 'A', max_centi: 300, weight: 100 }], { a: 1 })).toBe(33.33)
  })
})

describe('marks', () => {
  it('turns typed points into centi-points', () => {
    expect(toCenti('12.345')).toBe(1235)
    expect(toCenti(7)).toBe(700)
    expect(toCenti('')).toBeNull()
    expect(toCenti('x')).toBeNull()
    expect(toCenti(-1)).toBeNull()
  })
  it('is complete only with every mark within its max', () => {
    expect(marksComplete(sheet, { a: 35, b: 0, c: 10 })).toBe(true)
    expect(marksComplete(sheet, { a: 35, b: 0 })).toBe(false)
    expect(marksComplete(sheet, { a: 36, b: 0, c: 10 })).toBe(false)
  })
})

describe('formatting', () => {
  it('shows e4 results, centi-points and numbers', () => {
    expect(e4(873456)).toBe('87.35')
    expect(points(3500)).toBe('35')
    expect(points(1250)).toBe('12.50')
    expect(entryNumber(7)).toBe('007')
    expect(entryNumber(null)).toBe('—')
  })
})
