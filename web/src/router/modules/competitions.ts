import type { RouteRecordRaw } from 'vue-router'
import { COMPETITION_JUDGES, COMPETITION_ORGANISERS, MUTUAL_AID_RUNNERS } from '../roles'

/** Labour and skills competitions (劳动竞赛, issue 21): the list, creating one, one competition,
 *  its ranking, and a judge's cards. */
export const competitionRoutes: RouteRecordRaw[] = [
  {
    // ?status=enrolment|listed|published&kind=labour|skills|knowledge
    path: 'competitions',
    name: 'competitions',
    component: () => import('@/views/competitions/CompetitionListView.vue'),
    meta: { titleKey: 'competitions.titles.list', roles: COMPETITION_ORGANISERS },
  },
  {
    path: 'competitions/new',
    name: 'competition-new',
    component: () => import('@/views/competitions/CompetitionCreateView.vue'),
    meta: { titleKey: 'competitions.titles.create', roles: COMPETITION_ORGANISERS },
  },
  {
    path: 'competitions/:id',
    name: 'competition',
    component: () => import('@/views/competitions/CompetitionDetailView.vue'),
    meta: { titleKey: 'competitions.titles.detail', roles: COMPETITION_ORGANISERS },
  },
  {
    path: 'competitions/:id/ranking',
    name: 'competition-ranking',
    component: () => import('@/views/competitions/CompetitionRankingView.vue'),
    meta: { titleKey: 'competitions.titles.ranking', roles: COMPETITION_ORGANISERS },
  },
  {
    path: 'judging',
    name: 'judging',
    component: () => import('@/views/competitions/JudgingView.vue'),
    meta: { titleKey: 'competitions.titles.judging', roles: COMPETITION_JUDGES },
  },
  {
    // 互助保障 (issue 22): plans, periods, enrolment, the unions' lists and the claims queue.
    path: 'mutual-aid',
    name: 'mutual-aid',
    component: () => import('@/views/mutual-aid/MutualAidView.vue'),
    meta: { titleKey: 'mutualAid.menu', roles: MUTUAL_AID_RUNNERS },
  },
]
