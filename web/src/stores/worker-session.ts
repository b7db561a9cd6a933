// The worker signed in to the portal (a session of its own, apart from the staff console's),
// and the CSRF token that unsafe portal calls carry. The server is the source of truth:
// `ensureLoaded` asks it once per page load (GET /api/v1/portal/session).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getWorkerSessionApi, signInApi, signOutApi, signOutEverywhereApi, type PortalAccountApi } from '@/api/portal-account'
import { ApiError } from '@/api/request'

export const useWorkerSessionStore = defineStore('worker-session', () => {
  const worker = ref<PortalAccountApi.Worker | null>(null)
  const csrfToken = ref<string | undefined>(undefined)
  const loaded = ref(false)
  let loading: Promise<void> | null = null

  const isSignedIn = computed(() => worker.value !== null)

  function apply(session: PortalAccountApi.Session): void {
    worker.value = session.worker
    csrfToken.value = session.csrf_token
    loaded.value = true
  }

  function clear(): void {
    worker.value = null
    csrfToken.value = undefined
    loaded.value = true
  }

  /** Loads the session once; a 401 means "not signed in", other failures propagate. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    loading ??= getWorkerSessionApi()
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

  async function signIn(phone: string, code: string): Promise<PortalAccountApi.SignedIn> {
    const signedIn = await signInApi(phone, code)
    apply(signedIn)
    return signedIn
  }

  /** Remembers that the account is bound now (the session's worker names the member). */
  function markBound(memberId: string): void {
    if (worker.value) worker.value = { ...worker.value, member_id: memberId }
  }

  /** Signs out here (or everywhere); the local session is dropped even if the server call fails. */
  async function signOut(everywhere = false): Promise<void> {
    try {
      await (everywhere ? signOutEverywhereApi() : signOutApi())
    } finally {
      clear()
    }
  }

  return { worker, csrfToken, loaded, isSignedIn, ensureLoaded, signIn, markBound, signOut, clear }
})
