import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useConnectivityStore } from './connectivity'

function setNavigatorOnline(value: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(value)
  window.dispatchEvent(new Event(value ? 'online' : 'offline'))
}

describe('connectivity', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is offline when the browser says so', async () => {
    const store = useConnectivityStore()
    expect(store.offline).toBe(false)
    setNavigatorOnline(false)
    await nextTick()
    expect(store.offline).toBe(true)
  })

  it('is offline while the server gives no answer although the browser claims to be online', () => {
    const store = useConnectivityStore()
    store.reached(false)
    expect(store.offline).toBe(true)
    store.reached(true)
    expect(store.offline).toBe(false)
  })

  it('asks again once the browser is back online', async () => {
    const store = useConnectivityStore()
    setNavigatorOnline(false)
    store.reached(false)
    await nextTick()
    setNavigatorOnline(true)
    await nextTick()
    expect(store.offline).toBe(false)
  })
})
