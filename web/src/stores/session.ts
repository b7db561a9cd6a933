// Who is signed in, and the CSRF token that unsafe API calls must carry. The server is the
// source of truth: `ensureLoaded` asks it once per page load (GET /api/v1/session).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ApiError } from '@/api/request'
import { getSessionApi, loginApi, logoutApi, type SessionApi } from '@/api/session'

export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionApi.User | null>(null)
  const csrfToken = ref<string | undefined>(undefined)
  const loaded = ref(false)
  let loading: Promise<void> | null = null

  const isLoggedIn = computed(() => user.value !== null)

  function apply(session: SessionApi.Session): void {
    user.value = session.user
    csrfToken.value = session.csrf_token
    loaded.value = true
  }

  function clear(): void {
    user.value = null
    csrfToken.value = undefined
    loaded.value = true
  }

  /** Loads the session once; a 401 means "not signed in", other failures propagate. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    loading ??= getSessionApi()
      .then(apply)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) clear()
        else throw error
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  async function login(credentials: SessionApi.Credentials): Promise<void> {
    apply(await loginApi(credentials))
  }

  /** Signs out on the server; the local session is dropped even if the server call fails. */
  async function logout(): Promise<void> {
    try {
      await logoutApi()
    } finally {
      clear()
    }
  }

  return { user, csrfToken, loaded, isLoggedIn, ensureLoaded, login, logout, clear }
})
