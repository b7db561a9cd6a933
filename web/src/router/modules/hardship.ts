import type { RouteRecordRaw } from 'vue-router'
import { HARDSHIP_VIEWERS } from '../roles'

/** Hardship files (困难职工档案): the list, opening one, the dashboard, one file (deep-linkable), the 低保 standards. */
export const hardshipRoutes: RouteRecordRaw[] = [
  {
    // ?level=deep|relative|…&status=open|closed
    path: 'hardship',
    name: 'hardship-files',
    component: () => import('@/views/hardship/HardshipListView.vue'),
    meta: { titleKey: 'hardship.titles.files', roles: HARDSHIP_VIEWERS },
  },
  {
    // ?member=<id> prefills the member (from a member's or a request's page)
    path: 'hardship/new',
    name: 'hardship-open',
    component: () => import('@/views/hardship/HardshipOpenView.vue'),
    meta: { titleKey: 'hardship.titles.open', roles: HARDSHIP_VIEWERS },
  },
  {
    // ?org=<id>&months=6|12|24
    path: 'hardship/dashboard',
    name: 'hardship-dashboard',
    component: () => import('@/views/hardship/HardshipDashboardView.vue'),
    meta: { titleKey: 'hardship.titles.dashboard', roles: HARDSHIP_VIEWERS },
  },
  {
    path: 'hardship/:id',
    name: 'hardship-file',
    component: () => import('@/views/hardship/HardshipDetailView.vue'),
    meta: { titleKey: 'hardship.titles.file', roles: HARDSHIP_VIEWERS },
  },
  {
    path: 'standards',
    name: 'standards',
    component: () => import('@/views/hardship/StandardsView.vue'),
    meta: { titleKey: 'hardship.titles.standards', roles: HARDSHIP_VIEWERS },
  },
]
