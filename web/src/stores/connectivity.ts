// Whether the front end can reach the server: the browser's online flag and whether the last API
// call got any answer. A phone on a network that goes nowhere (a captive Wi-Fi, a dead mobile
// link) still reports itself online, so the flag alone would hide the portal's offline notice.
import { useOnline } from '@vueuse/core'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

export const useConnectivityStore = defineStore('connectivity', () => {
  const online = useOnline()
  const serverUnreachable = ref(false)

  /** Told by the API client after every call (main.ts). */
  function reached(answered: boolean): void {
    serverUnreachable.value = !answered
  }

  // Back online: the next call decides again.
  watch(online, (now) => {
    if (now) serverUnreachable.value = false
  })

  const offline = computed(() => !online.value || serverUnreachable.value)
  return { offline, reached }
})
