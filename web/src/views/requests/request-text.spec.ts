import { describe, expect, it } from 'vitest'
import type { RequestsApi } from '@/api/requests'
import { categoryOptions, countdown, eventLabel, countdownText, groupTrackingNumber, isLast4, normaliseTrackingNumber } from './request-text'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const t = (key: string, args: Record<string, unknown> = {}) =>
  `${key}${Object.keys(args).length ? JSON.stringify(args) : ''}`

describe('countdown', () => {
  it('says nothing is due when there is no deadline', () => {
    expect(countdown(null, 0)).toEqual({ overdue: false, key: 'none', parts: [] })
  })
  it('counts days and hours left before the deadline', () => {
    const c = countdown(2 * DAY + 3 * HOUR + 59_000, 0)
    expect(c.overdue).toBe(false)
    expect(c.parts).toEqual([
      { unit: 'days', n: 2 },
      { unit: 'hours', n: 3 },
    ])
  })
  it('counts minutes when less than a day is left', () => {
    expect(countdown(90 * 60_000, 0).parts).toEqual([
      { unit: 'hours', n: 1 },
      { unit: 'minutes', n: 30 },
    ])
  })
  it('is overdue from the deadline on, counting the time since', () => {
    const c = countdown(1000, 1000 + DAY + 5 * HOUR)
    expect(c.overdue).toBe(true)
    expect(c.key).toBe('overdue')
    expect(c.parts).toEqual([
      { unit: 'days', n: 1 },
      { unit: 'hours', n: 5 },
    ])
  })
  it('reads as a translated sentence', () => {
    expect(countdownText(countdown(DAY, 0), t)).toBe(
      'requests.sla.left{"time":"requests.sla.days{\\"n\\":1}"}',
    )
  })
  it('names the milestone it counts to, so a new deadline after acceptance is not a jump', () => {
    expect(countdownText(countdown(DAY, 0), t, 'contact')).toBe(
      'requests.sla.leftTo{"time":"requests.sla.days{\\"n\\":1}","milestone":"requests.sla.milestones.contact"}',
    )
    expect(countdownText(countdown(0, DAY + HOUR), t, 'accept')).toBe(
      'requests.sla.overdueOn{"time":"requests.sla.days{\\"n\\":1} requests.sla.hours{\\"n\\":1}","milestone":"requests.sla.milestones.accept"}',
    )
  })
})

describe('tracking numbers', () => {
  it('drops spaces and hyphens and turns full-width digits into ASCII', () => {
    expect(normaliseTrackingNumber(' 261126-1234 ５６７８９ ')).toBe('261126123456789')
  })
  it('groups 15 digits for reading out', () => {
    expect(groupTrackingNumber('261126123456789')).toBe('261126 1234 56789')
    expect(groupTrackingNumber('123')).toBe('123')
  })
  it('accepts exactly four digits as the phone check', () => {
    expect(isLast4('5678')).toBe(true)
    expect(isLast4('５６７８')).toBe(true)
    expect(isLast4('567')).toBe(false)
    expect(isLast4('56a8')).toBe(false)
  })
})

describe('categoryOptions', () => {
  const cat = (code: string, parent: string | null, active = true): RequestsApi.Category => ({
    code,
    parent_code: parent,
    name: code.toUpperCase(),
    name_zh: code,
    name_en: code,
    lowest_level: 'grassroots',
    accept_days: 1,
    contact_days: 2,
    resolve_days: 15,
    active,
  })
  it('follows each parent with its active sub-types, labelled with the parent', () => {
    const options = categoryOptions([
      cat('legal_aid', null),
      cat('rights', null),
      cat('rights.wage', 'rights'),
      cat('rights.old', 'rights', false),
      cat('gone', null, false),
    ])
    expect(options).toEqual([
      { value: 'legal_aid', label: 'LEGAL_AID', sub: false },
      { value: 'rights', label: 'RIGHTS', sub: false },
      { value: 'rights.wage', label: 'RIGHTS · RIGHTS.WAGE', sub: true },
    ])
  })
})

describe('eventLabel', () => {
  const e = (kind: string, from: string | null = null, to: string | null = null, org: string | null = null) => ({
    kind,
    from_status: from,
    to_status: to,
    org_name: org,
  })
  it('calls the first status entry the submission', () => {
    expect(eventLabel(e('status', null, 'submitted'), t)).toBe('requests.events.created')
  })
  it('names both statuses of a change', () => {
    expect(eventLabel(e('status', 'submitted', 'accepted'), t)).toBe(
      'requests.events.status{"from":"requests.statuses.submitted","to":"requests.statuses.accepted"}',
    )
  })
  it('names the org a request was transferred to', () => {
    expect(eventLabel(e('transferred', null, null, '景山街道总工会'), t)).toBe('requests.events.transferred{"org":"景山街道总工会"}')
  })
  it('names the org a request was escalated to', () => {
    expect(eventLabel(e('escalated', null, null, '东城区总工会'), t)).toBe('requests.events.escalated{"org":"东城区总工会"}')
  })
  it('names the org a request was handed to when its org moved', () => {
    expect(eventLabel(e('reassigned', null, null, '西城区总工会'), t)).toBe('requests.events.reassigned{"org":"西城区总工会"}')
  })
})
