import { describe, expect, it } from 'vitest'
import type { CoverageApi } from '@/api/coverage'
import { i18n, setLocale } from '@/locales'
import { chartHeight, chartLabel, childrenRatesOption, gapRankingOption, industryOption, rankedByGap } from './charts'

setLocale('zh-CN')
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

function child(id: string, name: string, gap: number, unionised: number | null = 0.5): CoverageApi.Child {
  return {
    id,
    code: id,
    name,
    kind: 'street',
    region_code: null,
    enterprises: 10,
    unionised_enterprises: 5,
    unionised_rate: unionised,
    employees: 100,
    members: 40,
    membership_rate: null,
    founding_gap: gap,
    members_online: 0,
    online_rate: 0,
  }
}

interface Bars {
  yAxis: { data: string[] }
  series: { data: (number | { value: number })[] }[]
}

describe('coverage charts', () => {
  it('drops the union suffix from row labels on a phone only', () => {
    expect(chartLabel('东华门街道总工会', true)).toBe('东华门街道')
    expect(chartLabel('北京某某有限公司工会委员会', true)).toBe('北京某某有限公司')
    expect(chartLabel('东华门街道总工会', false)).toBe('东华门街道总工会')
    expect(chartLabel('工会', true)).toBe('工会')
  })

  it('ranks children by founding gap, largest first, leaving out those without a gap', () => {
    const ranked = rankedByGap([child('1', '甲', 3), child('2', '乙', 0), child('3', '丙', 9)])
    expect(ranked.map((c) => c.id)).toEqual(['3', '1'])
    const option = gapRankingOption([child('1', '甲', 3), child('3', '丙', 9)], t) as unknown as Bars
    expect(option.yAxis.data).toEqual(['1. 丙', '2. 甲'])
    expect(option.series[0]?.data.map((d) => (typeof d === 'number' ? d : d.value))).toEqual([9, 3])
  })

  it('plots a rate without a denominator as 0', () => {
    const option = childrenRatesOption([child('1', '甲', 0, null)], t) as unknown as Bars
    expect(option.series.map((s) => s.data)).toEqual([[0], [0]])
  })

  it('splits each industry into unionised and not, biggest industry first, empty ones left out', () => {
    const industries = [
      { section: 'C', enterprises: 10, unionised_enterprises: 7, unionised_rate: 0.7, employees: 1, members: 1 },
      { section: 'A', enterprises: 0, unionised_enterprises: 0, unionised_rate: null, employees: 0, members: 0 },
      { section: 'F', enterprises: 30, unionised_enterprises: 6, unionised_rate: 0.2, employees: 1, members: 1 },
    ]
    const option = industryOption(industries, t) as unknown as Bars
    expect(option.yAxis.data).toEqual(['F 批发和零售业', 'C 制造业'])
    expect(option.series.map((s) => s.data)).toEqual([
      [6, 7],
      [24, 3],
    ])
  })

  it('gives every row the same height, so a row can be found by position', () => {
    expect(chartHeight(10) - chartHeight(9)).toBe(36)
    expect(chartHeight(0)).toBe(chartHeight(3))
  })
})
