import type { RouteRecordRaw } from 'vue-router'
import { ACTIVITY_ORGANISERS } from '../roles'

/** Training (培训, issue 22): courses with their classes, and one class with its sessions,
 *  check-ins, members' attendance and assessment. Organised by whoever organises activities. */
export const trainingRoutes: RouteRecordRaw[] = [
  {
    path: 'training',
    name: 'training',
    component: () => import('@/views/training/TrainingView.vue'),
    meta: { titleKey: 'training.titles.list', roles: ACTIVITY_ORGANISERS },
  },
  {
    path: 'training/classes/:id',
    name: 'training-class',
    component: () => import('@/views/training/TrainingClassView.vue'),
    meta: { titleKey: 'training.titles.class', roles: ACTIVITY_ORGANISERS },
  },
]
