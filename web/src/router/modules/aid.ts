import type { RouteRecordRaw } from 'vue-router'
import { MEMBER_EDITORS } from '../roles'

/** Aid grants (帮扶, issue 20): the queue to decide and the grants of the subtree. */
export const aidRoutes: RouteRecordRaw[] = [
  {
    path: 'aid-grants',
    name: 'aid-grants',
    component: () => import('@/views/aid/AidGrantsView.vue'),
    meta: { titleKey: 'titles.aidGrants', roles: MEMBER_EDITORS },
  },
]
