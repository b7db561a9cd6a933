import type { RouteRecordRaw } from 'vue-router'
import { REQUEST_HANDLERS, REQUEST_INTAKE, REQUEST_VIEWERS } from '../roles'

/** Service requests in the console: queues, one request, intake, the service dashboard, category
 * settings (admins). */
export const requestRoutes: RouteRecordRaw[] = [
  {
    path: 'requests',
    name: 'requests',
    component: () => import('@/views/requests/RequestQueueView.vue'),
    meta: { titleKey: 'titles.requests', roles: REQUEST_VIEWERS },
  },
  {
    path: 'requests/new',
    name: 'request-intake',
    component: () => import('@/views/requests/RequestIntakeView.vue'),
    meta: { titleKey: 'titles.requestIntake', roles: REQUEST_INTAKE },
  },
  {
    // ?org=ID&weeks=N, so a dashboard can be linked to.
    path: 'requests/dashboard',
    name: 'request-dashboard',
    component: () => import('@/views/requests/ServiceDashboardView.vue'),
    meta: { titleKey: 'titles.serviceDashboard', roles: REQUEST_HANDLERS },
  },
  {
    path: 'requests/:id',
    name: 'request',
    component: () => import('@/views/requests/RequestDetailView.vue'),
    meta: { titleKey: 'titles.request', roles: REQUEST_VIEWERS },
  },
  {
    path: 'request-categories',
    name: 'request-categories',
    component: () => import('@/views/requests/CategorySettingsView.vue'),
    meta: { titleKey: 'titles.requestCategories', roles: ['admin'] },
  },
]
