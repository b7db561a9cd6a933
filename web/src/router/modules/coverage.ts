import type { RouteRecordRaw } from 'vue-router'
import { COVERAGE_VIEWERS } from '../roles'

/** The coverage dashboard (the caller's own org, or any org in scope) and the founding list. */
export const coverageRoutes: RouteRecordRaw[] = [
  {
    path: 'coverage',
    name: 'coverage',
    component: () => import('@/views/coverage/CoverageView.vue'),
    meta: { titleKey: 'titles.coverage', roles: COVERAGE_VIEWERS },
  },
  {
    path: 'coverage/:id',
    name: 'coverage-org',
    component: () => import('@/views/coverage/CoverageView.vue'),
    meta: { titleKey: 'titles.coverage', roles: COVERAGE_VIEWERS },
  },
  {
    // ?org=ID&street=REGION&industry=SECTION, so a filtered list can be linked to.
    path: 'founding',
    name: 'founding',
    component: () => import('@/views/coverage/FoundingView.vue'),
    meta: { titleKey: 'titles.founding', roles: COVERAGE_VIEWERS },
  },
]
