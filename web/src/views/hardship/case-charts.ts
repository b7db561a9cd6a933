// Chart options and figures of the hardship and aid dashboard (困难帮扶看板), built from its API
// answer: households in open files by level and by main cause, files opened and closed by month,
// aid approved by kind and month (in yuan), and the budgets' use. Pure functions of the data and
// the translator, so they are tested without a canvas.
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { HardshipApi } from '@/api/hardship'
import { CATEGORY_COLOURS } from '../requests/service-charts'

export type CaseChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

type Translate = (key: string, params?: Record<string, unknown>) => string

const RED = '#c8161d'
const GREY = '#909399'
/** The levels in the order a cadre reads them, most severe first. */
export const DASHBOARD_LEVELS: HardshipApi.Level[] = ['deep', 'relative', 'sudden', 'none', 'excluded']

/** "2026-11" → "11月" / "Nov": a month on the axis (the year in the tooltip's title). */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number)
  if (!y || !m) return month
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)))
}

/** Households in open files by level, and by main cause (most first), from the level × cause rows. */
export function householdsBy(d: HardshipApi.Dashboard): { levels: [string, number][]; causes: [string, number][] } {
  const levels = new Map<string, number>()
  const causes = new Map<string, number>()
  for (const row of d.by_level_cause) {
    levels.set(row.level, (levels.get(row.level) ?? 0) + row.households)
    causes.set(row.cause, (causes.get(row.cause) ?? 0) + row.households)
  }
  return {
    levels: DASHBOARD_LEVELS.filter((l) => (levels.get(l) ?? 0) !== 0).map((l) => [l, levels.get(l) ?? 0]),
    causes: [...causes.entries()].filter(([, n]) => n !== 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  }
}

/** Totals of the window for the KPI cards, in fen where money. */
export function dashboardTotals(d: HardshipApi.Dashboard): { opened: number; closed: number; approved: number; approvedFen: number; paidFen: number } {
  const out = { opened: 0, closed: 0, approved: 0, approvedFen: 0, paidFen: 0 }
  for (const m of d.series) {
    out.opened += m.opened
    out.closed += m.closed
  }
  for (const k of d.aid) {
    out.approved += k.approved
    out.approvedFen += k.approved_fen
    out.paidFen += k.paid_fen
  }
  return out
}

/** This year's budgets with what remains and the share committed (null for a zero budget). */
export function budgetRows(d: HardshipApi.Dashboard): (HardshipApi.Dashboard['budgets'][number] & { remaining_fen: number; used: number | null })[] {
  return d.budgets.map((b) => ({ ...b, remaining_fen: b.amount_fen - b.committed_fen, used: b.amount_fen > 0 ? b.committed_fen / b.amount_fen : null }))
}

function grid(narrow: boolean): GridComponentOption {
  return { top: 36, bottom: 8, left: 8, right: narrow ? 8 : 24, containLabel: true }
}

/** Files opened and closed per month, side by side. */
export function filesOption(d: HardshipApi.Dashboard, t: Translate, locale: string, narrow = false): CaseChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('hardship.dashboard.opened'), t('hardship.dashboard.closed')] },
    grid: grid(narrow),
    xAxis: { type: 'category', data: d.series.map((m) => monthLabel(m.month, locale)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('hardship.dashboard.opened'), barMaxWidth: 18, itemStyle: { color: RED }, data: d.series.map((m) => m.opened) },
      { type: 'bar', name: t('hardship.dashboard.closed'), barMaxWidth: 18, itemStyle: { color: GREY }, data: d.series.map((m) => m.closed) },
    ],
  }
}

/** Aid approved per month in yuan, stacked by kind (only the kinds with any aid in the window). */
export function aidOption(d: HardshipApi.Dashboard, t: Translate, locale: string, narrow = false): CaseChartOption {
  const kinds = d.aid.filter((k) => k.approved_fen !== 0).map((k) => k.kind)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `¥${v.toLocaleString(locale)}` : '—') },
    legend: { top: 0, type: 'scroll', data: kinds.map((k) => t(`aidGrants.kinds.${k}`)) },
    grid: grid(narrow),
    xAxis: { type: 'category', data: d.series.map((m) => monthLabel(m.month, locale)) },
    yAxis: { type: 'value' },
    series: kinds.map((kind, i) => ({
      type: 'bar' as const,
      stack: 'aid',
      name: t(`aidGrants.kinds.${kind}`),
      barMaxWidth: 28,
      itemStyle: { color: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] },
      data: d.series.map((m) => Math.round((m.aid.find((a) => a.kind === kind)?.approved_fen ?? 0) / 100)),
    })),
  }
}

/** Households by main cause, most first, as horizontal bars. */
export function causesOption(d: HardshipApi.Dashboard, t: Translate, narrow = false): CaseChartOption {
  const { causes } = householdsBy(d)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...grid(narrow), top: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: causes.map(([c]) => t(`hardship.causes.${c}`)) },
    series: [{ type: 'bar', name: t('hardship.dashboard.households'), barMaxWidth: 16, itemStyle: { color: RED }, data: causes.map(([, n]) => n) }],
  }
}
