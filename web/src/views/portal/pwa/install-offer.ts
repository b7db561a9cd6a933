// Whether and how the portal offers "add to home screen": the browser's own install dialog where
// Chromium offered one (beforeinstallprompt), the Share → Add to Home Screen steps on iOS Safari
// (which has no such event), and nothing once the portal runs installed or after the worker said
// "not now" (remembered in localStorage on this phone).
import { readonly, ref, type Ref } from 'vue'

/** Chromium's event (not in the DOM typings): prompt() may be called once. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>
}

export type InstallOffer = 'none' | 'prompt' | 'ios'

export const INSTALL_DISMISSED_KEY = 'zhijia.portal.installDismissed'

/** What to show, from what is known about this browser. */
export function installOfferFor(state: {
  standalone: boolean
  dismissed: boolean
  canPrompt: boolean
  iosSafari: boolean
}): InstallOffer {
  if (state.standalone || state.dismissed) return 'none'
  if (state.canPrompt) return 'prompt'
  return state.iosSafari ? 'ios' : 'none'
}

/** Safari on an iPhone or iPad, the one iOS browser whose Share menu is sure to have "Add to
 *  Home Screen". iPadOS reports a Mac, told apart by its touch screen. In-app browsers
 *  (WeChat, QQ) and other iOS browsers name themselves in the user agent. */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const apple = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)
  if (!apple || !/Safari\//.test(userAgent)) return false
  return !/CriOS|FxiOS|EdgiOS|OPiOS|MicroMessenger|QQ\/|MQQBrowser|UCBrowser|Weibo|DingTalk/.test(userAgent)
}

/** Running from the home screen: the display mode of the manifest, or iOS's own flag. */
export function isStandalone(win: Window): boolean {
  const iosStandalone = (win.navigator as Navigator & { standalone?: boolean }).standalone === true
  return iosStandalone || (win.matchMedia?.('(display-mode: standalone)').matches ?? false)
}

function readDismissed(storage: Storage | undefined): boolean {
  try {
    return storage?.getItem(INSTALL_DISMISSED_KEY) != null
  } catch {
    return false // storage disabled: ask again next time
  }
}

function writeDismissed(storage: Storage | undefined, now: Date): void {
  try {
    storage?.setItem(INSTALL_DISMISSED_KEY, now.toISOString())
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

export interface InstallOfferState {
  offer: Readonly<Ref<InstallOffer>>
  /** Opens the browser's install dialog; a refusal there counts as "not now". */
  install(): Promise<void>
  /** "Not now" / "Got it": hides the offer on this phone for good. */
  dismiss(): void
}

/** Listens on `win` for the browser's install events and keeps the offer up to date. */
export function createInstallOffer(
  win: Window,
  storage: Storage | undefined,
  now: () => Date = () => new Date(),
): InstallOfferState {
  let deferred: BeforeInstallPromptEvent | null = null
  let dismissed = readDismissed(storage)
  let installed = false
  const iosSafari = isIosSafari(win.navigator.userAgent, win.navigator.maxTouchPoints ?? 0)
  const offer = ref<InstallOffer>('none')

  function refresh(): void {
    offer.value = installOfferFor({
      standalone: installed || isStandalone(win),
      dismissed,
      canPrompt: deferred !== null,
      iosSafari,
    })
  }

  win.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault() // no mini-infobar: the portal shows its own card
    deferred = event as BeforeInstallPromptEvent
    refresh()
  })
  win.addEventListener('appinstalled', () => {
    installed = true
    deferred = null
    refresh()
  })

  function dismiss(): void {
    dismissed = true
    writeDismissed(storage, now())
    refresh()
  }

  async function install(): Promise<void> {
    const event = deferred
    if (!event) return
    deferred = null // the event prompts once only
    await event.prompt()
    const choice = await event.userChoice
    if (choice.outcome === 'accepted') installed = true
    else dismiss()
    refresh()
  }

  refresh()
  return { offer: readonly(offer), install, dismiss }
}

let shared: InstallOfferState | null = null

/** The portal's one install offer; it starts listening the first time the portal shows, so an
 *  event the browser fires on any portal page is kept until the worker is on a page with the card. */
export function usePortalInstallOffer(): InstallOfferState {
  shared ??= createInstallOffer(window, globalThis.localStorage)
  return shared
}
