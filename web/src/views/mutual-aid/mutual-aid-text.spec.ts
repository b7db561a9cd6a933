import { describe, expect, it } from 'vitest'
import type { MutualAidApi } from '@/api/mutual-aid'
import { claimActions, listAction, listSummary } from './mutual-aid-text'

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)

describe('mutual-aid actions', () => {
  it('offers decisions on a claim to staff and administrators only, by its status', () => {
    expect(claimActions('filed', 'staff')).toEqual(['approve', 'refuse'])
    expect(claimActions('approved', 'admin')).toEqual(['pay'])
    expect(claimActions('paid', 'staff')).toEqual([])
    expect(claimActions('refused', 'staff')).toEqual([])
    expect(claimActions('filed', 'cadre')).toEqual([])
  })

  it('lets the union send its draft list and the plan level apply a sent one', () => {
    expect(listAction('draft', 'cadre')).toBe('send')
    expect(listAction('sent', 'cadre')).toBeNull()
    expect(listAction('sent', 'staff')).toBe('apply')
    expect(listAction('applied', 'admin')).toBeNull()
    expect(listAction('draft', 'operator')).toBeNull()
  })

  it('sums a list up with its days and counts', () => {
    const list: MutualAidApi.List = {
      id: '1',
      period_id: '2',
      org_id: '3',
      from_on: '2026-06-01',
      to_on: '2026-11-28',
      status: 'draft',
      made_at: 0,
      sent_at: null,
      applied_at: null,
      additions: [{ member_id: '4', since: '2026-11-28', reason: 'joined' }],
      removals: [
        { member_id: '5', since: '2026-11-27', reason: 'retired' },
        { member_id: '6', since: '2026-11-28', reason: 'moved_out' },
      ],
    }
    expect(listSummary(list, t)).toBe('mutualAid.lists.summary {"from":"2026-06-01","to":"2026-11-28","added":1,"removed":2}')
  })
})
