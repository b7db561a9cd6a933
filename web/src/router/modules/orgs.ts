import type { RouteRecordRaw } from 'vue-router'
import { COVERAGE_VIEWERS } from '../roles'

/** The union tree, one org (deep-linkable), and the enterprises of the caller's subtree. */
export const orgRoutes: RouteRecordRaw[] = [
  {
    path: 'orgs',
    name: 'orgs',
    component: () => import('@/views/orgs/OrgTreeView.vue'),
    meta: { titleKey: 'titles.orgs', roles: COVERAGE_VIEWERS },
  },
  {
    path: 'orgs/:id',
    name: 'org',
    component: () => import('@/views/orgs/OrgDetailView.vue'),
    meta: { titleKey: 'titles.org', roles: COVERAGE_VIEWERS },
  },
  {
    path: 'enterprises',
    name: 'enterprises',
    component: () => import('@/views/enterprises/EnterprisesView.vue'),
    meta: { titleKey: 'titles.enterprises', roles: COVERAGE_VIEWERS },
  },
  {
    // Deep link to one enterprise: opens its dialog, or says it cannot be found.
    path: 'enterprises/:id',
    name: 'enterprise',
    component: () => import('@/views/enterprises/EnterprisesView.vue'),
    meta: { titleKey: 'titles.enterprises', roles: COVERAGE_VIEWERS },
  },
]
