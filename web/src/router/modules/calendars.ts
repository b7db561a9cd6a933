import type { RouteRecordRaw } from 'vue-router'

/** Working-day calendars: administrators load years, staff read them. */
export const calendarRoutes: RouteRecordRaw[] = [
  {
    path: 'calendars',
    name: 'calendars',
    component: () => import('@/views/calendars/CalendarsView.vue'),
    meta: { titleKey: 'titles.calendars', roles: ['admin', 'staff'] },
  },
]
