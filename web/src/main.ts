// Starts the front end: i18n, Pinia, the router, and the API client wired to the session.
import 'element-plus/dist/index.css'
import './styles/main.css'
import './styles/list-page.css'
import './styles/dashboard-page.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { showApiError } from '@/api/error-sink'
import { configureApiClient } from '@/api/request'
import { currentLocale, i18n, setLocale } from '@/locales'
import { createAppRouter } from '@/router'
import { useConnectivityStore } from '@/stores/connectivity'
import { useSessionStore } from '@/stores/session'
import { useWorkerSessionStore } from '@/stores/worker-session'
import App from './App.vue'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
const router = createAppRouter()

const session = useSessionStore(pinia)
const workerSession = useWorkerSessionStore(pinia)
const connectivity = useConnectivityStore(pinia)
configureApiClient({
  locale: currentLocale,
  csrfToken: () => session.csrfToken,
  portalCsrfToken: () => workerSession.csrfToken,
  onError: showApiError,
  onReached: (answered) => connectivity.reached(answered),
  onUnauthorized: (error) => {
    // The server dropped the session (expired, or signed out elsewhere).
    session.clear()
    showApiError(error)
    const here = router.currentRoute.value
    void router.replace({ name: 'login', query: { redirect: here.fullPath } })
  },
  onPortalUnauthorized: () => {
    // The worker's portal session ended (idle, or signed out on another phone).
    workerSession.clear()
    const here = router.currentRoute.value
    void router.replace({ name: 'portal-sign-in', query: { redirect: here.fullPath } })
  },
})

setLocale(currentLocale()) // sets <html lang> from the stored choice
app.use(router)
void router.isReady().then(() => app.mount('#app'))
