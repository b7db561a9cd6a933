// Chart options of the coverage dashboard, built from a coverage answer: child orgs' unionised
// and membership rates, enterprises by industry section, and child orgs ranked by founding gap.
// Pure functions of the data and the translator, so they are tested without a canvas.
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { CoverageApi } from '@/api/coverage'
import { formatNumber, formatPercent } from '@/utils/format'

export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Layout of the horizontal bar charts: one row per category, so a row's place is known. */
export const CHART_ROW = 36
export const CHART_TOP = 40
export const CHART_BOTTOM = 28

export function chartHeight(rows: number): number {
  return CHART_TOP + CHART_BOTTOM + Math.max(rows, 3) * CHART_ROW
}

const RED = '#c8161d'
const AMBER = '#e6a23c'
const GREY = '#c0c4cc'

function rateValue(rate: CoverageApi.Rate): number {
  return rate ?? 0
}

function percentTooltip(value: unknown): string {
  return typeof value === 'number' ? formatPercent(value) : '—'
}

function grid(narrow: boolean, top = CHART_TOP): GridComponentOption {
  return { top, bottom: CHART_BOTTOM, left: 8, right: narrow ? 16 : 32, containLabel: true }
}

/** A union's name as a chart row label; on a phone without the "…工会" suffix every row shares. */
export function chartLabel(name: string, narrow: boolean): string {
  return narrow ? name.replace(/(总工会|工会委员会|联合工会|工会)$/, '') || name : name
}

/** The row labels of the children chart. */
export function childLabels(children: CoverageApi.Child[], narrow: boolean): string[] {
  return children.map((c) => chartLabel(c.name, narrow))
}

/** The row labels of the ranking: place and name. */
export function rankingLabels(ranked: CoverageApi.Child[], narrow: boolean): string[] {
  return ranked.map((c, i) => `${i + 1}. ${chartLabel(c.name, narrow)}`)
}

function categoryLabels(narrow: boolean) {
  return { width: narrow ? 100 : 160, overflow: 'truncate' as const }
}

/** Child orgs' unionised (有形覆盖) and membership rates, one row per child in the server's order. */
export function childrenRatesOption(children: CoverageApi.Child[], t: Translate, narrow = false): BarOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percentTooltip },
    legend: { top: 4, data: [t('coverage.unionisedRate'), t('coverage.membershipRate')] },
    grid: grid(narrow),
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v).replace(/\.0(?=\D*$)/, '') } },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: childLabels(children, narrow),
      axisLabel: categoryLabels(narrow),
    },
    series: [
      {
        type: 'bar',
        name: t('coverage.unionisedRate'),
        data: children.map((c) => rateValue(c.unionised_rate)),
        itemStyle: { color: RED },
        barMaxWidth: 14,
        cursor: 'pointer',
      },
      {
        type: 'bar',
        name: t('coverage.membershipRate'),
        data: children.map((c) => rateValue(c.membership_rate)),
        itemStyle: { color: AMBER },
        barMaxWidth: 14,
        cursor: 'pointer',
      },
    ],
  }
}

/** Industry sections with enterprises, most first. */
export function sortedIndustries(industries: CoverageApi.Industry[]): CoverageApi.Industry[] {
  return industries.filter((i) => i.enterprises > 0).sort((a, b) => b.enterprises - a.enterprises || a.section.localeCompare(b.section))
}

/** Enterprises per industry section, split into unionised and not. */
export function industryOption(industries: CoverageApi.Industry[], t: Translate, narrow = false): BarOption {
  const rows = sortedIndustries(industries)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v) : '—') },
    legend: { top: 4, data: [t('coverage.unionised'), t('coverage.notUnionised')] },
    grid: grid(narrow),
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((i) => `${i.section} ${t(`industries.${i.section}`)}`),
      axisLabel: categoryLabels(narrow),
    },
    series: [
      {
        type: 'bar',
        stack: 'enterprises',
        name: t('coverage.unionised'),
        data: rows.map((i) => i.unionised_enterprises),
        itemStyle: { color: RED },
        barMaxWidth: 18,
      },
      {
        type: 'bar',
        stack: 'enterprises',
        name: t('coverage.notUnionised'),
        data: rows.map((i) => i.enterprises - i.unionised_enterprises),
        itemStyle: { color: GREY },
        barMaxWidth: 18,
      },
    ],
  }
}

/** Child orgs with a founding gap, largest gap first. */
export function rankedByGap(children: CoverageApi.Child[]): CoverageApi.Child[] {
  return children.filter((c) => c.founding_gap > 0).sort((a, b) => b.founding_gap - a.founding_gap || a.name.localeCompare(b.name))
}

/** The ranking of child orgs (streets, for a district) by founding gap, shaded like a heat map. */
export function gapRankingOption(children: CoverageApi.Child[], t: Translate, narrow = false): BarOption {
  const rows = rankedByGap(children)
  const top = rows[0]?.founding_gap ?? 1
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v) : '—') },
    grid: grid(narrow, 12),
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: rankingLabels(rows, narrow),
      axisLabel: categoryLabels(narrow),
    },
    series: [
      {
        type: 'bar',
        name: t('coverage.foundingGap'),
        barMaxWidth: 18,
        cursor: 'pointer',
        label: { show: true, position: 'right', formatter: (p) => formatNumber(Number(p.value)) },
        data: rows.map((c) => ({
          value: c.founding_gap,
          // Heat shading: the larger the gap, the deeper the red.
          itemStyle: { color: `rgba(200, 22, 29, ${(0.35 + 0.65 * (c.founding_gap / top)).toFixed(2)})` },
        })),
      },
    ],
  }
}
