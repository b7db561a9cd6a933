import type { RouteRecordRaw } from 'vue-router'
import { ACTIVITY_ORGANISERS } from '../roles'

/** Activities (文体活动, issue 22): the list, creating one, one activity with its registrations,
 *  its check-in scanner and the reach of a subtree. */
export const activityRoutes: RouteRecordRaw[] = [
  {
    // ?status=draft|open|closed|done|cancelled
    path: 'activities',
    name: 'activities',
    component: () => import('@/views/activities/ActivityListView.vue'),
    meta: { titleKey: 'activities.titles.list', roles: ACTIVITY_ORGANISERS },
  },
  {
    path: 'activities/new',
    name: 'activity-new',
    component: () => import('@/views/activities/ActivityCreateView.vue'),
    meta: { titleKey: 'activities.titles.create', roles: ACTIVITY_ORGANISERS },
  },
  {
    // ?org_id= (default: the caller's org)
    path: 'activities/reach',
    name: 'activity-reach',
    component: () => import('@/views/activities/ActivityReachView.vue'),
    meta: { titleKey: 'activities.titles.reach', roles: ACTIVITY_ORGANISERS },
  },
  {
    path: 'activities/:id',
    name: 'activity',
    component: () => import('@/views/activities/ActivityDetailView.vue'),
    meta: { titleKey: 'activities.titles.detail', roles: ACTIVITY_ORGANISERS },
  },
  {
    // The scanner on a cadre's phone: camera or pasted payload, offline queue (IndexedDB).
    path: 'activities/:id/scan',
    name: 'activity-scan',
    component: () => import('@/views/activities/ActivityScanView.vue'),
    meta: { titleKey: 'activities.titles.scan', roles: ACTIVITY_ORGANISERS },
  },
]
