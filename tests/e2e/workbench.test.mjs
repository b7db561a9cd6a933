// The console's home is the workbench (issue 18): for a street cadre and a district's staff the
// numbers on the cards are the API's (GET /api/v1/workbench), a to-do card opens its filtered
// list with exactly that many rows, a worker signing in lands in the portal, and the home has no
// horizontal overflow on a phone. Screenshots of the home at 1366x800 and 390x844, in zh-CN and
// en, land in tests/e2e/artifacts/.
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

let browser
const problems = []

async function newPage(viewport, locale) {
  const phone = viewport === PHONE
  const context = await browser.newContext({
    viewport,
    locale,
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  })
  await context.addInitScript((l) => globalThis.localStorage.setItem('zhijia.locale', l), locale)
  return watchedPage(context, problems)
}
/** Signs the page's context in through the API (the page shares its cookies). */
async function signIn(page, username) {
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
}
async function workbench(page) {
  const res = await page.request.get(`${url}/api/v1/workbench`)
  assert.equal(res.status(), 200, await res.text())
  return (await res.json()).cards
}
/** What a card shows for the API's value, formatted as the page formats it. */
function shown(card, locale) {
  if (card.rate !== undefined) {
    if (card.rate === null) return '—'
    return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(card.rate)
  }
  return new Intl.NumberFormat(locale).format(card.count ?? 0)
}
async function openHome(page) {
  await page.goto(`${url}/`)
  await page.getByTestId('home-welcome').waitFor()
  await page.locator('[data-testid^="workbench-card-"]').first().waitFor()
}
async function assertCardsAreTheApis(page, locale) {
  const cards = await workbench(page)
  assert.ok(cards.length > 0, 'the account has cards')
  for (const card of cards) {
    const value = page.getByTestId(`workbench-card-${card.id}`).getByTestId('workbench-value').first()
    assert.equal((await value.innerText()).trim(), shown(card, locale), `card ${card.id}`)
  }
  return cards
}
async function submit(page, category, title, phone) {
  const res = await page.request.post(`${url}/api/v1/portal/requests`, {
    data: { category, title, description: '工资未按时发放', contact_name: '赵师傅', contact_phone: phone, region_code: '110101001' },
  })
  assert.equal(res.status(), 201, await res.text())
}
async function queueRows(page) {
  return page.getByTestId('queue-table').locator('tbody tr.el-table__row')
}

before(async () => {
  browser = await launchChromium()
  // Requests from 东华门 street: two for the street (wages), one of legal aid (the district's).
  const page = await newPage(DESKTOP, 'zh-CN')
  await submit(page, 'rights.wage_arrears', '工资拖欠两个月', '13700003331')
  await submit(page, 'rights.wage_arrears', '加班费未结算', '13700003332')
  await submit(page, 'legal_aid', '劳动合同纠纷咨询', '13700003333')
  await page.context().close()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('the workbench', () => {
  for (const username of ['cadre.donghuamen', 'staff.dongcheng']) {
    it(`shows ${username} the API's numbers, and the "to accept" card opens that many requests`, async () => {
      const page = await newPage(DESKTOP, 'zh-CN')
      await signIn(page, username)
      await openHome(page)
      const cards = await assertCardsAreTheApis(page, 'zh-CN')
      const toAccept = cards.find((c) => c.id === 'requests_to_accept')
      assert.ok(toAccept && toAccept.count > 0 && toAccept.count <= 50, `requests to accept: ${JSON.stringify(toAccept)}`)
      await page.getByTestId('workbench-card-requests_to_accept').click()
      await page.waitForURL((u) => u.pathname === '/requests' && u.searchParams.get('box') === 'mine' && u.searchParams.get('status') === 'submitted')
      const rows = await queueRows(page)
      await rows.nth(toAccept.count - 1).waitFor()
      assert.equal(await rows.count(), toAccept.count)
      await page.context().close()
    })
  }

  it('the overdue card opens its queue with as many rows as it counts', async () => {
    const page = await newPage(DESKTOP, 'zh-CN')
    await signIn(page, 'staff.dongcheng')
    await openHome(page)
    const cards = await workbench(page)
    const overdue = cards.find((c) => c.id === 'requests_overdue')
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/requests?') && r.url().includes('box=overdue')),
      page.getByTestId('workbench-card-requests_overdue').click(),
    ])
    await page.waitForURL((u) => u.pathname === '/requests' && u.searchParams.get('box') === 'overdue')
    if (overdue.count === 0) {
      await page.getByTestId('queue-table').locator('.el-table__empty-text').waitFor()
    } else {
      await (await queueRows(page)).nth(Math.min(overdue.count, 50) - 1).waitFor()
    }
    assert.equal(await (await queueRows(page)).count(), Math.min(overdue.count, 50))
    await page.context().close()
  })

  it('has no console account for a worker: the sign-in page sends workers to the portal', async () => {
    // Workers sign in to the portal by phone and code (issue 19); worker.demo is no console user.
    const page = await newPage(PHONE, 'zh-CN')
    await page.goto(`${url}/login`)
    await page.getByTestId('login-username').fill('worker.demo')
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.locator('.el-message--error, .el-alert--error, [role=alert]').first().waitFor()
    assert.equal(new URL(page.url()).pathname, '/login')
    await page.locator('.login-portal').click()
    await page.waitForURL((u) => u.pathname.startsWith('/portal'))
    await page.context().close()
  })

  for (const locale of ['zh-CN', 'en']) {
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      it(`draws the cadre's home in ${locale} on a ${name} without overflow`, async () => {
        const page = await newPage(viewport, locale)
        await signIn(page, 'cadre.donghuamen')
        await openHome(page)
        await assertCardsAreTheApis(page, locale)
        const width = await page.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(width <= viewport.width, `the home is ${width}px wide on a ${viewport.width}px screen`)
        // No card is wider than its column: every card's content fits its box.
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid^="workbench-card-"]')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.getAttribute('data-testid')),
        )
        assert.deepEqual(clipped, [])
        // What the account meets first (the viewport), and the whole workbench (it scrolls inside
        // the console's main area, which a full-page shot of the document does not show).
        await page.screenshot({ path: path.join(artifactsDir, `workbench-${name}-${locale}.png`) })
        const height = await page.evaluate(() => document.querySelector('.home').getBoundingClientRect().bottom + 40)
        await page.setViewportSize({ width: viewport.width, height: Math.ceil(Math.max(height, viewport.height)) })
        await page.screenshot({ path: path.join(artifactsDir, `workbench-${name}-${locale}-all.png`) })
        await page.context().close()
      })
    }
  }
})
