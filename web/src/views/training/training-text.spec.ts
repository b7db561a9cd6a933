import { describe, expect, it } from 'vitest'
import { classStatus, resultsFor, standing, standingKey, standingTag } from './training-text'

describe('standing', () => {
  const base = { revoked: false, expired: false, expires_soon: false, expires_on: '2027-06-30' }
  it('puts revoked before expired before expiring soon', () => {
    expect(standing({ ...base, revoked: true, expired: true })).toBe('revoked')
    expect(standing({ ...base, expired: true, expires_soon: true })).toBe('expired')
    expect(standing({ ...base, expires_soon: true })).toBe('soon')
  })
  it('tells a certificate without expiry from a valid one', () => {
    expect(standing(base)).toBe('valid')
    expect(standing({ ...base, expires_on: null })).toBe('permanent')
  })
  it('colours what needs attention red or amber', () => {
    expect(standingTag('soon')).toBe('warning')
    expect(standingTag('expired')).toBe('danger')
    expect(standingTag('valid')).toBe('success')
    expect(standingKey('soon')).toBe('training.portal.expiresSoon')
  })
})

describe('resultsFor', () => {
  it('offers pass and fail only once the attendance reaches the share', () => {
    expect(resultsFor({ state: 'seated', may_be_assessed: true })).toEqual(['pass', 'fail', 'absent'])
    expect(resultsFor({ state: 'seated', may_be_assessed: false })).toEqual(['absent'])
  })
  it('offers nothing for a member without a seat', () => {
    expect(resultsFor({ state: 'waitlisted', may_be_assessed: true })).toEqual([])
  })
})

describe('classStatus', () => {
  it('reads a class whose enrolment window has passed as closed', () => {
    expect(classStatus({ status: 'open', closes_at: 2_000 }, 1_000)).toBe('open')
    expect(classStatus({ status: 'open', closes_at: 2_000 }, 2_000)).toBe('closed')
    expect(classStatus({ status: 'closed', closes_at: 2_000 }, 1_000)).toBe('closed')
  })
})
