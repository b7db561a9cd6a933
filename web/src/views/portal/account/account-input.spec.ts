import { describe, expect, it } from 'vitest'
import { cardRefreshDelay, isCode, isPhone, looksLikeIdNumber, normaliseIdNumber, normalisePhone } from './account-input'

describe('portal account input', () => {
  it('reads a mobile number as typed on a Chinese keyboard', () => {
    expect(normalisePhone(' １３９ 1234-5678 ')).toBe('13912345678')
    expect(isPhone('139 1234 5678')).toBe(true)
    expect(isPhone('23912345678')).toBe(false)
    expect(isPhone('1391234567')).toBe(false)
  })

  it('takes six digits as a code', () => {
    expect(isCode('０４２９１７')).toBe(true)
    expect(isCode('04291')).toBe(false)
    expect(isCode('04291a')).toBe(false)
  })

  it('upper-cases the check character of an ID number', () => {
    expect(normaliseIdNumber('11010119900307102x')).toBe('11010119900307102X')
    expect(looksLikeIdNumber('11010119900307102x')).toBe(true)
    expect(looksLikeIdNumber('110101199003071')).toBe(false)
  })

  it('renews a card token half a minute before it expires', () => {
    expect(cardRefreshDelay(300_000, 0)).toBe(270_000)
    expect(cardRefreshDelay(10_000, 0)).toBe(5_000)
  })
})
