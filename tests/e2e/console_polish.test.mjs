// What a cadre meets on every page (issue 18, polish): the first visit speaks the browser's
// language; on a phone the sign-in header keeps the name whole and the language switch on one
// row; English table headers and cells never cut a word in two (measured, not only looked at);
// the audit log reads in words with the record linked and no server path; a form's error goes
// away as the field is fixed, without submitting again. Screenshots land in tests/e2e/artifacts/.
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

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

/** A page in a fresh context; `stored` is the language already chosen (none: a first visit). */
async function newPage(viewport, browserLocale, stored) {
  const phone = viewport === PHONE
  const context = await browser.newContext({
    viewport,
    locale: browserLocale,
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  })
  if (stored) await context.addInitScript((l) => globalThis.localStorage.setItem('zhijia.locale', l), stored)
  return watchedPage(context, problems)
}
async function signIn(page, username) {
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  return (await res.json()).csrf_token
}
const shot = (page, name) => page.screenshot({ path: path.join(artifactsDir, name) })

/** Words (Latin, 4+ letters) wider than the table cell they sit in: they must break inside. */
function wordsCutInTables(page) {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')
    const cut = []
    for (const cell of document.querySelectorAll('.el-table th .cell, .el-table td .cell')) {
      const cs = getComputedStyle(cell)
      if (!cell.offsetParent || (cs.textOverflow === 'ellipsis' && cs.whiteSpace === 'nowrap')) continue
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
      const room = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
      for (const word of cell.innerText.split(/\s+/)) {
        if (/^[A-Za-z][A-Za-z'’-]{3,}$/.test(word) && ctx.measureText(word).width > room + 1) cut.push(`${word} in ${Math.round(room)} px`)
      }
    }
    return cut
  })
}

describe('console polish', () => {
  for (const [browserLocale, title] of [
    ['en-US', 'Staff sign-in'],
    ['zh-CN', '工作人员登录'],
  ]) {
    it(`opens in the browser's language on a first visit (${browserLocale})`, async () => {
      const page = await newPage(DESKTOP, browserLocale)
      await page.goto(`${url}/login`)
      await page.getByText(title).first().waitFor()
      assert.equal(await page.evaluate(() => document.documentElement.lang), browserLocale === 'en-US' ? 'en' : 'zh-CN')
      await page.context().close()
    })
  }

  for (const locale of ['zh-CN', 'en']) {
    it(`keeps the sign-in header on one line on a phone (${locale})`, async () => {
      const page = await newPage(PHONE, locale, locale)
      await page.goto(`${url}/login`)
      const brand = page.locator('.login-top .brand')
      await brand.waitFor()
      const box = await brand.boundingBox()
      const sw = await page.getByTestId('locale-switch').boundingBox()
      assert.ok(box.height <= 40, `the name wraps: ${box.height} px high`)
      assert.ok(sw.height <= 32, `the language switch takes two rows: ${sw.height} px high`)
      assert.ok(box.x + box.width <= sw.x, 'the name and the switch do not overlap')
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width)
      await shot(page, `polish-login-phone-${locale}.png`)
      await page.context().close()
    })
  }

  for (const [viewport, where, route, testid] of [
    [DESKTOP, 'desktop', '/members', 'members-table'],
    [DESKTOP, 'desktop', '/audit', 'audit-table'],
    [PHONE, 'phone', '/enterprises', 'enterprises-table'],
    [PHONE, 'phone', '/founding', null],
  ]) {
    it(`keeps English words whole in the tables of ${route} (${where})`, async () => {
      const page = await newPage(viewport, 'en-US', 'en')
      await signIn(page, 'admin')
      await page.goto(`${url}${route}`)
      await page.locator('.el-table').first().waitFor()
      if (testid) await page.getByTestId(testid).locator('.el-table__row').first().waitFor()
      assert.deepEqual(await wordsCutInTables(page), [])
      await page.context().close()
    })
  }

  it('shows the audit log in words, links the request, and never a server path', async () => {
    const page = await newPage(DESKTOP, 'zh-CN', 'zh-CN')
    const submitted = await page.request.post(`${url}/api/v1/portal/requests`, {
      data: { category: 'rights.wage_arrears', title: '工资未发', description: '两个月', contact_name: '赵师傅', contact_phone: '13712340001', region_code: '110101001' },
    })
    assert.equal(submitted.status(), 201, await submitted.text())
    const csrf = await signIn(page, 'cadre.donghuamen')
    const found = await (await page.request.get(`${url}/api/v1/requests?q=${(await submitted.json()).tracking_number}`)).json()
    const id = found.items[0].id
    const accepted = await page.request.post(`${url}/api/v1/requests/${id}/actions`, { data: { action: 'accept' }, headers: { 'X-CSRF-Token': csrf } })
    assert.equal(accepted.status(), 200, await accepted.text())

    await signIn(page, 'staff.dongcheng') // the cadre's district reads its subtree's log
    await page.goto(`${url}/audit`)
    const row = page.getByTestId('audit-table').locator('.el-table__row', { hasText: '受理诉求' }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /诉求/)
    assert.match(await row.innerText(), /原状态\s*待受理/)
    assert.match(await row.innerText(), /新状态\s*已受理/)
    assert.equal(await row.getByTestId('audit-target-link').getAttribute('href'), `/requests/${id}`)
    const table = await page.getByTestId('audit-table').innerText()
    assert.doesNotMatch(table, /service_request|request\.accept|\/tmp\//)
    await shot(page, 'polish-audit-desktop-zh-CN.png')
    await row.getByTestId('audit-target-link').click()
    await page.waitForURL(`${url}/requests/${id}`)
    await page.context().close()
  })

  it("clears a portal form's error as the field is fixed, and checks the workplace before the server", async () => {
    const page = await newPage(PHONE, 'zh-CN', 'zh-CN')
    await page.goto(`${url}/portal/requests`)
    await page.getByTestId('portal-request-form').waitFor()
    await page.getByTestId('portal-submit').click()
    const errors = page.locator('.el-form-item__error')
    await errors.first().waitFor()
    const before = await errors.count()
    assert.ok(before >= 5, `category, workplace, title, description, name and phone are required: ${before}`)
    await page.getByText('请从下拉列表中选择您的工作单位').waitFor()

    await page.getByTestId('field-title').fill('三个月工资未发')
    await page.waitForFunction((n) => document.querySelectorAll('.el-form-item__error').length === n - 1, before)
    await page.getByTestId('field-where').getByText('按所在街道').click()
    await page.getByTestId('field-street').fill('东华门')
    await page.locator('.el-autocomplete-suggestion li:visible', { hasText: '东华门街道' }).first().click()
    await page.waitForFunction((n) => document.querySelectorAll('.el-form-item__error').length === n - 2, before)
    assert.equal(await page.getByText('请从下拉列表中选择').count(), 0)
    await shot(page, 'polish-portal-errors-phone-zh-CN.png')
    await page.context().close()
  })
})
