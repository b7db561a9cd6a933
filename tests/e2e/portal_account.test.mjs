// The worker's own account in the browser (issue 19), on a phone (390x844): a worker whose
// union registered their phone signs in with the code read from the server's log (the `log`
// SMS sender), accepts the privacy notice, binds to the member record by name and ID number, and sees the member card with
// its QR code; the street's cadre checks the card's code on the console's check-in page. A
// second worker, whose phone the union does not have, gets "ask your union" and the cadre
// approves the binding from the console's list. The first worker then sends a request signed
// in (no tracking number to keep) and finds it in My requests with its timeline; another
// worker's request is "not found" there; My data shows and downloads (JSON, HTML) the worker's
// own data, masked, with the notice version accepted and a consent granted; after a fresh code
// from the log it shows the full phone and ID number once. The second worker asks in My data to
// correct their name; the cadre applies it from the console's list (the workbench counts it) and
// the worker sees it applied, with an inbox entry. When the cadre accepts the request and answers it, the worker's inbox has
// both (not the internal note), counted on My account's tab. The cadre's workbench counts the
// binding to approve. The demo worker
// (worker.demo) is bound already; it reads the notice and My data's consents in English.
// Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { assertNoHorizontalOverflow, codeFromLog, codesInLog, idNumber, PHONE, shot, staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const DESKTOP = { width: 1440, height: 900 }
const WORKER_PHONE = '13912340019'
const OTHER_PHONE = '13712340029'
const WORKER_ID = idNumber('11010119880512103')
const OTHER_ID = idNumber('11010119920823204')

let browser
const problems = []

async function phonePage() {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', acceptDownloads: true })
  return watchedPage(context, problems)
}
/** Signs in by code; a new account (every one here) is shown the privacy notice first, which
 *  `onNotice(page)` may look at before it is accepted. Answers when the code was sent. */
async function signInOnPhone(page, phone, onNotice = async () => {}) {
  await page.goto(`${url}/portal/me`)
  await page.getByTestId('portal-phone').waitFor()
  assert.match(page.url(), /\/portal\/sign-in\?redirect=/, 'My account asks to sign in first')
  await page.getByTestId('portal-phone').fill(phone)
  const before = codesInLog(output, phone.slice(-4))
  await page.getByTestId('portal-send-code').click()
  const sentAt = Date.now()
  await page.getByText(/秒后可重发/).waitFor()
  await page.getByTestId('portal-code').fill(await codeFromLog(output, phone.slice(-4), before))
  await page.getByTestId('portal-sign-in-submit').click()
  await page.getByTestId('portal-notice').waitFor()
  assert.match(page.url(), /\/portal\/me\/privacy\?redirect=/, 'the notice comes before My account')
  await onNotice(page)
  await page.getByTestId('portal-notice-accept').click()
  await page.getByTestId('portal-me').waitFor()
  return sentAt
}

before(async () => {
  browser = await launchChromium()
  // The union has both workers on its roster; only the first with the phone they sign in with.
  const cadre = await staffApi(url, 'cadre.donghuamen')
  const demo = await cadre('GET', `/api/v1/members?q=${encodeURIComponent('李明华')}`)
  assert.equal(demo.status, 200)
  const unionId = demo.body.items[0].union.id
  for (const [name, id, phone] of [
    ['赵卫东', WORKER_ID, WORKER_PHONE],
    ['钱秀兰', OTHER_ID, '13600002222'],
  ]) {
    const created = await cadre('POST', '/api/v1/members', { union_id: unionId, name, id_number: id, phone, join_date: '2019-04-01' })
    assert.equal(created.status, 201, JSON.stringify(created.body))
  }
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('the worker portal account', () => {
  let token = ''
  let mineId = ''
  let workerPage = null
  let otherPage = null

  it('a worker signs in with the code from the log, binds, sees the card with its QR and finds a request in My requests', async () => {
    const page = await phonePage()
    const sentAt = await signInOnPhone(page, WORKER_PHONE, async (notice) => {
      await notice.getByText('职工之家隐私政策').waitFor()
      await assertNoHorizontalOverflow(notice)
      await shot(notice, 'portal-notice-phone.png')
    })
    await assert.doesNotReject(page.getByText('139****0019').first().waitFor())
    await shot(page, 'portal-me-unbound-phone.png')
    await assertNoHorizontalOverflow(page)

    await page.getByTestId('portal-me-bind').click()
    await page.getByTestId('portal-binding-name').fill('赵卫东')
    await page.getByTestId('portal-binding-id').fill('1101011988051') // too short: said at once
    await page.getByTestId('portal-binding-submit').click()
    await page.getByText('身份证号应为 17 位数字加 1 位数字或 X').waitFor()
    await page.getByTestId('portal-binding-id').fill(WORKER_ID)
    await page.getByTestId('portal-binding-submit').click()

    await page.getByTestId('portal-card').waitFor()
    assert.equal(await page.getByTestId('portal-card-name').textContent(), '赵卫东')
    assert.match(await page.getByTestId('portal-card-number').textContent(), /^\d{16}$/)
    assert.match(await page.getByTestId('portal-card-union').textContent(), /工会/)
    const qr = page.getByTestId('portal-card-qr')
    await qr.waitFor()
    token = await qr.getAttribute('data-token')
    assert.match(token, /^[A-Za-z0-9_-]{108}$/, 'the QR holds a 108-character base64url token')
    const size = await qr.evaluate((img) => ({ w: img.naturalWidth, h: img.naturalHeight, done: img.complete }))
    assert.ok(size.done && size.w >= 200 && size.w === size.h, `the QR image is drawn (${JSON.stringify(size)})`)
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-card-phone.png')

    // The renew button fetches another token (the same one within the same second: the expiry
    // is in whole seconds and Ed25519 signatures are deterministic).
    const [renewed] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/api/v1/me/card') && res.request().method() === 'GET'),
      page.getByTestId('portal-card-refresh').click(),
    ])
    assert.equal(renewed.status(), 200)

    // My account now shows the member and opens the card.
    await page.getByTestId('portal-tab-portal-me').click()
    await page.getByTestId('portal-me-member').waitFor()
    assert.equal(await page.getByTestId('portal-me-name').textContent(), '赵卫东')
    await page.getByTestId('portal-me-entry-card').click()
    await page.getByTestId('portal-card').waitFor()

    // Signed in (the same session), a request without a tracking number to keep.
    await page.getByTestId('portal-tab-portal-me').click()
    await page.getByTestId('portal-me-entry-requests').click()
    await page.getByText('还没有诉求').waitFor()
    await page.getByTestId('portal-my-requests-new').click()
    await page.getByTestId('portal-request-form').waitFor()
    await page.getByTestId('field-category').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '维权投诉 · 欠薪' }).first().click()
    await page.getByTestId('field-where').getByText('按所在街道').click()
    await page.getByTestId('field-street').fill('东华门')
    await page.locator('.el-autocomplete-suggestion li:visible', { hasText: '东华门街道' }).first().click()
    await page.getByTestId('field-title').fill('加班费没有结算')
    await page.getByTestId('field-description').fill('十月加班 36 小时，公司未结算加班费')
    await page.getByTestId('field-name').fill('赵卫东')
    await page.getByTestId('field-phone').fill(WORKER_PHONE)
    await page.getByTestId('portal-submit').click()
    await page.getByTestId('portal-receipt').waitFor()

    // No number to copy: My requests has it.
    await page.getByTestId('receipt-mine').click()
    await page.getByTestId('portal-my-requests').waitFor()
    const titles = await page.getByTestId('portal-my-request-title').allTextContents()
    assert.deepEqual(titles, ['加班费没有结算'])
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-my-requests-phone.png')
    await page.getByTestId('portal-my-request').first().click()
    await page.getByTestId('tracked').waitFor()
    assert.equal(await page.getByTestId('tracked-status').innerText(), '待受理')
    await page.getByTestId('tracked-events').waitFor()
    assert.equal(await page.getByTestId('tracked-org').innerText(), '东华门街道总工会')
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-my-request-phone.png')
    mineId = page.url().split('/').at(-1)
    assert.match(mineId, /^\d+$/)

    // My data: what is stored about this worker, masked, and its two downloads.
    await page.getByTestId('portal-tab-portal-me').click()
    await page.getByTestId('portal-me-entry-data').click()
    await page.getByTestId('portal-my-data').waitFor()
    const shown = await page.getByTestId('portal-my-data').innerText()
    for (const text of ['赵卫东', '139****0019', '加班费没有结算', '十月加班 36 小时，公司未结算加班费']) {
      assert.ok(shown.includes(text), `My data shows ${text}`)
    }
    for (const text of [WORKER_ID, WORKER_PHONE, '钱秀兰', '李明华']) assert.ok(!shown.includes(text), `My data hides ${text}`)
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-my-data-phone.png')
    const saved = async (testId) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
      const file = await download.path()
      return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') }
    }
    const json = await saved('my-data-json')
    assert.match(json.name, /^zhijia-my-data-\d{4}-\d{2}-\d{2}\.json$/)
    const copy = JSON.parse(json.text)
    assert.equal(copy.member.name, '赵卫东')
    assert.deepEqual(
      copy.requests.map((r) => r.title),
      ['加班费没有结算'],
    )
    assert.ok(!json.text.includes(WORKER_ID) && !json.text.includes(WORKER_PHONE), 'the JSON copy is masked')
    const html = await saved('my-data-html')
    assert.match(html.name, /\.html$/)
    assert.ok(html.text.includes('<h1>我的数据</h1>') && html.text.includes('加班费没有结算'), 'a readable page')
    assert.equal(copy.privacy_notice.version, 1, 'the notice accepted is in the copy')
    assert.ok(copy.privacy_notice.accepted_at > 0)

    // Consent for an optional use: granted here, kept with its time in the copy.
    await page.getByTestId('my-data-consent-surveys').click()
    await page.getByTestId('my-data-consents').getByText('变更记录').waitFor()
    const granted = JSON.parse((await saved('my-data-json')).text)
    assert.deepEqual(
      granted.consents.history.map((h) => [h.use, h.granted]),
      [['surveys', true]],
    )
    assert.deepEqual(
      granted.consents.uses.map((u) => u.granted),
      [false, true, false],
    )

    // The full numbers, after a fresh code (one a minute to a phone: the sign-in code was the last).
    const wait = sentAt + 61_000 - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const codes = codesInLog(output, '0019')
    await page.getByTestId('my-data-reveal-send').click()
    const code = await codeFromLog(output, '0019', codes)
    await page.getByTestId('my-data-reveal-code').fill(code === '000000' ? '111111' : '000000')
    await page.getByTestId('my-data-reveal-submit').click()
    await page.getByTestId('my-data-reveal-problem').getByText('验证码不正确或已失效，请重新获取').waitFor()
    await page.getByTestId('my-data-reveal-code').fill(code)
    await page.getByTestId('my-data-reveal-submit').click()
    const revealed = await page.getByTestId('my-data-revealed').innerText()
    assert.ok(revealed.includes(WORKER_PHONE) && revealed.includes(WORKER_ID), 'the full phone and ID number')
    await assertNoHorizontalOverflow(page)
    await page.getByTestId('my-data-reveal').screenshot({ path: path.join(artifactsDir, 'portal-my-data-revealed-phone.png') })
    await page.getByTestId('my-data-reveal-hide').click()
    await page.getByTestId('my-data-reveal-send').waitFor()
    assert.ok(!(await page.getByTestId('portal-my-data').innerText()).includes(WORKER_ID), 'hidden again')

    // Kept signed in for the inbox below (a second code for the phone within a minute is refused).
    workerPage = page
  })

  it("the street's cadre checks the card's code at check-in", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
    const page = await watchedPage(context, problems)
    await page.goto(`${url}/login`)
    await page.getByTestId('login-username').fill('cadre.donghuamen')
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('console-user-name').waitFor()
    await page.getByTestId('menu-card-check').click()
    await page.getByTestId('card-check-token').fill(token)
    await page.getByTestId('card-check-submit').click()
    await page.getByTestId('card-check-result').waitFor()
    assert.equal(await page.getByTestId('card-check-name').textContent(), '赵卫东')
    await shot(page, 'console-card-check.png')
    await page.getByTestId('card-check-token').fill(token.slice(0, 100) + 'AAAAAAAA')
    await page.getByTestId('card-check-submit').click()
    await page.getByText('不是本会有效的会员码').waitFor()
    await context.close()
  })

  it('a worker whose phone the union lacks is told to ask the union, and the cadre approves', async () => {
    const page = await phonePage()
    await signInOnPhone(page, OTHER_PHONE)
    await page.getByTestId('portal-me-bind').click()
    await page.getByTestId('portal-binding-name').fill('钱秀兰')
    await page.getByTestId('portal-binding-id').fill(OTHER_ID)
    await page.getByTestId('portal-binding-submit').click()
    await page.getByTestId('portal-binding-pending').waitFor()
    assert.match(await page.getByTestId('portal-binding-pending').textContent(), /请联系.*更新手机号/)
    await shot(page, 'portal-binding-pending-phone.png')

    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
    const console_ = await watchedPage(context, problems)
    await console_.goto(`${url}/login`)
    await console_.getByTestId('login-username').fill('cadre.donghuamen')
    await console_.getByTestId('login-password').fill(ADMIN_PASSWORD)
    await console_.getByRole('button', { name: '登录' }).click()
    await console_.getByTestId('console-user-name').waitFor()
    // The workbench counts the binding to approve and links to the list.
    const card = console_.getByTestId('workbench-card-accounts_bindings_to_approve')
    await card.waitFor()
    assert.ok(Number(await card.getByTestId('workbench-value').innerText()) >= 1, 'a binding to approve')
    await card.click()
    await console_.getByTestId('worker-binding-phone').filter({ hasText: '137****0029' }).waitFor()
    await shot(console_, 'console-worker-bindings.png')
    await console_.getByTestId('worker-binding-approve').first().click()
    await console_.locator('.worker-binding-decision input').fill('电话核实本人')
    await console_.locator('.worker-binding-decision .el-button--primary').click()
    await console_.locator('.el-message', { hasText: '已批准' }).waitFor()
    await context.close()

    await page.goto(`${url}/portal/me/card`)
    await page.getByTestId('portal-card').waitFor()
    assert.equal(await page.getByTestId('portal-card-name').textContent(), '钱秀兰')

    // Another worker's request, opened by its id, does not exist for this worker.
    await page.goto(`${url}/portal/me/requests/${mineId}`)
    await page.getByTestId('portal-my-request-problem').waitFor()
    assert.equal(await page.getByTestId('tracked').count(), 0)
    otherPage = page // kept signed in for the correction below
  })

  it('the worker asks to correct their name, the cadre applies it in the console, and the worker sees it applied', async () => {
    const page = otherPage
    await page.goto(`${url}/portal/me/data`)
    const form = page.getByTestId('my-data-correction-form')
    await form.waitFor()
    assert.match(await form.innerText(), /身份证号不能在线更正/, 'the ID number is not offered')
    assert.equal(await form.getByTestId('correction-id_number').count(), 0)
    await page.getByTestId('correction-name').fill('钱秀岚')
    await page.getByTestId('correction-submit').click()
    await form.locator('.el-form-item__error').first().waitFor() // a note is needed
    await page.getByTestId('correction-note').fill('身份证上是“岚”字')
    await page.getByTestId('correction-submit').click()
    await page.getByTestId('correction-sent').waitFor()
    const asked = page.getByTestId('my-correction-name')
    assert.match(await asked.innerText(), /钱秀兰 → 钱秀岚/)
    assert.equal(await asked.getByTestId('my-correction-state').innerText(), '待审核')
    await assertNoHorizontalOverflow(page)
    await form.screenshot({ path: path.join(artifactsDir, 'portal-my-data-correction-phone.png') })

    // The console at a laptop's size: the workbench counts it, the list shows it, the cadre applies it.
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
    const console_ = await watchedPage(context, problems)
    await console_.goto(`${url}/login`)
    await console_.getByTestId('login-username').fill('cadre.donghuamen')
    await console_.getByTestId('login-password').fill(ADMIN_PASSWORD)
    await console_.getByRole('button', { name: '登录' }).click()
    await console_.getByTestId('console-user-name').waitFor()
    const card = console_.getByTestId('workbench-card-accounts_corrections_to_decide')
    await card.waitFor()
    assert.equal(await card.getByTestId('workbench-value').innerText(), '1')
    await card.click()
    const change = console_.getByTestId('member-correction-change').filter({ hasText: '钱秀兰 → 钱秀岚' })
    await change.waitFor()
    await shot(console_, 'console-member-corrections.png')
    await console_.getByTestId('member-correction-approve').first().click()
    await console_.locator('.member-correction-decision .el-button--primary').click()
    await console_.locator('.el-message', { hasText: '已更正' }).waitFor()
    // Applied as an edit of the member: the name search finds the new name.
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const found = await cadre('GET', `/api/v1/members?q=${encodeURIComponent('钱秀岚')}`)
    assert.deepEqual(found.body.items.map((m) => m.name), ['钱秀岚'])
    await context.close()

    await page.reload()
    await page.getByTestId('my-correction-name').waitFor()
    assert.equal(await page.getByTestId('my-correction-name').getByTestId('my-correction-state').innerText(), '已更正')
    assert.match(await page.getByTestId('my-data-member').innerText(), /钱秀岚/)
    assert.match(await page.getByTestId('my-data-corrections').innerText(), /钱秀兰 → 钱秀岚/, 'My data lists it too')
    await page.goto(`${url}/portal/me/notifications`)
    await page.getByTestId('portal-inbox-text').filter({ hasText: '您申请更正的「姓名」已由工会更新' }).waitFor()
    await page.context().close()
  })

  it("the inbox shows the update after the cadre accepts the worker's request, and a reply, never an internal note", async () => {
    const cadre = await staffApi(url, 'cadre.donghuamen')
    assert.equal((await cadre('POST', `/api/v1/requests/${mineId}/actions`, { action: 'accept' })).status, 200)
    assert.equal((await cadre('POST', `/api/v1/requests/${mineId}/messages`, { body: '内部：先核实考勤记录', internal: true })).status, 200)
    assert.equal((await cadre('POST', `/api/v1/requests/${mineId}/messages`, { body: '已联系公司人事核对加班记录', internal: false })).status, 200)

    const page = workerPage
    await page.goto(`${url}/portal/me`)
    await page.getByTestId('portal-me').waitFor()
    // The unread count on My account's tab and on the Notifications entry.
    const badge = page.getByTestId('portal-inbox-badge')
    await badge.waitFor()
    assert.equal(await badge.innerText(), '2')
    assert.match(await page.getByTestId('portal-me-entry-notifications').innerText(), /2 条未读/)
    await page.getByTestId('portal-me-entry-notifications').click()
    await page.getByTestId('portal-inbox').waitFor()
    const texts = await page.getByTestId('portal-inbox-text').allTextContents()
    assert.equal(texts.length, 2, 'the internal note is not an update for the worker')
    assert.match(texts[0], /^工会答复了您的诉求 \d+「加班费没有结算」$/)
    assert.match(texts[1], /^您的诉求 \d+「加班费没有结算」已受理$/)
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-inbox-phone.png')

    // Opening an entry marks it read and shows the request with the reply.
    await page.getByTestId('portal-inbox-entry').nth(1).click()
    await page.getByTestId('tracked').waitFor()
    assert.equal(await page.getByTestId('tracked-status').innerText(), '已受理')
    assert.equal(await badge.innerText(), '1')
    await page.goBack()
    await page.getByTestId('portal-inbox-read-all').click()
    await badge.waitFor({ state: 'detached' })

    // The same page in English reads the same entries in English.
    await page.locator('[data-testid="locale-switch"] [data-locale="en"]').click()
    await page.getByText(/^The union answered your request \d+ “加班费没有结算”$/).waitFor()
    await page.context().close()
  })

  it('a worker signs out everywhere and My account asks to sign in again', async () => {
    const page = await phonePage()
    // worker.demo, bound by the demo; reads and accepts the notice in English.
    await signInOnPhone(page, '13600001019', async (notice) => {
      await notice.locator('[data-testid="locale-switch"] [data-locale="en"]').click()
      await notice.getByText('Zhijia privacy notice').waitFor()
      await notice.getByText('Accept and continue').waitFor()
    })
    assert.equal(await page.getByTestId('portal-me-name').textContent(), '李明华')
    await page.getByTestId('portal-me-entry-data').click()
    await page.getByTestId('portal-my-data').waitFor()
    await page.getByTestId('my-data-consent').getByText('Optional uses').waitFor()
    await page.getByTestId('my-data-consent-activity_sms').click()
    await page.getByTestId('my-data-consents').getByText('History').waitFor()
    const notice = await page.getByTestId('my-data-notice').innerText()
    assert.match(notice, /Version accepted\s+1/)
    await page.getByTestId('my-data-reveal').getByText('See the full numbers').waitFor()
    await page.getByTestId('my-data-correction-form').getByText('The ID number cannot be corrected online').waitFor()
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-my-data-en-phone.png')
    await page.getByTestId('my-data-correction-form').screenshot({ path: path.join(artifactsDir, 'portal-my-data-correction-en-phone.png') })
    await page.getByTestId('portal-tab-portal-me').click()
    await page.getByTestId('portal-me').waitFor()
    await page.getByTestId('portal-sign-out-everywhere').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await page.getByTestId('portal-welcome').waitFor()
    await page.goto(`${url}/portal/me`)
    await page.getByTestId('portal-phone').waitFor()
    await page.context().close()
  })
})
