import type { RouteRecordRaw } from 'vue-router'

/** The audit log (administrators and federation staff; the server checks it as well). */
export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'audit',
    name: 'audit',
    component: () => import('@/views/audit/AuditView.vue'),
    meta: { titleKey: 'titles.audit', roles: ['admin', 'staff'] },
  },
]
