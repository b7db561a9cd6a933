import { describe, expect, it, vi } from 'vitest'
import { createInstallOffer, INSTALL_DISMISSED_KEY, installOfferFor, isIosSafari, type BeforeInstallPromptEvent } from './install-offer'

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const IPAD_AS_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
const IPHONE_WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN'
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1'
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'

/** A window whose user agent, display mode and events the test controls. */
function fakeWindow(userAgent = ANDROID_CHROME, opts: { standalone?: boolean; touch?: number } = {}) {
  const target = new EventTarget()
  const win = {
    navigator: { userAgent, maxTouchPoints: opts.touch ?? 5 },
    matchMedia: (query: string) => ({ matches: query === '(display-mode: standalone)' && !!opts.standalone }),
    addEventListener: target.addEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  }
  return win as unknown as Window
}

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size
    },
  }
}

function installEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as BeforeInstallPromptEvent
  const prompt = vi.fn(async () => undefined)
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome, platform: 'web' }) })
  return { event, prompt }
}

describe('installOfferFor', () => {
  const base = { standalone: false, dismissed: false, canPrompt: false, iosSafari: false }

  it('offers the browser dialog when the browser offered to install', () => {
    expect(installOfferFor({ ...base, canPrompt: true })).toBe('prompt')
  })

  it('offers the Share steps on iOS Safari, which has no install event', () => {
    expect(installOfferFor({ ...base, iosSafari: true })).toBe('ios')
  })

  it('offers nothing once installed, once dismissed, or where the browser cannot install', () => {
    expect(installOfferFor({ ...base, canPrompt: true, standalone: true })).toBe('none')
    expect(installOfferFor({ ...base, iosSafari: true, dismissed: true })).toBe('none')
    expect(installOfferFor(base)).toBe('none')
  })
})

describe('isIosSafari', () => {
  it('knows Safari on an iPhone and on an iPad that reports a Mac', () => {
    expect(isIosSafari(IPHONE_SAFARI, 5)).toBe(true)
    expect(isIosSafari(IPAD_AS_MAC, 5)).toBe(true)
  })

  it('leaves out a real Mac, in-app browsers and other iOS browsers', () => {
    expect(isIosSafari(IPAD_AS_MAC, 0)).toBe(false)
    expect(isIosSafari(IPHONE_WECHAT, 5)).toBe(false)
    expect(isIosSafari(IPHONE_CHROME, 5)).toBe(false)
    expect(isIosSafari(ANDROID_CHROME, 5)).toBe(false)
  })
})

describe('createInstallOffer', () => {
  it('keeps the browser install event, suppresses its own banner and offers the dialog', () => {
    const win = fakeWindow()
    const state = createInstallOffer(win, memoryStorage())
    expect(state.offer.value).toBe('none')
    const { event } = installEvent('accepted')
    win.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    expect(state.offer.value).toBe('prompt')
  })

  it('hides the offer after the worker installs from the dialog, without remembering a refusal', async () => {
    const win = fakeWindow()
    const storage = memoryStorage()
    const state = createInstallOffer(win, storage)
    const { event, prompt } = installEvent('accepted')
    win.dispatchEvent(event)
    await state.install()
    expect(prompt).toHaveBeenCalledOnce()
    expect(state.offer.value).toBe('none')
    expect(storage.getItem(INSTALL_DISMISSED_KEY)).toBeNull()
  })

  it('remembers a refusal in the browser dialog as "not now"', async () => {
    const win = fakeWindow()
    const storage = memoryStorage()
    const state = createInstallOffer(win, storage, () => new Date('2026-12-06T08:00:00Z'))
    win.dispatchEvent(installEvent('dismissed').event)
    await state.install()
    expect(state.offer.value).toBe('none')
    expect(storage.getItem(INSTALL_DISMISSED_KEY)).toBe('2026-12-06T08:00:00.000Z')
  })

  it('remembers "not now" on this phone: the next visit offers nothing', () => {
    const storage = memoryStorage()
    const first = createInstallOffer(fakeWindow(IPHONE_SAFARI), storage)
    expect(first.offer.value).toBe('ios')
    first.dismiss()
    expect(first.offer.value).toBe('none')

    const win = fakeWindow()
    const next = createInstallOffer(win, storage)
    win.dispatchEvent(installEvent('accepted').event)
    expect(next.offer.value).toBe('none')
  })

  it('offers nothing when already running from the home screen', () => {
    const win = fakeWindow(ANDROID_CHROME, { standalone: true })
    const state = createInstallOffer(win, memoryStorage())
    win.dispatchEvent(installEvent('accepted').event)
    expect(state.offer.value).toBe('none')
  })

  it('hides the offer when the browser reports the app installed another way', () => {
    const win = fakeWindow()
    const state = createInstallOffer(win, memoryStorage())
    win.dispatchEvent(installEvent('accepted').event)
    win.dispatchEvent(new Event('appinstalled'))
    expect(state.offer.value).toBe('none')
  })

  it('still works when storage is disabled', () => {
    const broken = memoryStorage()
    broken.getItem = () => {
      throw new Error('SecurityError')
    }
    broken.setItem = broken.getItem
    const state = createInstallOffer(fakeWindow(IPHONE_SAFARI), broken)
    expect(state.offer.value).toBe('ios')
    state.dismiss()
    expect(state.offer.value).toBe('none')
  })
})
