import type { RouteRecordRaw } from 'vue-router'

/** Account management (admins and federation staff) and one's own password. */
export const accountRoutes: RouteRecordRaw[] = [
  {
    path: 'users',
    name: 'users',
    component: () => import('@/views/accounts/UsersView.vue'),
    meta: { titleKey: 'titles.users', roles: ['admin', 'staff'] },
  },
  {
    // Deep link to one account: opens its edit dialog, or says it cannot be found.
    path: 'users/:id',
    name: 'user',
    component: () => import('@/views/accounts/UsersView.vue'),
    meta: { titleKey: 'titles.users', roles: ['admin', 'staff'] },
  },
  {
    path: 'password',
    name: 'password',
    component: () => import('@/views/accounts/PasswordView.vue'),
    meta: { titleKey: 'titles.password' },
  },
]
