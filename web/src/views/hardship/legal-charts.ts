// The legal section of the hardship dashboard (issue 20 "Views and figures"): cases by type and
// by stage (each a link to the case list filtered so), cases opened and closed by month. Pure
// functions of the API answer and the translator, tested without a canvas.
import type { HardshipApi } from '@/api/hardship'
import { CASE_TYPES, STAGES } from '../legal/legal-text'
import { monthLabel, type CaseChartOption } from './case-charts'

type Translate = (key: string, params?: Record<string, unknown>) => string

const BLUE = '#1f5fa8'
const GREY = '#909399'

/** Cases per type and per stage, in the lists' order, non-zero only. */
export function legalBy(f: HardshipApi.LegalFigures): { types: [string, number][]; stages: [string, number][] } {
  const types = new Map<string, number>()
  const stages = new Map<string, number>()
  for (const row of f.by_type_stage) {
    types.set(row.type, (types.get(row.type) ?? 0) + row.cases)
    stages.set(row.stage, (stages.get(row.stage) ?? 0) + row.cases)
  }
  const ordered = (order: readonly string[], m: Map<string, number>): [string, number][] =>
    order.filter((k) => (m.get(k) ?? 0) !== 0).map((k) => [k, m.get(k) ?? 0])
  return { types: ordered(CASE_TYPES, types), stages: ordered(STAGES, stages) }
}

/** Cases opened and closed in the window. */
export function legalTotals(f: HardshipApi.LegalFigures): { opened: number; closed: number } {
  return f.series.reduce((out, m) => ({ opened: out.opened + m.opened, closed: out.closed + m.closed }), { opened: 0, closed: 0 })
}

/** Cases opened and closed per month, side by side. */
export function legalOption(f: HardshipApi.LegalFigures, t: Translate, locale: string, narrow = false): CaseChartOption {
  const opened = t('hardship.dashboard.legal.opened')
  const closed = t('hardship.dashboard.legal.closed')
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [opened, closed] },
    grid: { top: 36, bottom: 8, left: 8, right: narrow ? 8 : 24, containLabel: true },
    xAxis: { type: 'category', data: f.series.map((m) => monthLabel(m.month, locale)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: opened, barMaxWidth: 18, itemStyle: { color: BLUE }, data: f.series.map((m) => m.opened) },
      { type: 'bar', name: closed, barMaxWidth: 18, itemStyle: { color: GREY }, data: f.series.map((m) => m.closed) },
    ],
  }
}
