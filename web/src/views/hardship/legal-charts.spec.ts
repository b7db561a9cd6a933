import { describe, expect, it } from 'vitest'
import type { HardshipApi } from '@/api/hardship'
import { legalBy, legalOption, legalTotals } from './legal-charts'

const t = (key: string) => key
const figures: HardshipApi.LegalFigures = {
  cases: 5,
  open: 4,
  by_type_stage: [
    { type: 'work_injury', stage: 'arbitration', cases: 1 },
    { type: 'wage_arrears', stage: 'consultation', cases: 2 },
    { type: 'wage_arrears', stage: 'closed', cases: 1 },
    { type: 'overtime', stage: 'mediation', cases: 1 },
    { type: 'dismissal', stage: 'mediation', cases: 0 },
  ],
  claimed_fen: 6380000,
  recovered_fen: 4600000,
  collective_open: 1,
  collective_total: 2,
  series: [
    { month: '2026-11', opened: 3, closed: 0 },
    { month: '2026-12', opened: 2, closed: 1 },
  ],
}

describe('the legal figures of the dashboard', () => {
  it('sums cases by type and by stage in the lists order, leaving zeros out', () => {
    const { types, stages } = legalBy(figures)
    expect(types).toEqual([
      ['wage_arrears', 3],
      ['work_injury', 1],
      ['overtime', 1],
    ])
    expect(stages).toEqual([
      ['consultation', 2],
      ['mediation', 1],
      ['arbitration', 1],
      ['closed', 1],
    ])
  })
  it('totals the window and charts opened against closed per month', () => {
    expect(legalTotals(figures)).toEqual({ opened: 5, closed: 1 })
    const option = legalOption(figures, t, 'en')
    expect((option.series as { data: number[] }[]).map((s) => s.data)).toEqual([
      [3, 2],
      [0, 1],
    ])
    expect((option.xAxis as { data: string[] }).data).toEqual(['Nov', 'Dec'])
  })
})
