// A handler's request page and the hotline's queue in the browser (issue 18), on a desktop
// (1366x800) and a phone (390x844), in Chinese and in English: the moves offered follow the
// request's state with the next step first; an internal note and a reply are written in two
// labelled areas, a reply only after a confirmation, and the worker's tracking page (the portal)
// shows the reply and never the note; the worker's phone is revealed with a reason, called through
// a tel: link, and the reveal is in the audit page; the queue finds a request by its tracking
// number and by the phone, its tabs carry counts equal to the API's, and on a phone it is a list
// of cards no wider than the screen (measured). Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const DESKTOP = { width: 1366, height: 800 }
const PHONE = { width: 390, height: 844 }
/** Each check runs on a desktop in Chinese and on a phone in English. */
const SETUPS = [
  { name: 'desktop-zh', viewport: DESKTOP, locale: 'zh-CN' },
  { name: 'phone-en', viewport: PHONE, locale: 'en' },
]
const TEXT = {
  'zh-CN': {
    toContact: /距联系时限/,
    noteSaved: '内部备注已保存',
    replyConfirmTitle: '发送给职工？',
    sendReply: '发送给职工',
    reveal: '查看完整个人信息',
  },
  en: {
    toContact: /left to contact/,
    noteSaved: 'Internal note saved',
    replyConfirmTitle: 'Send to the worker?',
    sendReply: 'Send to the worker',
    reveal: null, // the audit page's own words are another module's
  },
}

let browser
const problems = []
let phoneSerial = 0

async function pageFor(setup) {
  const phone = setup.viewport === PHONE
  const context = await browser.newContext({
    viewport: setup.viewport,
    locale: setup.locale,
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  })
  await context.addInitScript((locale) => window.localStorage.setItem('zhijia.locale', locale), setup.locale)
  return watchedPage(context, problems)
}
async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}
/** The document no wider than the window: measured, not only seen in a screenshot. */
async function assertNoHorizontalOverflow(page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
  assert.ok(scroll <= inner, `the page is ${scroll}px wide in a ${inner}px window`)
}
function grouped(number) {
  return `${number.slice(0, 6)} ${number.slice(6, 10)} ${number.slice(10)}`
}
function nextPhone() {
  phoneSerial += 1
  return `1371234${String(1000 + phoneSerial).slice(-4)}`
}
/** Submits a request on the portal (no account) from the street of 东华门; returns its number. */
async function submit(page, title, phone) {
  const res = await page.request.post(`${url}/api/v1/portal/requests`, {
    data: { category: 'rights.wage_arrears', title, description: '工资未按时发放', contact_name: '赵师傅', contact_phone: phone, region_code: '110101001' },
  })
  assert.equal(res.status(), 201, await res.text())
  return (await res.json()).tracking_number
}
/** Signs `page`'s context in through the API (the page then shares the cookie). */
async function apiAs(page, username) {
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  return { get: async (p) => (await page.request.get(`${url}${p}`)).json() }
}
async function idOf(api, tracking) {
  const found = await api.get(`/api/v1/requests?q=${tracking}`)
  assert.equal(found.items.length, 1, JSON.stringify(found))
  return found.items[0].id
}
/** The test ids of the action buttons, in their order on the page. */
async function offered(page) {
  const actions = page.getByTestId('request-actions')
  await actions.waitFor()
  return actions.locator('[data-testid^="action-"]').evaluateAll((els) => els.map((e) => e.dataset.testid.slice('action-'.length)))
}

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('request handling', () => {
  for (const setup of SETUPS) {
    it(`offers the moves of each state, the next step first (${setup.name})`, async () => {
      const page = await pageFor(setup)
      const tracking = await submit(page, '三个月工资未发', nextPhone())
      const api = await apiAs(page, 'cadre.donghuamen')
      const id = await idOf(api, tracking)
      await page.goto(`${url}/requests/${id}`)
      assert.deepEqual(await offered(page), ['accept', 'transfer', 'reject'], 'waiting to be accepted')
      assert.equal(await page.getByTestId('action-accept').getAttribute('data-primary'), 'true')
      assert.match((await page.getByTestId('action-accept').getAttribute('class')) ?? '', /el-button--primary/)
      assert.doesNotMatch((await page.getByTestId('action-transfer').getAttribute('class')) ?? '', /el-button--primary/)
      const milestones = page.getByTestId('request-milestones')
      assert.equal(await milestones.locator('[data-milestone="accept"]').getAttribute('data-state'), 'pending')
      if (setup.viewport === PHONE) await assertNoHorizontalOverflow(page)
      await shot(page, `request-detail-submitted-${setup.name}.png`)

      await page.getByTestId('action-accept').click()
      await page.waitForFunction(() => document.querySelector('[data-testid="action-contact"]') !== null)
      assert.deepEqual(await offered(page), ['contact', 'resolve', 'transfer'], 'accepted')
      assert.match(await page.getByTestId('request-sla').innerText(), TEXT[setup.locale].toContact, 'the countdown names its milestone')
      assert.equal(await milestones.locator('[data-milestone="accept"]').getAttribute('data-state'), 'met')
      assert.deepEqual(await api.get(`/api/v1/requests/${id}`).then((d) => d.allowed_actions), ['contact', 'resolve', 'transfer'])

      await page.getByTestId('action-contact').click()
      await page.waitForFunction(() => document.querySelector('[data-testid="action-contact"]') === null)
      assert.deepEqual(await offered(page), ['resolve', 'transfer'], 'in progress')
      assert.equal(await milestones.locator('[data-milestone="contact"]').getAttribute('data-state'), 'met')
      if (setup.viewport === PHONE) await assertNoHorizontalOverflow(page)
      await shot(page, `request-detail-in-progress-${setup.name}.png`)
      await page.context().close()
    })

    it(`keeps an internal note from the worker and confirms a reply (${setup.name})`, async () => {
      const page = await pageFor(setup)
      const phone = nextPhone()
      const tracking = await submit(page, '加班费未结算', phone)
      const api = await apiAs(page, 'cadre.donghuamen')
      await page.goto(`${url}/requests/${await idOf(api, tracking)}`)

      const note = `内部备注：企业法人电话已核实 ${setup.name}`
      await page.getByTestId('composer-tab-note').click()
      await page.getByTestId('note-body').fill(note)
      await page.getByTestId('send-note').click()
      await page.getByText(TEXT[setup.locale].noteSaved).first().waitFor()
      await page.getByTestId('internal-history').getByText(note).waitFor()

      const reply = `您好，我们已联系企业 ${setup.name}`
      await page.getByTestId('composer-tab-reply').click()
      await page.getByTestId('reply-body').fill(reply)
      await page.getByTestId('send-reply').click()
      // Nothing reaches the worker before the confirmation.
      const confirm = page.locator('.reply-confirm')
      await confirm.getByText(TEXT[setup.locale].replyConfirmTitle).waitFor()
      assert.equal((await api.get(`/api/v1/requests/${await idOf(api, tracking)}`)).events.filter((e) => e.kind === 'reply').length, 0)
      if (setup.viewport === PHONE) await assertNoHorizontalOverflow(page)
      await shot(page, `request-reply-confirm-${setup.name}.png`)
      await confirm.getByRole('button', { name: TEXT[setup.locale].sendReply }).click()
      await page.getByTestId('public-history').getByText(reply).waitFor()
      await shot(page, `request-composer-${setup.name}.png`)

      // The worker, without an account, on the portal's tracking page.
      const worker = await pageFor(setup)
      await worker.goto(`${url}/portal/requests/track`)
      await worker.getByTestId('track-number').fill(tracking)
      await worker.getByTestId('track-last4').fill(phone.slice(-4))
      await worker.getByTestId('track-submit').click()
      await worker.getByTestId('tracked-events').getByText(reply).waitFor()
      const shown = await worker.locator('body').innerText()
      assert.ok(!shown.includes('企业法人电话已核实'), 'the internal note is not on the worker\'s page')
      const json = await (
        await worker.request.post(`${url}/api/v1/portal/requests/track`, { data: { tracking_number: tracking, phone_last4: phone.slice(-4) } })
      ).text()
      assert.ok(!json.includes('企业法人电话已核实'), 'nor in what the portal is sent')
      if (setup.viewport === PHONE) await assertNoHorizontalOverflow(worker)
      await shot(worker, `portal-track-after-note-${setup.name}.png`)
      await worker.context().close()
      await page.context().close()
    })

    it(`reveals the worker's phone with a reason, offers a call and audits it (${setup.name})`, async () => {
      const page = await pageFor(setup)
      const phone = nextPhone()
      const tracking = await submit(page, '工伤认定', phone)
      const api = await apiAs(page, 'cadre.donghuamen')
      const id = await idOf(api, tracking)
      await page.goto(`${url}/requests/${id}`)
      const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
      assert.equal(await page.getByTestId('request-phone-masked').innerText(), masked)
      await page.getByTestId('request-phone-reveal').click()
      const prompt = page.locator('.request-phone-reveal')
      const reason = `回电核实工伤经过 ${setup.name}`
      await prompt.locator('input').fill(reason)
      await prompt.locator('.el-button--primary').click()
      const call = page.getByTestId('request-phone-call')
      await call.waitFor()
      assert.equal(await call.getAttribute('href'), `tel:${phone}`)
      assert.match(await call.innerText(), new RegExp(phone))
      if (setup.viewport === PHONE) await assertNoHorizontalOverflow(page)
      await shot(page, `request-phone-revealed-${setup.name}.png`)
      await page.context().close()

      // The district's staff find the look in the audit page, with its reason.
      const staff = await pageFor(setup)
      await apiAs(staff, 'staff.dongcheng')
      await staff.goto(`${url}/audit`)
      await staff.getByTestId('audit-target-id').fill(id)
      await staff.getByTestId('audit-search').click()
      const row = staff.getByTestId('audit-table').locator('tr', { hasText: reason }).first()
      await row.waitFor()
      const text = await row.innerText()
      assert.match(text, /cadre\.donghuamen/)
      if (TEXT[setup.locale].reveal) assert.match(text, new RegExp(TEXT[setup.locale].reveal))
      assert.ok(!text.includes(phone), 'the number itself is never in the log')
      await shot(staff, `audit-request-phone-${setup.name}.png`)
      await staff.context().close()
    })

    it(`finds a request by its number and by the phone, and counts the tabs (${setup.name})`, async () => {
      const page = await pageFor(setup)
      const phone = nextPhone()
      const tracking = await submit(page, '社保断缴', phone)
      await submit(page, '劳动合同未签', nextPhone())
      const api = await apiAs(page, 'operator')
      await page.goto(`${url}/requests`)
      const counts = await api.get('/api/v1/requests/counts')
      const badge = page.getByTestId('queue-count-new')
      await badge.waitFor({ state: 'attached' })
      assert.equal(await badge.getAttribute('data-count'), String(counts.new), 'the tab says what the API says')
      assert.ok(counts.new >= 2)

      const list = page.getByTestId('queue-table')
      const rows = setup.viewport === PHONE ? list.getByTestId('request-card') : list.locator('tbody tr')
      for (const q of [grouped(tracking), `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]) {
        await page.getByTestId('queue-search-input').fill(q)
        await page.getByTestId('queue-search-button').click()
        await page.getByTestId('queue-searching').waitFor()
        await list.getByText(grouped(tracking)).first().waitFor()
        await page.waitForFunction(
          ([selector]) => document.querySelectorAll(selector).length === 1,
          [setup.viewport === PHONE ? '[data-testid="request-card"]' : '[data-testid="queue-table"] tbody tr'],
        )
        assert.equal(await rows.count(), 1, `one request found by ${q}`)
      }
      if (setup.viewport === PHONE) {
        await assertNoHorizontalOverflow(page)
        await shot(page, `queue-search-${setup.name}.png`)
        // Back to the tabs: every request a card, none wider than the screen.
        await page.getByTestId('queue-searching').locator('.el-tag__close').click()
        await page.getByTestId('queue-tab-all').click()
        await list.getByTestId('request-card').nth(1).waitFor()
        const widest = await list.getByTestId('request-card').evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().right)))
        assert.ok(widest <= PHONE.width, `a card reaches ${widest}px on a ${PHONE.width}px phone`)
        assert.equal(await page.locator('.el-table').count(), 0, 'no table on a phone')
        await assertNoHorizontalOverflow(page)
        await shot(page, `queue-cards-${setup.name}.png`)
      } else {
        await shot(page, `queue-search-${setup.name}.png`)
        await page.getByTestId('queue-searching').locator('.el-tag__close').click()
        await page.getByTestId('queue-tabs').waitFor()
        await list.locator('tbody tr').nth(1).waitFor()
        // A countdown is one line: an inline box broken across lines has more than one rect.
        const lines = await list.getByTestId('sla').evaluateAll((els) => els.map((e) => e.getClientRects().length))
        assert.ok(lines.length > 0 && lines.every((n) => n === 1), `countdowns on ${lines} lines`)
        const cut = await list.locator('tbody tr td:first-child .cell').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).length)
        assert.equal(cut, 0, 'no tracking number is cut')
        await shot(page, `queue-tabs-${setup.name}.png`)
      }
      await page.context().close()
    })
  }
})
