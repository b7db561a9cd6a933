import type { RouteRecordRaw } from 'vue-router'

/** The staff console's own pages; each module adds its file here and its children below. */
export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/home/HomeView.vue'),
    meta: { titleKey: 'titles.home' },
  },
]
