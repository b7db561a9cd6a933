// Check-in by the member card's QR in the browser (issue 22): 东华门's cadre runs an outing that
// starts in half an hour; two workers register on their phones. On the cadre's phone (390x844)
// the scanner page takes the first worker's card payload (fetched the way My account's card
// fetches it, GET /api/v1/me/card) through its text field: checked in, with the masked name; the
// same card again: already checked in. Then the phone goes offline: a scan of the second card
// waits in the queue (count 1) and is recorded once the phone is back online. Last, the camera:
// Chromium's fake camera plays a picture of a third worker's card QR (drawn here with the qrcode
// package into a Y4M file), the page's qr-scanner decodes it and the scan is recorded.
// Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { CHROMIUM, launchChromium, watchedPage } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, importFromWeb, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const MINUTE = 60_000
let browser
const problems = []

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  // A request the offline phone could not send is the point of the test, not a page error.
  const real = problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(String(p)))
  assert.deepEqual(real, [], 'no page errors or CSP violations')
})

/** A registered worker of 东华门's union on their own phone; their card's QR payload. */
async function registeredWorker(cadre, unionId, activityId, phone, name, id) {
  const created = await cadre('POST', '/api/v1/members', { union_id: unionId, name, id_number: id, phone, join_date: '2016-05-01' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const page = await phonePage(browser, problems)
  await signInNewPhone(page, url, output, phone)
  await bindMember(page, name, id)
  await page.getByTestId('portal-tab-portal-me').click()
  await page.getByTestId('portal-me-entry-activities').click()
  const card = page.getByTestId('portal-activity').filter({ hasText: '东华门职工健步走' })
  await card.getByTestId('portal-activity-register').click()
  await card.getByTestId('portal-activity-state').filter({ hasText: '已报名，名额已确认' }).waitFor()
  const answer = await page.request.get(`${url}/api/v1/me/card`)
  assert.equal(answer.status(), 200)
  const { token } = await answer.json()
  assert.ok(token.length > 80 && token.length <= 256, 'a card token')
  await page.context().close()
  return token
}

/** A Y4M video (what Chromium's fake camera plays) of `text` as a QR code, black on white. */
async function qrVideo(text, file) {
  const qrcode = await importFromWeb('qrcode')
  const { modules } = (qrcode.default ?? qrcode).create(text, { errorCorrectionLevel: 'M' })
  const width = 640
  const height = 480
  const scale = Math.floor(400 / (modules.size + 8))
  const left = Math.floor((width - modules.size * scale) / 2)
  const top = Math.floor((height - modules.size * scale) / 2)
  const y = Buffer.alloc(width * height, 235)
  for (let row = 0; row < modules.size; ++row) {
    for (let col = 0; col < modules.size; ++col) {
      if (!modules.get(row, col)) continue
      for (let dy = 0; dy < scale; ++dy) y.fill(16, (top + row * scale + dy) * width + left + col * scale, (top + row * scale + dy) * width + left + (col + 1) * scale)
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma])
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]))
}

async function cadreOnPhone(b, id) {
  const page = await phonePage(b, problems)
  await page.goto(`${url}/login`)
  await page.getByTestId('login-username').fill('cadre.donghuamen')
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${url}/`)
  await page.goto(`${url}/activities/${id}/scan`)
  await page.getByTestId('scan-activity-title').filter({ hasText: '东华门职工健步走' }).waitFor()
  return page
}

async function scan(page, payload) {
  await page.getByTestId('scan-payload').fill(payload)
  await page.getByTestId('scan-record').click()
}

describe('Activity check-in', () => {
  it('a cadre checks in a registered worker by the card QR, refuses a second scan, and sends an offline scan once back online', async () => {
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const someone = await cadre('GET', '/api/v1/members?status=active&limit=1')
    assert.equal(someone.status, 200)
    const unionId = someone.body.items[0].union.id
    const now = Date.now()
    const made = await cadre('POST', '/api/v1/activities', {
      kind: 'outing',
      title: '东华门职工健步走',
      place: '皇城根遗址公园',
      opens_at: now - 60 * MINUTE,
      closes_at: now + 10 * MINUTE,
      starts_at: now + 30 * MINUTE,
      ends_at: now + 180 * MINUTE,
      capacity: 10,
      cancel_cutoff_hours: 0,
      confirm_hours: 0,
    })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    const id = made.body.activity.id
    assert.equal((await cadre('POST', `/api/v1/activities/${id}/open`, {})).status, 200)
    const reachBefore = await cadre('GET', '/api/v1/activities/reach')
    assert.equal(reachBefore.status, 200)

    const first = await registeredWorker(cadre, unionId, id, '13912350501', '周立平', idNumber('11010119870312101'))
    const second = await registeredWorker(cadre, unionId, id, '13912350502', '吴海燕', idNumber('11010119910624102'))

    // The cadre on a phone: the console's scanner page.
    const page = await cadreOnPhone(browser, id)
    assert.equal(await page.getByTestId('scan-queue-count').textContent(), '0')

    await scan(page, first)
    const newest = page.getByTestId('scan-line').first()
    await newest.getByTestId('scan-outcome').and(page.locator('[data-outcome="recorded"]')).waitFor()
    assert.equal(await newest.getByTestId('scan-outcome').textContent(), '签到成功')
    assert.equal(await newest.getByTestId('scan-member').textContent(), '周**')

    // The same card again: already checked in, nothing counted twice.
    await scan(page, first)
    await page.getByTestId('scan-line').first().getByTestId('scan-outcome').and(page.locator('[data-outcome="already_in"]')).waitFor()
    assert.equal(await page.getByTestId('scan-line').first().getByTestId('scan-outcome').textContent(), '该会员已签到')
    await page.getByTestId('check-in-member').first().waitFor()
    assert.equal(await page.getByTestId('check-in-member').count(), 1)

    // Offline: the scan waits in the queue.
    await page.context().setOffline(true)
    await page.getByTestId('scan-offline').waitFor()
    await scan(page, second)
    await page.getByTestId('scan-queue-count').filter({ hasText: /^1$/ }).waitFor()
    await page.getByTestId('scan-line').first().getByTestId('scan-outcome').and(page.locator('[data-outcome="queued"]')).waitFor()
    await assertNoHorizontalOverflow(page)
    await shot(page, 'activity-checkin-offline-phone.png')

    // Back online: sent and recorded, the queue empty.
    await page.context().setOffline(false)
    await page.getByTestId('scan-line').first().getByTestId('scan-outcome').and(page.locator('[data-outcome="recorded"]')).waitFor()
    assert.equal(await page.getByTestId('scan-line').first().getByTestId('scan-member').textContent(), '吴**')
    await page.getByTestId('scan-queue-count').filter({ hasText: /^0$/ }).waitFor()
    await shot(page, 'activity-checkin-phone.png')

    const checkIns = await cadre('GET', `/api/v1/activities/${id}/check-ins`)
    assert.equal(checkIns.body.items.length, 2)
    const activity = await cadre('GET', `/api/v1/activities/${id}`)
    assert.equal(activity.body.activity.checked_in, 2)
    const reachAfter = await cadre('GET', '/api/v1/activities/reach')
    assert.equal(reachAfter.body.reached_12m, reachBefore.body.reached_12m + 2)
    await page.context().close()

    // The camera: a fake one showing the third worker's card.
    const third = await registeredWorker(cadre, unionId, id, '13912350503', '郑文君', idNumber('11010119890202103'))
    const dir = mkdtempSync(path.join(tmpdir(), 'zhijia-qr-'))
    const video = path.join(dir, 'card.y4m')
    await qrVideo(third, video)
    const { chromium } = await importFromWeb('playwright-core').then((m) => m.default ?? m)
    const camera = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    })
    try {
      const context = await camera.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', permissions: ['camera'] })
      const scanner = await watchedPage(context, problems)
      await scanner.goto(`${url}/login`)
      await scanner.getByTestId('login-username').fill('cadre.donghuamen')
      await scanner.getByTestId('login-password').fill(ADMIN_PASSWORD)
      await scanner.getByRole('button', { name: '登录' }).click()
      await scanner.waitForURL(`${url}/`)
      await scanner.goto(`${url}/activities/${id}/scan`)
      await scanner.getByTestId('scan-camera-start').click()
      await scanner.getByTestId('scan-camera-stop').waitFor()
      const line = scanner.getByTestId('scan-line').first()
      await line.getByTestId('scan-outcome').and(scanner.locator('[data-outcome="recorded"]')).waitFor({ timeout: 20_000 })
      assert.equal(await line.getByTestId('scan-member').textContent(), '郑**')
      await scanner.getByTestId('scan-camera-stop').click()
      const all = await cadre('GET', `/api/v1/activities/${id}/check-ins`)
      assert.equal(all.body.items.length, 3)
    } finally {
      await camera.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
