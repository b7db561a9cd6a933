// Chart options and headline texts of the service dashboard, built from its API answer: volume by
// category and week (stacked), escalations by child org, satisfaction and resolution times. Pure
// functions of the data and the translator, so they are tested without a canvas.
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { RequestsApi } from '@/api/requests'
import { chartLabel } from '../coverage/charts'

export type ServiceChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

type Translate = (key: string, params?: Record<string, unknown>) => string

/** One colour per top-level category, in the server's order (union red first). */
export const CATEGORY_COLOURS = ['#c8161d', '#e6a23c', '#409eff', '#67c23a', '#909399', '#8e44ad', '#16a085', '#d35400']
const RED = '#c8161d'
const AMBER = '#e6a23c'
const GREEN = '#67c23a'
const GREY = '#c0c4cc'

/** "2026-11-23" → "11-23": a week's Monday on the axis. */
export function weekLabel(week: string): string {
  return week.length === 10 ? week.slice(5) : week
}

/** The categories that had requests in the window (all of them when none had). */
export function activeCategories(d: RequestsApi.Dashboard): RequestsApi.DashboardCategory[] {
  const active = d.categories.filter((c) => c.submitted > 0)
  return active.length > 0 ? active : d.categories
}

/** Requests submitted per week, stacked by top-level category. */
export function volumeOption(d: RequestsApi.Dashboard, narrow = false): ServiceChartOption {
  const categories = activeCategories(d)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll', data: categories.map((c) => c.name) },
    grid: { top: 36, bottom: 8, left: 8, right: narrow ? 8 : 24, containLabel: true },
    xAxis: { type: 'category', data: d.series.map((w) => weekLabel(w.week)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: categories.map((c) => ({
      type: 'bar' as const,
      stack: 'volume',
      name: c.name,
      barMaxWidth: 28,
      itemStyle: { color: CATEGORY_COLOURS[d.categories.indexOf(c) % CATEGORY_COLOURS.length] },
      data: d.series.map((w) => w.submitted_by_category[c.code] ?? 0),
    })),
  }
}

/** Rows the escalation chart shows before "show all": every district of a municipality (Beijing
 *  has 16) fits; a district's 40-odd streets do not, so the rest wait behind the button. */
export const ESCALATION_ROWS = 20

/** Child orgs with requests or escalations in the window, most escalations first (server order):
 *  all of them, or the first `limit`. */
export function escalationRows(d: RequestsApi.Dashboard, limit?: number): RequestsApi.DashboardChild[] {
  const rows = d.children.filter((c) => c.escalated > 0 || c.submitted > 0)
  return limit === undefined ? rows : rows.slice(0, limit)
}

/** Escalations (and volume, for scale) per child org, one row each: all, or the first `limit`. */
export function escalationsOption(d: RequestsApi.Dashboard, t: Translate, narrow = false, limit?: number): ServiceChartOption {
  const rows = escalationRows(d, limit)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('serviceDashboard.escalated'), t('serviceDashboard.submitted')] },
    grid: { top: 36, bottom: 8, left: 8, right: narrow ? 16 : 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((c) => chartLabel(c.name, narrow)),
      axisLabel: { width: narrow ? 100 : 160, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', name: t('serviceDashboard.escalated'), data: rows.map((c) => c.escalated), itemStyle: { color: RED }, barMaxWidth: 14 },
      { type: 'bar', name: t('serviceDashboard.submitted'), data: rows.map((c) => c.submitted), itemStyle: { color: GREY }, barMaxWidth: 14 },
    ],
  }
}

/** Resolved requests by what the worker said: 3–5, 1–2 (each opens a follow-up visit), or nothing yet. */
export function satisfactionSlices(total: RequestsApi.Figures): { key: 'good' | 'low' | 'unrated'; value: number }[] {
  return [
    { key: 'good', value: Math.max(0, total.rated - total.low_ratings) },
    { key: 'low', value: total.low_ratings },
    { key: 'unrated', value: Math.max(0, total.resolved - total.rated) },
  ]
}

export function satisfactionOption(total: RequestsApi.Figures, t: Translate): ServiceChartOption {
  const colours = { good: GREEN, low: RED, unrated: GREY }
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{c}' },
        minShowLabelAngle: 1, // no label for an empty slice
        data: satisfactionSlices(total).map((s) => ({
          name: t(`serviceDashboard.satisfaction.${s.key}`),
          value: s.value,
          itemStyle: { color: colours[s.key] },
        })),
      },
    ],
  }
}

/** The label of resolution-time bucket `i`: ≤1 day, 1–3 days, …, over the last bound. */
export function bucketLabel(bounds: number[], i: number, t: Translate): string {
  if (i >= bounds.length) return t('serviceDashboard.days.over', { n: bounds[bounds.length - 1] ?? 0 })
  if (i === 0) return t('serviceDashboard.days.upTo', { n: bounds[0] })
  return t('serviceDashboard.days.range', { min: bounds[i - 1], max: bounds[i] })
}

/** The median resolution time's range as text, "—" when nothing was resolved. */
export function medianText(d: RequestsApi.Dashboard, t: Translate): string {
  const m = d.median_resolve_days
  if (!m) return t('common.notAvailable')
  if (m.max === null) return t('serviceDashboard.days.over', { n: m.min })
  if (m.min === 0) return t('serviceDashboard.days.upTo', { n: m.max })
  return t('serviceDashboard.days.range', { min: m.min, max: m.max })
}

/** Resolutions per time bucket; the median's bucket is drawn darker. */
export function resolveTimeOption(d: RequestsApi.Dashboard, t: Translate): ServiceChartOption {
  const bounds = d.resolve_bucket_days
  const median = d.median_resolve_days
  const medianIndex = median ? (median.max === null ? bounds.length : bounds.indexOf(median.max)) : -1
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { top: 16, bottom: 8, left: 8, right: 16, containLabel: true },
    xAxis: { type: 'category', data: d.total.resolved_within.map((_, i) => bucketLabel(bounds, i, t)), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('serviceDashboard.resolved'),
        barMaxWidth: 28,
        data: d.total.resolved_within.map((n, i) => ({ value: n, itemStyle: { color: i === medianIndex ? RED : AMBER } })),
      },
    ],
  }
}
