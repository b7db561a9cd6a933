// The worker portal as an installable web app (issue 19), on a phone (390x844): index.html links
// a valid web manifest whose icons load; the service worker registers for /portal only, takes
// control of the portal (never of the staff console), and after the phone goes offline the
// portal still opens from its cache with the "you are offline" notice (shown too when the server
// gives no answer on a network that claims to be up), while no API answer is ever in the Cache
// Storage. The "add to home screen" card follows the browser's install event (Chromium) or shows
// the Share steps (iOS Safari), and "not now" is remembered. A new build is offered as an update
// and, once accepted, replaces the old cache. The portal fits one-handed phones 360 and 430 px
// wide in zh-CN and en.
// Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { artifactsDir, startServer, webRoot } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const PHONE = { width: 390, height: 844 }
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

let browser
const problems = []

async function phoneContext(options = {}) {
  return browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', ...options })
}
async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}
async function assertNoHorizontalOverflow(page, width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(scrollWidth <= width, `the page is ${scrollWidth}px wide on a ${width}px phone`)
}
/** Waits until the portal's service worker is active; returns its registration's scope. */
async function serviceWorkerReady(page) {
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
}
/** Every URL in the page's Cache Storage. */
async function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = []
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url)
    }
    return urls
  })
}
/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}
/** Fires Chromium's install event as the browser would when the app is installable (headless
 *  Chromium never decides that on its own); records what the page does with it. */
async function offerInstall(page, outcome) {
  await page.evaluate((choice) => {
    const event = new Event('beforeinstallprompt', { cancelable: true })
    window.__installPrompts = 0
    event.prompt = async () => {
      window.__installPrompts += 1
    }
    event.userChoice = Promise.resolve({ outcome: choice, platform: 'web' })
    window.dispatchEvent(event)
    window.__installDefaultPrevented = event.defaultPrevented
  }, outcome)
}

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('the worker portal as an installable web app', () => {
  it('links a valid manifest for /portal whose icons load', async () => {
    const context = await phoneContext()
    const page = await watchedPage(context, problems)
    await page.goto(`${url}/portal`)
    await page.getByTestId('portal-title').waitFor()
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    assert.equal(href, '/portal.webmanifest')

    const res = await fetch(new URL(href, url))
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'application/manifest+json')
    const manifest = await res.json()
    assert.equal(manifest.name, '职工之家')
    assert.ok(manifest.short_name && manifest.short_name.length <= 12, 'a short name that fits under an icon')
    assert.equal(manifest.start_url, '/portal/')
    assert.equal(manifest.scope, '/portal')
    assert.equal(manifest.display, 'standalone')
    assert.equal(manifest.lang, 'zh-CN')
    assert.match(manifest.theme_color, /^#c8161d$/i)
    const purposes = new Set(manifest.icons.map((icon) => icon.purpose ?? 'any'))
    assert.ok(purposes.has('any') && purposes.has('maskable'), 'plain and maskable icons')
    for (const size of ['192x192', '512x512']) {
      assert.ok(manifest.icons.some((icon) => icon.sizes === size && (icon.purpose ?? 'any') === 'any'), `a ${size} icon`)
    }
    for (const icon of manifest.icons) {
      const image = await fetch(new URL(icon.src, url))
      assert.equal(image.status, 200, icon.src)
      assert.equal(image.headers.get('content-type'), icon.type)
      const { width, height } = pngSize(Buffer.from(await image.arrayBuffer()))
      assert.equal(`${width}x${height}`, icon.sizes, `${icon.src} is as large as it says`)
    }
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')
    assert.equal((await fetch(new URL(apple, url))).status, 200)

    // Chromium parses the same manifest without complaint.
    const cdp = await context.newCDPSession(page)
    const parsed = await cdp.send('Page.getAppManifest')
    assert.deepEqual(parsed.errors, [])
    assert.equal(parsed.url, `${url}/portal.webmanifest`)
    await context.close()
  })

  it('controls /portal, not the console, opens offline with a notice, and never caches the API', async () => {
    const context = await phoneContext()
    const page = await watchedPage(context, problems)
    await page.goto(`${url}/portal`)
    await page.getByTestId('portal-welcome').waitFor()
    assert.equal(await serviceWorkerReady(page), `${url}/portal`)
    const sw = await fetch(`${url}/sw.js`)
    assert.match(sw.headers.get('content-type'), /^text\/javascript/)

    await page.reload()
    await page.getByTestId('portal-welcome').waitFor()
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker controls /portal')
    assert.equal(await page.getByTestId('portal-offline').count(), 0, 'no offline notice while online')

    // Pages that call the API while controlled: tracking a request and the server's version.
    await page.goto(`${url}/portal/requests/track`)
    await page.getByTestId('portal-title').waitFor()
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null))
    const version = await page.evaluate(async () => (await fetch('/api/v1/version')).status)
    assert.equal(version, 200)

    const cached = await cachedUrls(page)
    assert.ok(cached.some((u) => u === `${url}/index.html` || u.startsWith(`${url}/index.html?`)), 'the shell is cached')
    assert.ok(cached.some((u) => /\/assets\/PortalLayout-[^/]+\.js/.test(u)), "the portal's layout is cached")
    assert.deepEqual(cached.filter((u) => new URL(u).pathname.startsWith('/api/')), [], 'no API answer in the cache')
    assert.deepEqual(cached.filter((u) => /\/assets\/(charts|ConsoleLayout)-/.test(u)), [], "the console's chunks are not the portal's")

    // The console's pages stay outside the worker's scope.
    const console_ = await context.newPage()
    await console_.goto(`${url}/login`)
    await console_.getByTestId('login-username').waitFor()
    assert.equal(await console_.evaluate(() => navigator.serviceWorker.controller), null)
    await console_.close()

    await context.setOffline(true)
    await page.goto(`${url}/portal`)
    await page.getByTestId('portal-welcome').waitFor()
    await page.getByTestId('portal-offline').waitFor()
    assert.match(await page.getByTestId('portal-offline').textContent(), /您已离线/)
    await shot(page, 'portal-pwa-offline-zh.png')
    // Another page of the shell, reached by the tab bar and by its address.
    await page.getByTestId('portal-tab-portal-requests').click()
    await page.getByTestId('portal-offline').waitFor()
    await page.goto(`${url}/portal/requests/track`)
    await page.getByTestId('portal-offline').waitFor()
    assert.deepEqual((await cachedUrls(page)).filter((u) => new URL(u).pathname.startsWith('/api/')), [])

    await context.setOffline(false)
    await page.goto(`${url}/portal`)
    await page.getByTestId('portal-welcome').waitFor()
    assert.equal(await page.getByTestId('portal-offline').count(), 0, 'the notice goes when the network is back')
    await context.close()
  })

  it('tells the worker when the server is out of reach although the phone says it is online', async () => {
    const context = await phoneContext()
    const page = await watchedPage(context, problems)
    await page.route('**/api/**', (route) => route.abort('connectionrefused'))
    await page.goto(`${url}/portal/requests`) // loads the request categories
    await page.getByTestId('portal-offline').waitFor()
    assert.equal(await page.evaluate(() => navigator.onLine), true)
    await page.unroute('**/api/**')
    await page.reload()
    await page.getByTestId('portal-title').waitFor()
    await page.waitForLoadState('networkidle')
    assert.equal(await page.getByTestId('portal-offline').count(), 0, 'the notice goes once the server answers')
    await context.close()
  })

  it('offers the browser install dialog and remembers "not now"', async () => {
    const context = await phoneContext()
    const page = await watchedPage(context, problems)
    await page.goto(`${url}/portal`)
    await page.getByTestId('portal-welcome').waitFor()
    assert.equal(await page.getByTestId('portal-install-prompt').count(), 0, 'nothing before the browser offers it')

    await offerInstall(page, 'accepted')
    await page.getByTestId('portal-install-prompt').waitFor()
    assert.equal(await page.evaluate(() => window.__installDefaultPrevented), true, "the browser's own banner is held back")
    await page.getByTestId('portal-install-add').click()
    await page.getByTestId('portal-install-prompt').waitFor({ state: 'detached' })
    assert.equal(await page.evaluate(() => window.__installPrompts), 1, "the browser's dialog opened once")

    await page.reload()
    await page.getByTestId('portal-welcome').waitFor()
    await offerInstall(page, 'dismissed')
    await page.getByTestId('portal-install-later').click()
    await page.getByTestId('portal-install-prompt').waitFor({ state: 'detached' })
    await page.reload()
    await page.getByTestId('portal-welcome').waitFor()
    await offerInstall(page, 'dismissed')
    await page.getByTestId('portal-tab-portal-requests').click()
    await page.getByTestId('portal-tab-portal-home').click()
    await page.getByTestId('portal-welcome').waitFor()
    assert.equal(await page.getByTestId('portal-install-prompt').count(), 0, '"not now" is remembered')
    await context.close()
  })

  it('offers a new build as an update, which replaces the old cache once accepted', async () => {
    // A copy of the build, served by a second server, to play the next release on.
    const root = mkdtempSync(path.join(tmpdir(), 'zhijia-pwa-'))
    after(() => rmSync(root, { recursive: true, force: true }))
    cpSync(webRoot, root, { recursive: true })
    const next = await startServer({ webRoot: root })
    const context = await phoneContext()
    const page = await watchedPage(context, problems)
    await page.goto(`${next.url}/portal`)
    await serviceWorkerReady(page)
    await page.reload()
    await page.getByTestId('portal-welcome').waitFor()
    const shellEntries = async () => (await cachedUrls(page)).filter((u) => new URL(u).pathname === '/index.html')
    const [before] = await shellEntries()
    assert.ok(before, 'the shell is precached')

    // The next release: a changed index.html, and the service worker that lists its new revision.
    const html = readFileSync(path.join(root, 'index.html'), 'utf8')
    writeFileSync(path.join(root, 'index.html'), html.replace('<title>', '<meta name="zhijia-release" content="next" />\n    <title>'))
    const sw = readFileSync(path.join(root, 'sw.js'), 'utf8')
    const changed = sw.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1next-release"')
    assert.notEqual(changed, sw, 'sw.js lists index.html with a revision')
    writeFileSync(path.join(root, 'sw.js'), changed)

    await page.reload() // a navigation makes the browser look for a new service worker
    await page.getByTestId('portal-update').waitFor()
    assert.equal(await page.locator('meta[name="zhijia-release"]').count(), 0, 'the old release runs until the worker agrees')
    await page.getByTestId('portal-update-now').click()
    await page.locator('meta[name="zhijia-release"]').waitFor({ state: 'attached' })
    await page.getByTestId('portal-welcome').waitFor()
    assert.equal(await page.getByTestId('portal-update').count(), 0)
    const after_ = await shellEntries()
    assert.equal(after_.length, 1, 'one shell in the cache')
    assert.match(after_[0], /next-release/, 'the new release replaced the old one')
    await context.close()
  })

  for (const width of [360, 430]) {
    for (const locale of ['zh-CN', 'en']) {
      it(`fits a ${width} px phone in ${locale}, with the iOS steps and the offline notice`, async () => {
        const context = await phoneContext({ viewport: { width, height: 844 }, locale, userAgent: IPHONE_SAFARI })
        const page = await watchedPage(context, problems)
        await page.goto(`${url}/portal`)
        await page.getByTestId('portal-install-ios').waitFor()
        assert.match(
          await page.getByTestId('portal-install-ios').textContent(),
          locale === 'en' ? /Share → Add to Home Screen/ : /分享 → 添加到主屏幕/,
        )
        await serviceWorkerReady(page)
        await context.setOffline(true)
        await page.reload()
        await page.getByTestId('portal-offline').waitFor()
        await assertNoHorizontalOverflow(page, width)
        await shot(page, `portal-pwa-${width}-${locale}.png`)
        // The tab bar stays within a thumb's reach: fixed at the bottom of the screen.
        const tabs = await page.locator('.portal-tabs').boundingBox()
        assert.ok(tabs && tabs.y + tabs.height <= 844 && tabs.y >= 844 - 80, 'the tab bar sits at the bottom')
        await context.setOffline(false)

        await page.getByTestId('portal-install-later').click()
        await page.getByTestId('portal-install-ios').waitFor({ state: 'detached' })
        await page.reload()
        await page.getByTestId('portal-welcome').waitFor()
        assert.equal(await page.getByTestId('portal-install-ios').count(), 0, '"got it" is remembered')

        // The portal's other open pages fit the same phone.
        for (const [pagePath, ready] of [
          ['/portal/requests', 'portal-submit'],
          ['/portal/requests/track', 'track-form'],
          ['/portal/sign-in', 'portal-phone'],
        ]) {
          await page.goto(`${url}${pagePath}`)
          await page.getByTestId(ready).first().waitFor()
          await assertNoHorizontalOverflow(page, width)
        }
        if (width === 360) await shot(page, `portal-pwa-sign-in-360-${locale}.png`)
        await context.close()
      })
    }
  }
})
