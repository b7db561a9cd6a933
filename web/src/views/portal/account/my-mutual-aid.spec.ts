import { describe, expect, it } from 'vitest'
import type { MyMutualAidApi } from '@/api/my-mutual-aid'
import { benefitLine, claimBody, coverLine, percent, statusTag } from './my-mutual-aid'

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)

function plan(over: Partial<MyMutualAidApi.MyPlan> = {}): MyMutualAidApi.MyPlan {
  return {
    plan: { id: '1', code: 'm', title: '职工互助保障', kind: 'property' },
    period: { id: '2', starts_on: '2026-06-01', ends_on: '2027-05-31' },
    covered_from: '2026-11-25',
    removed_on: null,
    benefits: [],
    ...over,
  }
}

describe('My protection', () => {
  it('writes basis points as a percentage without trailing zeros', () => {
    expect(percent(1000)).toBe('10')
    expect(percent(1250)).toBe('12.5')
    expect(percent(5)).toBe('0.05')
    expect(percent(10000)).toBe('100')
  })

  it('says what a benefit pays, with its cap in yuan', () => {
    const fire: MyMutualAidApi.Benefit = { code: 'fire', kind: 'share_of_loss', share_bp: 1000, cap_fen: 2000000, items: [] }
    expect(benefitLine(fire, t)).toBe('portalMutualAid.shareOfLoss {"percent":"10"}portalMutualAid.capped {"amount":"20,000.00"}')
    const injury: MyMutualAidApi.Benefit = {
      code: 'injury',
      kind: 'itemised',
      share_bp: null,
      cap_fen: null,
      items: [
        { code: 'fracture', amount_fen: 300000 },
        { code: 'burn', amount_fen: 200000 },
      ],
    }
    expect(benefitLine(injury, t)).toBe('portalMutualAid.itemised {"count":2}')
  })

  it('covers to the period end, or to the day before removal (a change takes effect the day after)', () => {
    expect(coverLine(plan(), t)).toBe('portalMutualAid.cover {"from":"2026-11-25","to":"2027-05-31"}')
    expect(coverLine(plan({ removed_on: '2026-12-01' }), t)).toBe('portalMutualAid.coverEnded {"from":"2026-11-25","to":"2026-11-30"}')
    expect(coverLine(plan({ removed_on: '2027-03-01' }), t)).toContain('"to":"2027-02-28"')
  })

  it('colours a claim by its status', () => {
    expect(statusTag('filed')).toBe('info')
    expect(statusTag('approved')).toBe('warning')
    expect(statusTag('paid')).toBe('success')
    expect(statusTag('refused')).toBe('danger')
  })

  it('sends the loss in fen for a share of it, the ticked items for a list, never both', () => {
    const fire: MyMutualAidApi.Benefit = { code: 'fire', kind: 'share_of_loss', share_bp: 1000, cap_fen: 2000000, items: [] }
    expect(claimBody('7', fire, '2026-11-25', 1234.56, ['burn'])).toEqual({ plan_id: '7', benefit_code: 'fire', incident_date: '2026-11-25', loss_fen: 123456 })
    expect(claimBody('7', fire, '2026-11-25', undefined, [])).toMatchObject({ loss_fen: 0 })
    const injury: MyMutualAidApi.Benefit = { code: 'injury', kind: 'itemised', share_bp: null, cap_fen: 500000, items: [{ code: 'burn', amount_fen: 200000 }] }
    const items = ['burn']
    const body = claimBody('7', injury, '2026-11-25', 99, items)
    expect(body).toEqual({ plan_id: '7', benefit_code: 'injury', incident_date: '2026-11-25', items: ['burn'] })
    expect(body.items).not.toBe(items)
  })
})
