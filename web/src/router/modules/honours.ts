import type { RouteRecordRaw } from 'vue-router'
import { COMPETITION_ORGANISERS } from '../roles'

/** Honour rounds and nominations (荣誉评选, issue 21 slice 5): the rounds and one round with the
 *  caller's org's list (?org= for another org of the caller's subtree). Organisers of
 *  competitions run and nominate in them. */
export const honourRoutes: RouteRecordRaw[] = [
  {
    path: 'honours',
    name: 'honour-rounds',
    component: () => import('@/views/honours/HonourRoundListView.vue'),
    meta: { titleKey: 'honours.titles.rounds', roles: COMPETITION_ORGANISERS },
  },
  {
    path: 'honours/:id',
    name: 'honour-round',
    component: () => import('@/views/honours/HonourRoundDetailView.vue'),
    meta: { titleKey: 'honours.titles.round', roles: COMPETITION_ORGANISERS },
  },
]
