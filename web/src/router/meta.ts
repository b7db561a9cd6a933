// What a route may declare about itself (read by the guard and the title updater).
import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** Only signed-in staff may open it; others go to /login?redirect=… */
    requiresAuth?: boolean
    /** Signed-in staff are sent on to the console instead (the login page). */
    guestOnly?: boolean
    /** i18n key of the page title, shown in the tab as "<title> · 职工之家". */
    titleKey?: string
    /** Roles that see this page; others are sent home (the server enforces it regardless). */
    roles?: string[]
    /** Only a worker signed in to the portal may open it; others go to /portal/sign-in?redirect=… */
    requiresWorker?: boolean
    /** A signed-in worker is sent on to My account instead (the portal's sign-in page). */
    workerGuestOnly?: boolean
  }
}

export {}
