// The worker signed in to the portal (a session of its own, apart from the staff console's),
// and the CSRF token that unsafe portal calls carry. The server is the source of truth:
// `ensureLoaded` asks it once per page load (GET /api/v1/portal/session).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getMeApi, getWorkerSessionApi, signInApi, signOutApi, signOutEverywhereApi, type PortalAccountApi } from '@/api/portal-account'
import { ApiError } from '@/api/request'

export const useWorkerSessionStore = defineStore('worker-session', () => {
  const worker = ref<PortalAccountApi.Worker | null>(null)
  const csrfToken = ref<string | undefined>(undefined)
  const loaded = ref(false)
  let loading: Promise<void> | null = null
  /** The privacy notice version the worker accepted: null never, undefined not asked yet. */
  const noticeVersion = ref<number | null | undefined>(undefined)

  const isSignedIn = computed(() => worker.value !== null)

  function apply(session: PortalAccountApi.Session): void {
    // Another worker (or none before): their notice is asked again.
    if (worker.value?.id !== session.worker?.id) noticeVersion.value = undefined
    worker.value = session.worker
    csrfToken.value = session.csrf_token
    loaded.value = true
  }

  function clear(): void {
    noticeVersion.value = undefined
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

  /** The notice version accepted, asked once per page load (GET /api/v1/me); undefined when
   *  the server could not be asked. */
  async function ensureNotice(): Promise<number | null | undefined> {
    if (noticeVersion.value === undefined) {
      noticeVersion.value = await getMeApi(true)
        .then((me) => me.privacy_notice.version)
        .catch(() => undefined)
    }
    return noticeVersion.value
  }

  function noticeAccepted(version: number): void {
    noticeVersion.value = version
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

  return { worker, csrfToken, loaded, isSignedIn, noticeVersion, ensureLoaded, ensureNotice, noticeAccepted, signIn, markBound, signOut, clear }
})
