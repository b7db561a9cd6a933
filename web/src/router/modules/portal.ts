import type { RouteRecordRaw } from 'vue-router'

/** The mobile worker portal; its home needs no sign-in. */
export const portalRoutes: RouteRecordRaw[] = [
  {
    path: '/portal',
    component: () => import('@/layouts/PortalLayout.vue'),
    children: [
      {
        path: '',
        name: 'portal-home',
        component: () => import('@/views/portal/PortalHomeView.vue'),
        meta: { titleKey: 'titles.portal' },
      },
      {
        path: 'requests',
        name: 'portal-requests',
        component: () => import('@/views/portal/PortalSubmitView.vue'),
        meta: { titleKey: 'titles.portalRequests' },
      },
      {
        path: 'requests/track',
        name: 'portal-track',
        component: () => import('@/views/portal/PortalTrackView.vue'),
        meta: { titleKey: 'titles.portalTrack' },
      },
      {
        path: 'me',
        name: 'portal-me',
        component: () => import('@/views/portal/PortalComingSoonView.vue'),
        meta: { titleKey: 'titles.portalMe' },
      },
    ],
  },
]
