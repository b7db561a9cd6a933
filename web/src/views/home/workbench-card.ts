// What the home page needs to draw any workbench card, whatever module registered it: its
// label keys, its value as text and where a click leads. No card is known by name here.
import type { RouteLocationRaw } from 'vue-router'
import type { WorkbenchApi } from '@/api/workbench'
import { formatNumber, formatPercent } from '@/utils/format'

/** The i18n key of a card's title ("workbench.cards.<id>.title"); hint likewise. */
export function cardKey(id: string, part: 'title' | 'hint'): string {
  return `workbench.cards.${id}.${part}`
}

/** The figure a card shows: a rate as a percentage, else its count; null for "—". */
export function cardValue(card: WorkbenchApi.Card, locale: string): string | null {
  if (card.rate !== undefined) return card.rate === null ? null : formatPercent(card.rate, locale)
  return card.count === null ? null : formatNumber(card.count, locale)
}

/** The router location of a card's (or item's) link. */
export function linkTo(link: WorkbenchApi.Link): RouteLocationRaw {
  return { path: link.route, query: { ...link.query } }
}

/** The cards split into the page's three parts, each in the server's order. */
export function groupCards(cards: WorkbenchApi.Card[]): Record<WorkbenchApi.Kind, WorkbenchApi.Card[]> {
  return {
    todo: cards.filter((c) => c.kind === 'todo'),
    list: cards.filter((c) => c.kind === 'list'),
    kpi: cards.filter((c) => c.kind === 'kpi'),
  }
}
