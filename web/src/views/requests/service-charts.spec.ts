import { describe, expect, it } from 'vitest'
import type { RequestsApi } from '@/api/requests'
import { i18n, setLocale } from '@/locales'
import { activeCategories, bucketLabel, ESCALATION_ROWS, escalationRows, escalationsOption, medianText, resolveTimeOption, satisfactionSlices, volumeOption, weekLabel } from './service-charts'

setLocale('zh-CN')
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

function figures(changes: Partial<RequestsApi.Figures> = {}): RequestsApi.Figures {
  return {
    submitted: 0,
    urgent: 0,
    accepted: 0,
    accepted_on_time: 0,
    resolved: 0,
    resolved_on_time: 0,
    escalated: 0,
    rated: 0,
    rating_sum: 0,
    low_ratings: 0,
    reopened: 0,
    resolved_within: [0, 0, 0, 0, 0, 0],
    ...changes,
  }
}

function dashboard(changes: Partial<RequestsApi.Dashboard> = {}): RequestsApi.Dashboard {
  return {
    org: { id: '1', name: '北京市东城区总工会', kind: 'district' },
    weeks: 2,
    from_week: '2026-11-16',
    total: figures({ submitted: 5, resolved: 4, rated: 3, low_ratings: 1, resolved_within: [1, 2, 1, 0, 0, 0] }),
    accepted_on_time_rate: 1,
    resolved_on_time_rate: 0.75,
    average_rating: 3.7,
    median_resolve_days: { min: 1, max: 3 },
    resolve_bucket_days: [1, 3, 7, 15, 30],
    categories: [
      { code: 'legal_aid', name: '法律援助', ...figures({ submitted: 2 }) },
      { code: 'rights', name: '维权投诉', ...figures({ submitted: 3 }) },
      { code: 'suggestion', name: '意见建议', ...figures() },
    ],
    series: [
      { week: '2026-11-16', submitted_by_category: { legal_aid: 2, rights: 0, suggestion: 0 }, ...figures({ submitted: 2 }) },
      { week: '2026-11-23', submitted_by_category: { legal_aid: 0, rights: 3, suggestion: 0 }, ...figures({ submitted: 3 }) },
    ],
    children: [
      { id: '10', name: '东华门街道总工会', ...figures({ submitted: 4, escalated: 2 }) },
      { id: '11', name: '景山街道总工会', ...figures({ submitted: 1 }) },
      { id: '12', name: '交道口街道总工会', ...figures() },
    ],
    most_overdue: [],
    ...changes,
  }
}

interface Series {
  name: string
  stack?: string
  data: (number | { value: number })[]
}
interface Option {
  xAxis: { data: string[] }
  yAxis: { data: string[] }
  legend: { data: string[] }
  series: Series[]
}

describe('service dashboard charts', () => {
  it('stacks each week by the categories that had requests, Mondays as labels', () => {
    expect(weekLabel('2026-11-23')).toBe('11-23')
    const option = volumeOption(dashboard()) as unknown as Option
    expect(option.xAxis.data).toEqual(['11-16', '11-23'])
    expect(option.series.map((s) => s.name)).toEqual(['法律援助', '维权投诉'])
    expect(option.series.map((s) => s.data)).toEqual([
      [2, 0],
      [0, 3],
    ])
    expect(new Set(option.series.map((s) => s.stack))).toEqual(new Set(['volume']))
  })

  it('keeps every category when none had requests, so the legend still explains the chart', () => {
    const empty = dashboard({ categories: dashboard().categories.map((c) => ({ ...c, submitted: 0 })) })
    expect(activeCategories(empty)).toHaveLength(3)
  })

  it('lists child orgs with requests or escalations only, escalations beside volume', () => {
    const d = dashboard()
    expect(escalationRows(d).map((c) => c.id)).toEqual(['10', '11'])
    const option = escalationsOption(d, t) as unknown as Option
    expect(option.yAxis.data).toEqual(['东华门街道总工会', '景山街道总工会'])
    expect(option.series.map((s) => s.data)).toEqual([
      [2, 0],
      [4, 1],
    ])
    expect((escalationsOption(d, t, true) as unknown as Option).yAxis.data[0]).toBe('东华门街道')
  })

  it('draws every district of a municipality: none is cut off (顺义 was, as the 16th)', () => {
    const districts = ['东城', '西城', '朝阳', '丰台', '石景山', '海淀', '门头沟', '房山', '通州', '顺义', '昌平', '大兴', '怀柔', '平谷', '密云', '延庆']
    // Server order: most escalations first, 顺义 last with one.
    const children = districts.map((name, i) => ({ id: String(100 + i), name: `北京市${name}区总工会`, ...figures({ submitted: 40, escalated: i === 9 ? 1 : 30 - i }) }))
    const shunyi = children.splice(9, 1)
    const d = dashboard({ org: { id: '1', name: '北京市总工会', kind: 'municipal' }, children: [...children, ...shunyi] })
    expect(escalationRows(d)).toHaveLength(16)
    expect(escalationRows(d, ESCALATION_ROWS)).toHaveLength(16)
    const option = escalationsOption(d, t, false, ESCALATION_ROWS) as unknown as Option
    expect(option.yAxis.data).toHaveLength(16)
    expect(option.yAxis.data).toContain('北京市顺义区总工会')
    expect(option.series[0]?.data.at(-1)).toBe(1)
  })

  it('keeps the first rows of a long list for the chart until all are asked for', () => {
    const children = Array.from({ length: 43 }, (_, i) => ({ id: String(i), name: `街道${i}`, ...figures({ submitted: 5, escalated: 43 - i }) }))
    const d = dashboard({ children })
    expect(escalationRows(d, ESCALATION_ROWS).map((c) => c.name)).toEqual(children.slice(0, ESCALATION_ROWS).map((c) => c.name))
    expect((escalationsOption(d, t, false, ESCALATION_ROWS) as unknown as Option).yAxis.data).toHaveLength(ESCALATION_ROWS)
    expect((escalationsOption(d, t) as unknown as Option).yAxis.data).toHaveLength(43)
  })

  it('splits the resolved into rated 3–5, low ratings and not rated', () => {
    expect(satisfactionSlices(dashboard().total)).toEqual([
      { key: 'good', value: 2 },
      { key: 'low', value: 1 },
      { key: 'unrated', value: 1 },
    ])
  })

  it('names the median range and the buckets in days', () => {
    expect(medianText(dashboard(), t)).toBe('1–3 天')
    expect(medianText(dashboard({ median_resolve_days: { min: 0, max: 1 } }), t)).toBe('≤1 天')
    expect(medianText(dashboard({ median_resolve_days: { min: 30, max: null } }), t)).toBe('>30 天')
    expect(medianText(dashboard({ median_resolve_days: null }), t)).toBe('—')
    const bounds = [1, 3, 7, 15, 30]
    expect([0, 1, 5].map((i) => bucketLabel(bounds, i, t))).toEqual(['≤1 天', '1–3 天', '>30 天'])
  })

  it('draws the median bucket of the resolution times apart', () => {
    const option = resolveTimeOption(dashboard(), t) as unknown as { series: { data: { value: number; itemStyle: { color: string } }[] }[] }
    const bars = option.series[0]?.data ?? []
    expect(bars.map((b) => b.value)).toEqual([1, 2, 1, 0, 0, 0])
    const colours = bars.map((b) => b.itemStyle.color)
    expect(colours[1]).not.toBe(colours[0])
    expect(new Set([colours[0], colours[2], colours[3]]).size).toBe(1)
  })
})
