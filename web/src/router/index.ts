// The router: history mode under '/', one route file per module in ./modules, lazy views,
// and one guard that sends visitors who are not signed in to /login and signed-in workers to
// their portal.
import { createRouter, createWebHistory, type RouteLocationNormalized, type Router, type RouterHistory } from 'vue-router'
import { i18n } from '@/locales'
import { useSessionStore } from '@/stores/session'
import { useWorkerSessionStore } from '@/stores/worker-session'
import { needsNotice } from '@/views/portal/account/privacy-notice'
import './meta'
import { accountRoutes } from './modules/accounts'
import { aidRoutes } from './modules/aid'
import { auditRoutes } from './modules/audit'
import { authRoutes } from './modules/auth'
import { coverageRoutes } from './modules/coverage'
import { errorRoutes } from './modules/errors'
import { hardshipRoutes } from './modules/hardship'
import { legalRoutes } from './modules/legal'
import { competitionRoutes } from './modules/competitions'
import { activityRoutes } from './modules/activities'
import { honourRoutes } from './modules/honours'
import { talentRoutes } from './modules/talent'
import { homeRoutes } from './modules/home'
import { memberRoutes } from './modules/members'
import { orgRoutes } from './modules/orgs'
import { portalRoutes } from './modules/portal'
import { calendarRoutes } from './modules/calendars'
import { requestRoutes } from './modules/requests'
import { workerRoutes } from './modules/workers'
import { trainingRoutes } from './modules/training'

export const routes = [
  ...authRoutes,
  {
    path: '/',
    component: () => import('@/layouts/ConsoleLayout.vue'),
    meta: { requiresAuth: true },
    children: [...homeRoutes, ...accountRoutes, ...auditRoutes, ...orgRoutes, ...coverageRoutes, ...memberRoutes, ...requestRoutes, ...calendarRoutes, ...workerRoutes, ...hardshipRoutes, ...aidRoutes, ...legalRoutes, ...competitionRoutes, ...activityRoutes, ...honourRoutes, ...trainingRoutes, ...talentRoutes],
  },
  ...portalRoutes,
  ...errorRoutes,
]

/** Only same-site paths are followed after login, never another origin. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

export function pageTitle(route: RouteLocationNormalized): string {
  const { t } = i18n.global
  const name = t('app.name')
  return route.meta.titleKey ? `${t(route.meta.titleKey)} · ${name}` : name
}

export function createAppRouter(history: RouterHistory = createWebHistory('/')): Router {
  const router = createRouter({ history, routes })

  router.beforeEach(async (to) => {
    // The portal's pages ask only the portal's session (a worker is no staff member).
    if (to.meta.requiresWorker || to.meta.workerGuestOnly) {
      const worker = useWorkerSessionStore()
      await worker.ensureLoaded().catch(() => undefined)
      if (to.meta.requiresWorker && !worker.isSignedIn) {
        return { name: 'portal-sign-in', query: { redirect: to.fullPath } }
      }
      // The privacy notice comes first: never accepted, or a newer version than the one accepted.
      if (to.meta.requiresWorker && to.name !== 'portal-notice' && needsNotice(await worker.ensureNotice())) {
        return { name: 'portal-notice', query: { redirect: to.fullPath } }
      }
      if (to.meta.workerGuestOnly && worker.isSignedIn) {
        const next = safeRedirect(to.query.redirect)
        return next.startsWith('/portal/') ? next : { name: 'portal-me' }
      }
      return true
    }
    const session = useSessionStore()
    const needsSession = to.matched.some((r) => r.meta.requiresAuth) || to.meta.guestOnly
    // A server that cannot tell us counts as "not signed in"; the login page will ask again.
    if (needsSession) await session.ensureLoaded().catch(() => undefined)
    if (to.matched.some((r) => r.meta.requiresAuth) && !session.isLoggedIn) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    }
    // A worker's home is the portal (My account), not the staff console, which holds nothing
    // for a worker: every console page sends a signed-in worker there.
    const worker = session.user?.role === 'worker'
    if (worker && to.matched.some((r) => r.meta.requiresAuth)) return { name: 'portal-me' }
    if (to.meta.guestOnly && session.isLoggedIn) return worker ? { name: 'portal-me' } : safeRedirect(to.query.redirect)
    if (to.meta.roles && !to.meta.roles.includes(session.user?.role ?? '')) return { name: 'home' }
    return true
  })

  router.afterEach((to) => {
    document.title = pageTitle(to)
  })

  return router
}
