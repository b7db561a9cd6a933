// Service requests in the browser (issue 7): a worker on a phone (390x844) submits a request on
// the portal without an account and keeps the tracking number; checking it with wrong digits
// gives a neutral "not found", with the right ones its status; the street's cadre accepts it,
// replies, adds an internal note and resolves it in the console; the worker sees the reply (never
// the note) and rates it; a second request left alone goes up to the district once
// `zhijia requests sweep --now <five days later>` has run beside the server, and shows in the
// district staff's "escalated to us" queue. Phone and desktop (1440x900) screenshots of the
// portal form, the tracking page, the queue and the detail land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, runCli, startServer } from './server.mjs'

const { url, db } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }
const PHONE_NUMBER = '13912345678'
const HTML_TEXT = '<b>八月起</b>未发工资，车间 12 人'

let browser
const problems = []
let tracking = ''

async function phonePage() {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  return watchedPage(context, problems)
}
async function desktopPage() {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
  return watchedPage(context, problems)
}
async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}
/** No element wider than the phone's viewport (nothing to scroll sideways). */
async function assertNoHorizontalOverflow(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= PHONE.width, `the page is ${width}px wide on a ${PHONE.width}px phone`)
}
async function signIn(page, username) {
  await page.goto(`${url}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByTestId('console-user-name').waitFor()
}
/** The number as the pages show it: 261126 1234 56789. */
function grouped(number) {
  return `${number.slice(0, 6)} ${number.slice(6, 10)} ${number.slice(10)}`
}
async function pickOption(page, testId, label) {
  await page.getByTestId(testId).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}
async function track(page, number, last4) {
  await page.getByTestId('track-number').fill(number)
  await page.getByTestId('track-last4').fill(last4)
  await page.getByTestId('track-submit').click()
}

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('service requests', () => {
  it('a worker submits a request on a phone and gets a tracking number', async () => {
    const page = await phonePage()
    await page.goto(`${url}/portal/requests`)
    await page.getByTestId('portal-request-form').waitFor()
    await pickOption(page, 'field-category', '维权投诉 · 欠薪')
    await page.getByTestId('field-where').getByText('按所在街道').click()
    await page.getByTestId('field-street').fill('东华门')
    await page.locator('.el-autocomplete-suggestion li:visible', { hasText: '东华门街道' }).first().click()
    await page.getByTestId('field-title').fill('三个月工资未发')
    await page.getByTestId('field-description').fill(HTML_TEXT)
    await page.getByTestId('field-name').fill('王师傅')
    await page.getByTestId('field-phone').fill(PHONE_NUMBER)
    await assertNoHorizontalOverflow(page)
    await shot(page, 'requests-portal-form-phone.png')

    await page.getByTestId('portal-submit').click()
    const number = page.getByTestId('tracking-number')
    await number.waitFor()
    tracking = (await number.innerText()).replace(/\s/g, '')
    assert.match(tracking, /^\d{15}$/)
    await page.getByText('东华门街道总工会').waitFor()
    await assertNoHorizontalOverflow(page)
    await shot(page, 'requests-portal-receipt-phone.png')

    // Checking it: wrong digits are a neutral "not found", the right ones show the status.
    await page.getByTestId('receipt-track').click()
    await page.getByTestId('track-form').waitFor()
    await track(page, tracking, '0000')
    const problem = page.getByTestId('track-problem')
    await problem.waitFor()
    assert.match(await problem.innerText(), /未找到该诉求/)
    await track(page, tracking, '5678')
    await page.getByTestId('tracked-status').getByText('待受理').waitFor()
    assert.equal(await page.getByTestId('tracked-org').innerText(), '东华门街道总工会')
    await assertNoHorizontalOverflow(page)
    await shot(page, 'requests-portal-track-phone.png')
    await page.context().close()
  })

  it('the portal form fits a desktop window too', async () => {
    const page = await desktopPage()
    await page.goto(`${url}/portal/requests`)
    await page.getByTestId('portal-request-form').waitFor()
    await shot(page, 'requests-portal-form-desktop.png')
    await page.context().close()
  })

  it('the street cadre accepts, replies, notes and resolves it in the console', async () => {
    const page = await desktopPage()
    await signIn(page, 'cadre.donghuamen')
    await page.getByTestId('menu-requests').click()
    const row = page.getByTestId('queue-table').locator('tr', { hasText: grouped(tracking) })
    await row.first().waitFor()
    const sla = row.first().getByTestId('sla')
    assert.match(await sla.innerText(), /距受理时限/)
    assert.equal(await sla.getAttribute('data-overdue'), 'false')
    await shot(page, 'requests-queue-desktop.png')

    await row.first().click()
    await page.getByTestId('request-status').getByText('待受理').waitFor()
    assert.equal(await page.getByTestId('request-description').innerText(), HTML_TEXT, 'HTML is shown as text')
    await page.getByTestId('action-accept').click()
    await page.getByTestId('request-status').getByText('已受理').waitFor()
    await page.getByTestId('composer-tab-note').click()
    await page.getByTestId('note-body').fill('内部：已核实企业负责人电话')
    await page.getByTestId('send-note').click()
    await page.getByTestId('internal-history').getByText('内部：已核实企业负责人电话').waitFor()
    await page.getByTestId('composer-tab-reply').click()
    await page.getByTestId('reply-body').fill('您好，工会已受理，正在与企业沟通。')
    await page.getByTestId('send-reply').click()
    await page.locator('.reply-confirm').getByRole('button', { name: '发送给职工' }).click()
    await page.getByTestId('public-history').getByText('您好，工会已受理，正在与企业沟通。').waitFor()
    await page.getByTestId('action-resolve').click()
    const prompt = page.locator('.el-message-box')
    await prompt.locator('textarea').fill('企业已补发三个月工资')
    await prompt.getByRole('button', { name: '确定' }).click()
    await page.getByTestId('request-status').getByText('已办结').waitFor()
    await prompt.waitFor({ state: 'hidden' })
    await shot(page, 'requests-detail-desktop.png')
    await page.context().close()
  })

  it('the worker sees the reply but not the note, and rates the answer', async () => {
    const page = await phonePage()
    await page.goto(`${url}/portal/requests/track`)
    await track(page, tracking, '5678')
    await page.getByTestId('tracked-status').getByText('已办结').waitFor()
    await page.getByText('您好，工会已受理，正在与企业沟通。').waitFor()
    assert.equal(await page.getByText('内部：已核实企业负责人电话').count(), 0)
    assert.equal(await page.getByTestId('tracked-resolution').innerText(), '企业已补发三个月工资')
    await page.getByTestId('rate-stars').locator('.el-rate__item').nth(4).click()
    await page.getByTestId('rate-comment').fill('很及时，谢谢工会')
    await assertNoHorizontalOverflow(page)
    await shot(page, 'requests-portal-rate-phone.png')
    await page.getByTestId('rate-submit').click()
    await page.getByTestId('tracked-status').getByText('已关闭').waitFor()
    assert.equal(await page.getByTestId('rate-section').count(), 0)
    await page.context().close()
  })

  it('a request left alone goes up to the district after the deadline and shows there', async () => {
    const page = await desktopPage()
    const submitted = await page.request.post(`${url}/api/v1/portal/requests`, {
      data: {
        category: 'consultation',
        title: '年休假怎么算',
        description: '入职两年，年休假天数如何计算',
        contact_name: '李女士',
        contact_phone: '13800138000',
        region_code: '110101001',
      },
    })
    assert.equal(submitted.status(), 201, await submitted.text())
    const { tracking_number: late } = await submitted.json()

    // Five days later (beyond the one working day to accept, whatever the weekday), as the system.
    const later = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString()
    const out = runCli(['requests', 'sweep', '--db', db, '--now', later.replace(/\.\d+Z$/, 'Z')])
    assert.match(out, /\d/, out)

    await signIn(page, 'staff.dongcheng')
    await page.goto(`${url}/requests?box=escalated`)
    const row = page.getByTestId('queue-table').locator('tr', { hasText: grouped(late) })
    await row.first().waitFor()
    assert.match(await row.first().innerText(), /东城区总工会/)
    assert.match(await row.first().innerText(), /↑1/)
    await shot(page, 'requests-escalated-desktop.png')

    // The detail on a phone-sized window: one column, nothing sideways. (The row is clicked on
    // the desktop: on a phone the queue is a list of cards, not this table.)
    await row.first().click()
    await page.setViewportSize(PHONE)
    await page.getByTestId('request-number').waitFor()
    await page.getByTestId('internal-history').getByText('超时上报至').waitFor()
    await shot(page, 'requests-detail-phone.png')
    await page.context().close()
  })
})
