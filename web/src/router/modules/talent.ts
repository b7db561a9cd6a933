import type { RouteRecordRaw } from 'vue-router'
import { TALENT_KEEPERS } from '../roles'

/** The talent pool (人才库) and innovation studios (创新工作室), issue 22. */
export const talentRoutes: RouteRecordRaw[] = [
  {
    path: 'talent',
    name: 'talent',
    component: () => import('@/views/talent/TalentView.vue'),
    meta: { titleKey: 'talent.menu', roles: TALENT_KEEPERS },
  },
  {
    path: 'studios',
    name: 'studios',
    component: () => import('@/views/talent/StudiosView.vue'),
    meta: { titleKey: 'talent.studiosMenu', roles: TALENT_KEEPERS },
  },
]
