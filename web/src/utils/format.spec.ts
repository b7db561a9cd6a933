import { describe, expect, it } from 'vitest'
import { datePickerFormat, formatDate, formatDateTime, formatNumber, formatPercent, maskId, maskPhone } from './format'

describe('maskId', () => {
  it('keeps the region prefix and the last four of an 18-character ID', () => {
    expect(maskId('110101199003071234')).toBe('110101********1234')
  })
  it('keeps an X check character visible', () => {
    expect(maskId('11010119900307123X')).toBe('110101********123X')
  })
  it('masks a 15-digit legacy ID in the same way', () => {
    expect(maskId('110101900307123')).toBe('110101*****7123')
  })
  it('trims surrounding spaces before masking', () => {
    expect(maskId('  110101199003071234 ')).toBe('110101********1234')
  })
  it('hides a too-short value completely rather than leaking it', () => {
    expect(maskId('1234567')).toBe('*******')
  })
})

describe('maskPhone', () => {
  it('hides the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('hides a too-short value completely', () => {
    expect(maskPhone('12351')).toBe('*****')
  })
})

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(12345678, 'zh-CN')).toBe('12,345,678')
    expect(formatNumber(12345678, 'en')).toBe('12,345,678')
  })
  it('shows a dash for a value that is not a number', () => {
    expect(formatNumber(Number.NaN, 'en')).toBe('—')
  })
  it('formats a share as a percentage with one decimal', () => {
    expect(formatPercent(0.4567, 'en')).toBe('45.7%')
  })
})

describe('formatDate', () => {
  const date = new Date(2026, 2, 7, 9, 5)
  it('writes a Chinese date as forms do', () => {
    expect(formatDate(date, 'zh-CN')).toBe('2026-03-07')
  })
  it('writes an English date', () => {
    expect(formatDate(date, 'en')).toBe('Mar 7, 2026')
  })
  it('writes date and time to the minute in 24-hour form', () => {
    expect(formatDateTime(new Date(2026, 2, 7, 21, 5), 'zh-CN')).toBe('2026-03-07 21:05')
  })
  it('writes the date of a date-time as formatDate does, in either locale', () => {
    const at = new Date(2026, 11, 5, 23, 59)
    for (const locale of ['zh-CN', 'en']) expect(formatDateTime(at, locale).startsWith(formatDate(at, locale))).toBe(true)
    expect(formatDateTime(at, 'en')).toBe('Dec 5, 2026 23:59')
  })
  it('reads a bare calendar date as that local day, not UTC midnight', () => {
    expect(formatDate('2026-09-14', 'zh-CN')).toBe('2026-09-14')
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026')
  })
  it('gives date pickers the same format as the text', () => {
    expect(datePickerFormat('zh-CN')).toBe('YYYY-MM-DD')
    expect(datePickerFormat('en')).toBe('MMM D, YYYY')
  })
  it('shows a dash for an invalid date', () => {
    expect(formatDate('not a date', 'en')).toBe('—')
  })
})
