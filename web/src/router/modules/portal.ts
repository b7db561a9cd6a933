import type { RouteRecordRaw } from 'vue-router'

/** The mobile worker portal: home, requests and tracking need no sign-in; My account does (by
 *  phone and code, the portal's own session). */
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
        path: 'sign-in',
        name: 'portal-sign-in',
        component: () => import('@/views/portal/account/PortalSignInView.vue'),
        meta: { titleKey: 'titles.portalSignIn', workerGuestOnly: true },
      },
      {
        path: 'me',
        name: 'portal-me',
        component: () => import('@/views/portal/account/PortalMeView.vue'),
        meta: { titleKey: 'titles.portalMe', requiresWorker: true },
      },
      {
        path: 'me/privacy',
        name: 'portal-notice',
        component: () => import('@/views/portal/account/PortalNoticeView.vue'),
        meta: { titleKey: 'titles.portalNotice', requiresWorker: true },
      },
      {
        path: 'me/binding',
        name: 'portal-binding',
        component: () => import('@/views/portal/account/PortalBindingView.vue'),
        meta: { titleKey: 'titles.portalBinding', requiresWorker: true },
      },
      {
        path: 'me/card',
        name: 'portal-card',
        component: () => import('@/views/portal/account/PortalCardView.vue'),
        meta: { titleKey: 'titles.portalCard', requiresWorker: true },
      },
      {
        path: 'me/requests',
        name: 'portal-my-requests',
        component: () => import('@/views/portal/account/PortalMyRequestsView.vue'),
        meta: { titleKey: 'titles.portalMyRequests', requiresWorker: true },
      },
      {
        path: 'me/data',
        name: 'portal-my-data',
        component: () => import('@/views/portal/account/PortalMyDataView.vue'),
        meta: { titleKey: 'titles.portalMyData', requiresWorker: true },
      },
      {
        path: 'me/membership',
        name: 'portal-membership',
        component: () => import('@/views/portal/account/PortalMembershipView.vue'),
        meta: { titleKey: 'titles.portalMembership', requiresWorker: true },
      },
      {
        path: 'me/hardship',
        name: 'portal-hardship',
        component: () => import('@/views/portal/account/PortalMyHardshipView.vue'),
        meta: { titleKey: 'titles.portalHardship', requiresWorker: true },
      },
      {
        path: 'me/hardship/apply',
        name: 'portal-hardship-apply',
        component: () => import('@/views/portal/account/PortalHardshipApplyView.vue'),
        meta: { titleKey: 'titles.portalHardshipApply', requiresWorker: true },
      },
      {
        path: 'me/competitions',
        name: 'portal-competitions',
        component: () => import('@/views/portal/account/PortalMyCompetitionsView.vue'),
        meta: { titleKey: 'titles.portalCompetitions', requiresWorker: true },
      },
      {
        path: 'me/activities',
        name: 'portal-activities',
        component: () => import('@/views/portal/account/PortalMyActivitiesView.vue'),
        meta: { titleKey: 'titles.portalActivities', requiresWorker: true },
      },
      {
        path: 'me/training',
        name: 'portal-training',
        component: () => import('@/views/portal/account/PortalMyTrainingView.vue'),
        meta: { titleKey: 'training.titles.portal', requiresWorker: true },
      },
      {
        path: 'me/mutual-aid',
        name: 'portal-mutual-aid',
        component: () => import('@/views/portal/account/PortalMyMutualAidView.vue'),
        meta: { titleKey: 'titles.portalMutualAid', requiresWorker: true },
      },
      {
        path: 'me/skills',
        name: 'portal-skills',
        component: () => import('@/views/portal/account/PortalMySkillsView.vue'),
        meta: { titleKey: 'portalTalent.title', requiresWorker: true },
      },
      {
        path: 'me/notifications',
        name: 'portal-inbox',
        component: () => import('@/views/portal/account/PortalInboxView.vue'),
        meta: { titleKey: 'titles.portalInbox', requiresWorker: true },
      },
      {
        path: 'me/requests/:id',
        name: 'portal-my-request',
        component: () => import('@/views/portal/account/PortalMyRequestView.vue'),
        meta: { titleKey: 'titles.portalMyRequests', requiresWorker: true },
      },
    ],
  },
  // The public certificate check (issue 21): the address printed on certificates and in their
  // QR codes, so short and outside /portal; no sign-in.
  {
    path: '/verify',
    component: () => import('@/layouts/PortalLayout.vue'),
    children: [
      {
        path: '',
        name: 'verify-certificate',
        component: () => import('@/views/portal/PortalVerifyView.vue'),
        meta: { titleKey: 'titles.verifyCertificate' },
      },
    ],
  },
]
