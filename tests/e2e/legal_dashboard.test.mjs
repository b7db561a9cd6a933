// The legal figures on the hardship dashboard (issue 20 "Views and figures"): a street cadre's
// cases — two wage arrears, one of them closed with money recovered, a work injury at
// arbitration, a collective dispute by its claim — show on the dashboard by type and by stage,
// with the money and the collective disputes; a figure opens the case list filtered so, with as
// many rows as it counts. On a desktop in Chinese and on a phone (390x844) in English, no wider
// than the screen (measured). Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const DESKTOP = { width: 1366, height: 800 }
const PHONE = { width: 390, height: 844 }
const SETUPS = [
  { name: 'desktop-zh', viewport: DESKTOP, locale: 'zh-CN' },
  { name: 'phone-en', viewport: PHONE, locale: 'en' },
]
const CADRE = 'cadre.donghuamen'

let browser
const problems = []

async function pageFor(setup) {
  const phone = setup.viewport === PHONE
  const context = await browser.newContext({
    viewport: setup.viewport,
    locale: setup.locale,
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  })
  await context.addInitScript((locale) => window.localStorage.setItem('zhijia.locale', locale), setup.locale)
  const page = await watchedPage(context, problems)
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username: CADRE, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  return page
}
async function assertNoHorizontalOverflow(page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
  assert.ok(scroll <= inner, `the page is ${scroll}px wide in a ${inner}px window`)
}
/** The legal case list's rows, every page of it. */
async function listedRows(page) {
  await page.getByTestId('legal-list-view').waitFor()
  const table = page.getByTestId('legal-table')
  await table.locator('[data-testid="legal-row-title"]').first().waitFor()
  for (let i = 0; i < 20 && (await page.getByTestId('legal-more').count()) > 0; i++) {
    await page.getByTestId('legal-more').click()
    await page.waitForTimeout(300)
  }
  return table.locator('[data-testid="legal-row-title"]').count()
}

/** Today in China (YYYY-MM-DD), the day a stage may start at the latest. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

before(async () => {
  browser = await launchChromium()
  const api = await staffApi(url, CADRE)
  const open = async (type, title, claimedFen) => {
    const res = await api('POST', '/api/v1/legal/cases', {
      type,
      title,
      employer_uscc: '91110000100000000R',
      employer_name: '某建筑劳务有限公司',
      claimed_fen: claimedFen,
    })
    assert.equal(res.status, 201, JSON.stringify(res.body))
    return res.body.case.id
  }
  await open('wage_arrears', '拖欠三个月工资', 3_600_000)
  const closed = await open('wage_arrears', '拖欠加班工资', 1_200_000)
  const injury = await open('work_injury', '工伤认定', 800_000)
  await open('wage_arrears', '工地集体欠薪', 60_000_000) // collective by its claim
  const done = await api('POST', `/api/v1/legal/cases/${closed}/close`, { outcome: '调解结案', recovered_fen: 1_000_000 })
  assert.equal(done.status, 200, JSON.stringify(done.body))
  const moved = await api('POST', `/api/v1/legal/cases/${injury}/stages`, { stage: 'arbitration', started_on: today, note: '仲裁委受理' })
  assert.equal(moved.status, 200, JSON.stringify(moved.body))
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('the legal figures on the dashboard', () => {
  for (const setup of SETUPS) {
    it(`shows the cases by type and stage and opens the filtered list (${setup.name})`, async () => {
      const page = await pageFor(setup)
      await page.goto(`${url}/hardship/dashboard`)
      const figures = page.getByTestId('legal-figures')
      await figures.getByTestId('legal-figures-types').waitFor()
      const value = async (id) => (await figures.getByTestId(`legal-kpi-${id}`).getByTestId('kpi-value').innerText()).trim()
      assert.equal(await value('open'), '3')
      assert.equal(await value('collective'), '1')
      assert.equal(await value('claimed'), '¥656,000.00')
      assert.equal(await value('recovered'), '¥10,000.00')
      const wages = figures.getByTestId('legal-figure-type-wage_arrears')
      assert.equal((await wages.getByTestId('legal-figure-n').innerText()).trim(), '3')
      assert.equal((await figures.getByTestId('legal-figure-stage-arbitration').getByTestId('legal-figure-n').innerText()).trim(), '1')
      await page.getByTestId('legal-figures-chart').waitFor()
      await assertNoHorizontalOverflow(page)
      await figures.scrollIntoViewIfNeeded()
      await page.screenshot({ path: path.join(artifactsDir, `legal-dashboard-${setup.name}.png`), fullPage: true })

      // A figure opens the list filtered so, with as many rows as it counts.
      await wages.click()
      await page.waitForURL(/\/legal-cases\?type=wage_arrears/)
      assert.equal(await listedRows(page), 3)
      await assertNoHorizontalOverflow(page)
      await page.goBack()
      await figures.getByTestId('legal-figure-collective').click()
      await page.waitForURL(/collective=true/)
      assert.equal(await listedRows(page), 1)
      await page.context().close()
    })
  }
})
