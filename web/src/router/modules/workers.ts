import type { RouteRecordRaw } from 'vue-router'
import { MEMBER_EDITORS, MEMBER_VIEWERS } from '../roles'

/** Workers' accounts in the console: bindings and corrections to decide, and the member card's check-in check. */
export const workerRoutes: RouteRecordRaw[] = [
  {
    path: 'worker-bindings',
    name: 'worker-bindings',
    component: () => import('@/views/workers/WorkerBindingsView.vue'),
    meta: { titleKey: 'titles.workerBindings', roles: MEMBER_EDITORS },
  },
  {
    path: 'member-corrections',
    name: 'member-corrections',
    component: () => import('@/views/workers/MemberCorrectionsView.vue'),
    meta: { titleKey: 'titles.memberCorrections', roles: MEMBER_EDITORS },
  },
  {
    path: 'card-check',
    name: 'card-check',
    component: () => import('@/views/workers/CardCheckView.vue'),
    meta: { titleKey: 'titles.cardCheck', roles: MEMBER_VIEWERS },
  },
]
