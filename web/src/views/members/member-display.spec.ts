import { describe, expect, it } from 'vitest'
import { eventDetailText, statusTagType, toMillis, transferOverdue } from './member-display'

describe('member display helpers', () => {
  it('colours active members green and moved-away ones grey', () => {
    expect(statusTagType('active')).toBe('success')
    expect(statusTagType('transferred_out')).toBe('info')
    expect(statusTagType('retired')).toBe('warning')
  })

  it('reads timestamps sent as milliseconds, digit strings or ISO text', () => {
    expect(toMillis(1_700_000_000_000)).toBe(1_700_000_000_000)
    expect(toMillis('1700000000000')).toBe(1_700_000_000_000)
    expect(toMillis('2026-11-26T00:00:00Z')).toBe(Date.UTC(2026, 10, 26))
    expect(toMillis(null)).toBeNull()
    expect(toMillis('not a date')).toBeNull()
  })

  it('calls a pending transfer past its due time overdue, a decided one never', () => {
    expect(transferOverdue({ state: 'pending', due_at: 1000 }, 2000)).toBe(true)
    expect(transferOverdue({ state: 'pending', due_at: 3000 }, 2000)).toBe(false)
    expect(transferOverdue({ state: 'approved', due_at: 1000 }, 2000)).toBe(false)
  })

  it('writes an event detail as labelled pairs, from an object or its JSON text', () => {
    const label = (key: string) => (key === 'reason' ? '原因' : null)
    expect(eventDetailText({ reason: '核实', field: 'id_number', empty: '' }, label)).toBe('原因: 核实; field: id_number')
    expect(eventDetailText('{"reason":"核实"}', label)).toBe('原因: 核实')
    expect(eventDetailText('plain words')).toBe('plain words')
    expect(eventDetailText(null)).toBe('')
    const value = (key: string, v: string) => (key === 'field' && v === 'id_number' ? '身份证号' : null)
    expect(eventDetailText({ field: 'id_number' }, label, value)).toBe('field: 身份证号')
    expect(eventDetailText({ transfer: '42', reason: '调动' }, (k) => (k === 'transfer' ? '' : label(k)))).toBe('原因: 调动')
  })
})
