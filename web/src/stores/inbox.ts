// The signed-in worker's unread notifications, for the badge in the portal's navigation. Asked
// of the server when the portal opens and as the worker moves between pages (throttled), and
// set directly by the inbox page when it reads or marks entries.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { unreadNotificationsApi } from '@/api/notifications'

/** At most one count request in this many milliseconds of page moves. */
const REFRESH_MS = 30_000

export const useInboxStore = defineStore('inbox', () => {
  const unread = ref(0)
  let askedAt = 0

  function set(count: number): void {
    unread.value = count
    askedAt = Date.now()
  }

  function clear(): void {
    unread.value = 0
    askedAt = 0
  }

  /** Refreshes the count unless it was read recently (`force` asks anyway); quiet on failure. */
  async function refresh(force = false): Promise<void> {
    if (!force && askedAt && Date.now() - askedAt < REFRESH_MS) return
    askedAt = Date.now()
    try {
      unread.value = (await unreadNotificationsApi()).unread
    } catch {
      // The badge is a hint; a failed count leaves the last one.
    }
  }

  return { unread, set, clear, refresh }
})
