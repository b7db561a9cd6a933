// The views of service requests in the browser (issue 7): the SLA countdown of a request past its
// deadline turns red in the queue (the browser's clock stands five days ahead); a request the
// worker rated 1 waits in the street cadre's "awaiting follow-up" tab until the cadre records the
// visit, then leaves it and the request shows the visit; the district's service dashboard draws
// its charts and its KPI cards say what the API says; the administrator's calendar page lists the
// shipped years, names the bad line of a text and loads a good one. Desktop (1366x900) and phone (390x844)
// screenshots of the new pages land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const DESKTOP = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }
const DAY = 24 * 3600 * 1000

let browser
const problems = []

async function desktopPage() {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
  return watchedPage(context, problems)
}
async function phonePage() {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  return watchedPage(context, problems)
}
async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}
async function assertNoHorizontalOverflow(page) {
  // Element Plus tables lay themselves out again a moment after a resize: give them 3 s to fit.
  await page.waitForFunction((max) => document.documentElement.scrollWidth <= max, PHONE.width, { timeout: 3000 }).catch(() => {})
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
function grouped(number) {
  return `${number.slice(0, 6)} ${number.slice(6, 10)} ${number.slice(10)}`
}
/** Submits a request on the portal (no account) from the street of 东华门; returns its number. */
async function submit(page, title, phone) {
  const res = await page.request.post(`${url}/api/v1/portal/requests`, {
    data: { category: 'rights.wage_arrears', title, description: '工资未按时发放', contact_name: '赵师傅', contact_phone: phone, region_code: '110101001' },
  })
  assert.equal(res.status(), 201, await res.text())
  return (await res.json()).tracking_number
}
/** Signs `page`'s context in through the API and returns a caller for unsafe requests. */
async function apiAs(page, username) {
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  const { csrf_token: csrf } = await res.json()
  return {
    get: async (p) => (await page.request.get(`${url}${p}`)).json(),
    post: async (p, data) => {
      const r = await page.request.post(`${url}${p}`, { data, headers: { 'X-CSRF-Token': csrf } })
      assert.equal(r.status(), 200, await r.text())
      return r.json()
    },
  }
}
async function idOf(api, tracking) {
  const page = await api.get('/api/v1/requests?box=all&limit=200')
  const item = page.items.find((i) => i.tracking_number === tracking)
  assert.ok(item, `request ${tracking} not in the queue`)
  return item.id
}

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('service request views', () => {
  it('a request past its deadline counts down in red in the queue', async () => {
    const page = await desktopPage()
    const late = await submit(page, '加班费未结算', '13700001111')
    // The browser's clock five days ahead: past the one working day to accept, whatever the weekday.
    await page.clock.install({ time: Date.now() + 5 * DAY })
    await signIn(page, 'cadre.donghuamen')
    await page.goto(`${url}/requests?box=all`)
    const row = page.getByTestId('queue-table').locator('tr', { hasText: grouped(late) }).first()
    await row.waitFor()
    const sla = row.getByTestId('sla')
    assert.equal(await sla.getAttribute('data-overdue'), 'true')
    assert.match(await sla.innerText(), /已超时/)
    assert.match((await sla.getAttribute('class')) ?? '', /\boverdue\b/)
    const colour = await sla.evaluate((el) => getComputedStyle(el).color)
    assert.equal(colour, 'rgb(245, 108, 108)', 'Element Plus danger red')
    await page.context().close()
  })

  it('a request rated 1 waits for its follow-up visit until the cadre records it', async () => {
    const page = await desktopPage()
    const tracking = await submit(page, '工伤认定无人回复', '13700002222')
    const cadreApi = await apiAs(page, 'cadre.donghuamen')
    const id = await idOf(cadreApi, tracking)
    await cadreApi.post(`/api/v1/requests/${id}/actions`, { action: 'resolve', body: '已协调企业申报工伤' })
    const rated = await page.request.post(`${url}/api/v1/portal/requests/rate`, {
      data: { tracking_number: tracking, phone_last4: '2222', rating: 1, comment: '没人联系我' },
    })
    assert.equal(rated.status(), 200, await rated.text())

    // Signed in already through the API (the same cookie jar).
    await page.goto(`${url}/requests?box=follow_up`)
    const row = page.getByTestId('follow-up-table').locator('tr', { hasText: grouped(tracking) }).first()
    await row.waitFor()
    await row.getByTestId('follow-up-reason-low_rating').getByText('低分').waitFor()
    assert.equal(await row.getByTestId('follow-up-rating').getAttribute('data-rating'), '1')
    assert.match(await row.innerText(), /东华门街道总工会/)
    assert.match(await row.innerText(), /没人联系我/)
    await shot(page, 'requests-follow-up-desktop.png')

    const phone = await phonePage()
    await phone.context().addCookies(await page.context().cookies())
    await phone.goto(`${url}/requests?box=follow_up`)
    // One card per visit on a phone, with the reason and the rating in view.
    const card = phone.getByTestId('follow-up-table').locator('.card', { hasText: grouped(tracking) }).first()
    await card.getByTestId('follow-up-reason-low_rating').waitFor()
    assert.equal(await card.getByTestId('follow-up-rating').getAttribute('data-rating'), '1')
    await assertNoHorizontalOverflow(phone)
    await shot(phone, 'requests-follow-up-phone.png')
    await phone.context().close()

    // A visit needs a note; then the row leaves the queue.
    await row.getByTestId('follow-up-record').click()
    const dialog = page.getByTestId('follow-up-dialog')
    await dialog.getByTestId('follow-up-save').click()
    await dialog.getByText('必填').waitFor()
    await dialog.getByTestId('follow-up-note').fill('电话回访：企业已申报工伤，职工表示认可')
    await dialog.getByTestId('follow-up-save').click()
    await page.getByTestId('follow-up-table').getByText('没有待回访的诉求').waitFor()

    await page.goto(`${url}/requests/${id}`)
    const followUp = page.getByTestId('request-follow-up')
    await followUp.getByTestId('follow-up-state-tag').getByText('已回访').waitFor()
    assert.equal(await followUp.getByTestId('follow-up-note-text').innerText(), '电话回访：企业已申报工伤，职工表示认可')
    await page.getByTestId('internal-history').getByText('电话回访：企业已申报工伤，职工表示认可').waitFor()
    await page.context().close()
  })

  it('the district dashboard draws its charts and its KPIs match the API', async () => {
    const page = await desktopPage()
    await signIn(page, 'staff.dongcheng')
    await page.getByTestId('menu-request-dashboard').click()
    await page.getByTestId('service-org-name').getByText('东城区总工会').waitFor()
    for (const chart of ['service-volume-chart', 'service-escalations-chart', 'service-satisfaction-chart', 'service-resolve-chart']) {
      await page.getByTestId(chart).locator('canvas').first().waitFor()
    }
    const api = await (await page.request.get(`${url}/api/v1/requests/dashboard?weeks=12`)).json()
    assert.ok(api.total.submitted >= 2, JSON.stringify(api.total))
    const kpi = async (id) => (await page.getByTestId(`service-kpi-${id}`).getByTestId('kpi-value').innerText()).trim()
    assert.equal(await kpi('volume'), String(api.total.submitted))
    assert.equal(await kpi('escalations'), String(api.total.escalated))
    assert.equal(await kpi('rating'), api.average_rating.toFixed(1))
    assert.equal(await kpi('resolved-on-time'), `${(api.resolved_on_time_rate * 100).toFixed(1)}%`)
    const overdue = page.getByTestId('service-overdue-table')
    await overdue.waitFor()
    await page.waitForTimeout(600) // the charts' entry animation
    await shot(page, 'requests-dashboard-desktop.png')
    // The console scrolls inside its main pane: a second picture shows the lower charts and the table.
    await overdue.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(artifactsDir, 'requests-dashboard-desktop-lower.png') })

    await page.setViewportSize(PHONE)
    await page.getByTestId('service-volume-chart').locator('canvas').first().waitFor()
    await page.waitForTimeout(600)
    await assertNoHorizontalOverflow(page)
    await shot(page, 'requests-dashboard-phone.png')
    await page.context().close()
  })
  it('the calendar page lists the shipped years and names the bad line of a loaded text', async () => {
    const page = await desktopPage()
    await signIn(page, 'admin')
    await page.getByTestId('menu-calendars').click()
    const table = page.getByTestId('calendars-table')
    for (const year of ['2025', '2026']) await table.locator('tr', { hasText: year }).filter({ hasText: '内置' }).first().waitFor()

    await page.getByTestId('calendar-load').click()
    const dialog = page.getByTestId('calendar-dialog')
    await dialog.getByTestId('calendar-text').fill('year 2027\noff 2027-13-01 坏日期\nwork 2027-01-02 元旦调休')
    await dialog.getByTestId('calendar-save').click()
    const problem = dialog.getByTestId('calendar-problem')
    await problem.waitFor()
    assert.match(await problem.innerText(), /第 2 行/)
    const bad = dialog.getByTestId('calendar-preview').locator('.bad')
    assert.match(await bad.innerText(), /off 2027-13-01/)
    await page.screenshot({ path: path.join(artifactsDir, 'calendars-error-desktop.png') })

    await dialog.getByTestId('calendar-text').fill('year 2027\noff 2027-01-01 元旦\nwork 2027-01-02 元旦调休')
    await dialog.getByTestId('calendar-save').click()
    await dialog.waitFor({ state: 'hidden' })
    const loaded = table.locator('tr', { hasText: '2027' }).first()
    await loaded.getByText('已载入').waitFor()
    await shot(page, 'calendars-desktop.png')

    await page.setViewportSize(PHONE)
    await table.waitFor()
    await assertNoHorizontalOverflow(page)
    await shot(page, 'calendars-phone.png')
    await page.context().close()
  })
})
