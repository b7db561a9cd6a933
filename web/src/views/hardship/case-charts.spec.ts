import { describe, expect, it } from 'vitest'
import type { HardshipApi } from '@/api/hardship'
import { aidOption, budgetRows, causesOption, dashboardTotals, filesOption, householdsBy, monthLabel } from './case-charts'

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key)
const kinds = (living: number, festival: number, paid = 0): HardshipApi.AidKindFigures[] => [
  { kind: 'living', approved: living > 0 ? 1 : 0, approved_fen: living, paid_fen: paid },
  { kind: 'medical', approved: 0, approved_fen: 0, paid_fen: 0 },
  { kind: 'festival', approved: festival > 0 ? 2 : 0, approved_fen: festival, paid_fen: 0 },
]
const dashboard: HardshipApi.Dashboard = {
  org: { id: '7', name: '东城区总工会', kind: 'district' },
  months: 2,
  from_month: '2026-11',
  households: 5,
  by_level_cause: [
    { level: 'relative', cause: 'illness', households: 1 },
    { level: 'deep', cause: 'illness', households: 2 },
    { level: 'deep', cause: 'disability', households: 2 },
    { level: 'sudden', cause: 'accident', households: 0 },
  ],
  closed_by_reason: [{ reason: 'lifted', files: 1 }],
  series: [
    { month: '2026-11', opened: 3, closed: 1, aid: kinds(1450000, 0) },
    { month: '2026-12', opened: 2, closed: 0, aid: kinds(0, 100000, 1450000) },
  ],
  aid: kinds(1450000, 100000, 1450000),
  budgets: [
    { kind: 'living', year: 2026, amount_fen: 10000000, committed_fen: 1450000, paid_fen: 1450000 },
    { kind: 'festival', year: 2026, amount_fen: 0, committed_fen: 0, paid_fen: 0 },
  ],
  by_stage: [{ stage: 'active', files: 5 }],
  children: [],
  legal: { cases: 0, open: 0, by_type_stage: [], claimed_fen: 0, recovered_fen: 0, collective_open: 0, collective_total: 0, series: [] },
}

describe('the hardship dashboard figures', () => {
  it('sums households by level (most severe first) and by cause (most first), leaving zeros out', () => {
    const { levels, causes } = householdsBy(dashboard)
    expect(levels).toEqual([
      ['deep', 4],
      ['relative', 1],
    ])
    expect(causes).toEqual([
      ['illness', 3],
      ['disability', 2],
    ])
  })

  it('totals the window for the cards', () => {
    expect(dashboardTotals(dashboard)).toEqual({ opened: 5, closed: 1, approved: 3, approvedFen: 1550000, paidFen: 1450000 })
  })

  it('shows each budget with what remains and the share committed, none for a zero budget', () => {
    const rows = budgetRows(dashboard)
    expect(rows[0]).toMatchObject({ remaining_fen: 8550000, used: 0.145 })
    expect(rows[1]?.used).toBeNull()
  })

  it('names months in the reader’s language', () => {
    expect(monthLabel('2026-11', 'en')).toBe('Nov')
    expect(monthLabel('2026-11', 'zh-CN')).toBe('11月')
    expect(monthLabel('oops', 'en')).toBe('oops')
  })

  it('charts files per month and the aid per kind in whole yuan, only kinds with aid', () => {
    const files = filesOption(dashboard, t, 'en')
    expect((files.series as { data: number[] }[]).map((s) => s.data)).toEqual([
      [3, 2],
      [1, 0],
    ])
    const aid = aidOption(dashboard, t, 'en')
    const series = aid.series as { name: string; data: number[] }[]
    expect(series.map((s) => s.name)).toEqual(['aidGrants.kinds.living', 'aidGrants.kinds.festival'])
    expect(series[0]?.data).toEqual([14500, 0])
    expect(series[1]?.data).toEqual([0, 1000])
    const causes = causesOption(dashboard, t)
    expect((causes.yAxis as { data: string[] }).data).toEqual(['hardship.causes.illness', 'hardship.causes.disability'])
  })
})
