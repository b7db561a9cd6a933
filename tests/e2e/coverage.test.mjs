// Coverage in the browser (issue 5): district staff open their district's dashboard, see its
// chart and non-zero figures, drill into a street by clicking its row, export the founding list
// to XLSX and read the file back (header row, largest first), browse the union tree, and find
// nothing when they edit the URL to another district's org. Desktop (1366x800) and phone
// (390x844) screenshots land in tests/e2e/artifacts/. The test adds its own enterprises to three
// 东城 streets through the API first, so the figures it checks do not depend on the demo data.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, importFromWeb, startServer } from './server.mjs'

const excel = await importFromWeb('read-excel-file/node')
const readSheet = excel.readSheet ?? excel.default?.readSheet

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const DESKTOP = { width: 1366, height: 800 }
const PHONE = { width: 390, height: 844 }
// The children chart's layout (web/src/views/coverage/charts.ts): legend band, then one row per child.
const CHART_TOP = 40
const CHART_ROW = 36
const FOUNDING_HEADER = ['序号', '单位名称', '统一社会信用代码', '行业', '职工人数', '所在区县', '所在街道', '负责工会', '联系方式']

let browser
const problems = []

// GB 32100-2015: 31 characters, weights 3^(i-1) mod 31, check character 31 - (sum mod 31).
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
function uscc(serial) {
  const first17 = `91110101MA0${String(serial).padStart(6, '0')}`
  let sum = 0
  let weight = 1
  for (const c of first17) {
    sum += USCC_CHARS.indexOf(c) * weight
    weight = (weight * 3) % 31
  }
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31]
}

// Street (GB/T 2260), name, GB/T 4754 section, employees, whether the street's test union covers it.
const SEED = [
  ['110101001', '北京东华门精密制造有限公司', 'C', 480, false],
  ['110101001', '北京东华门餐饮管理有限公司', 'H', 260, true],
  ['110101001', '北京东华门信息技术有限公司', 'I', 90, false],
  ['110101001', '北京东华门物流有限公司', 'G', 26, false],
  ['110101001', '北京东华门便利店', 'F', 8, false],
  ['110101002', '北京景山建筑工程有限公司', 'E', 320, true],
  ['110101002', '北京景山商贸有限公司', 'F', 150, false],
  ['110101002', '北京景山文化传媒有限公司', 'R', 40, false],
  ['110101002', '北京景山家政服务有限公司', 'O', 24, false],
  ['110101003', '北京交道口酒店有限公司', 'H', 210, false],
  ['110101003', '北京交道口软件有限公司', 'I', 130, true],
  ['110101003', '北京交道口房地产经纪有限公司', 'K', 60, false],
]

/** Adds a grassroots union to each seeded street and the SEED enterprises, as the administrator. */
async function seed() {
  const context = await browser.newContext()
  try {
    const api = context.request
    const login = await api.post(`${url}/api/v1/session`, { data: { username: 'admin', password: ADMIN_PASSWORD } })
    assert.equal(login.status(), 200, await login.text())
    const headers = { 'X-CSRF-Token': (await login.json()).csrf_token }
    const post = async (path, data) => {
      const response = await api.post(`${url}${path}`, { data, headers })
      assert.equal(response.status(), 201, `POST ${path}: ${await response.text()}`)
      return response.json()
    }
    const unions = {}
    for (const street of new Set(SEED.map((row) => row[0]))) {
      const found = await (await api.get(`${url}/api/v1/orgs?q=${street}`)).json()
      const streetOrg = found.items.find((o) => o.code === street)
      assert.ok(streetOrg, `the demo tree has the street ${street}`)
      unions[street] = await post('/api/v1/orgs', {
        code: `E2E-${street}`,
        name: `${streetOrg.name.replace(/总工会$/, '')}联合工会`,
        kind: 'grassroots',
        parent_id: streetOrg.id,
      })
    }
    for (const [i, [street, name, industry, employees, unionised]] of SEED.entries()) {
      await post('/api/v1/enterprises', {
        name,
        uscc: uscc(i + 1),
        region_code: street,
        industry,
        ownership: 'private',
        employees,
        employees_reported_on: '2026-06-30',
        union_org_id: unionised ? unions[street].id : null,
      })
    }
  } finally {
    await context.close()
  }
}

before(async () => {
  browser = await launchChromium()
  await seed()
})

after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'the pages raised errors or CSP violations')
})

/** A fresh browser context signed in as `username` (every demo account has ADMIN_PASSWORD). */
async function signedIn(username, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport === PHONE ? 2 : 1, locale: 'zh-CN', acceptDownloads: true })
  const page = await watchedPage(context, problems)
  await page.goto(`${url}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${url}/`)
  return { context, page }
}

/** A whole-page screenshot: the console scrolls inside its main area, so let the page grow for it. */
async function shot(page, name) {
  await page.waitForLoadState('networkidle')
  await page.mouse.move(0, 0) // no tooltip left over from a click
  await page.addStyleTag({ content: '.console { height: auto !important; min-height: 100vh; }' })
  await page.waitForTimeout(600) // ECharts animates bars in
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}

async function kpi(page, id) {
  return (await page.getByTestId(`kpi-${id}`).getByTestId('kpi-value').innerText()).trim()
}

function count(text) {
  return Number(text.replace(/[^\d.]/g, ''))
}

async function openDashboard(page) {
  await page.getByTestId('menu-coverage').click()
  await page.waitForURL(`${url}/coverage`)
  await page.getByTestId('coverage-children-chart').locator('canvas').first().waitFor()
}

async function foundingRows(file) {
  const rows = await readSheet(file)
  assert.ok(rows.length >= 1, 'the XLSX file has a header row')
  return { header: rows[0].map((c) => String(c).trim()), data: rows.slice(1) }
}

function assertLargestFirst(employees, what) {
  assert.ok(employees.length > 0, `${what}: no rows`)
  for (const [i, n] of employees.entries()) {
    assert.ok(Number.isFinite(n) && n >= 25, `${what}: row ${i + 1} has ${n} employees (founding list means 25 or more)`)
    if (i > 0) assert.ok(n <= employees[i - 1], `${what}: row ${i + 1} (${n}) is larger than row ${i} (${employees[i - 1]})`)
  }
}

describe('coverage in the browser', () => {
  it("shows district staff their district's dashboard with its chart and drills into a street", async () => {
    const { context, page } = await signedIn('staff.dongcheng')
    try {
      await openDashboard(page)
      assert.equal(await page.getByTestId('coverage-org-name').innerText(), '北京市东城区总工会')
      assert.ok(count(await kpi(page, 'enterprises')) > 0, 'the district has enterprises')
      assert.ok(count(await kpi(page, 'unionised-rate')) > 0, 'some of them have a union')
      assert.ok(count(await kpi(page, 'founding-gap')) > 0, 'and some of 25+ employees have none')
      assert.match(await kpi(page, 'membership-rate'), /^(\d+(\.\d)?%|—)$/)
      assert.ok(await page.getByTestId('coverage-industry-chart').locator('canvas').first().isVisible())
      assert.ok(await page.getByTestId('coverage-ranking-chart').locator('canvas').first().isVisible())
      await shot(page, 'coverage-desktop.png')

      // Click inside the first child's row (any point of the row opens it, on its bars or beside them).
      const districtUrl = page.url()
      const box = await page.getByTestId('coverage-children-chart').boundingBox()
      await page.mouse.click(box.x + box.width * 0.6, box.y + CHART_TOP + CHART_ROW / 2)
      await page.waitForURL(/\/coverage\/[^/]+$/)
      assert.notEqual(page.url(), districtUrl)
      await page.getByTestId('coverage-trail').getByText('北京市东城区总工会').waitFor()
      const street = await page.getByTestId('coverage-org-name').innerText()
      assert.equal(street, '东华门街道总工会', 'the first row is the first street by code')
      // Its own enterprises without a union have no child org to rank: the ranking says so.
      await page.getByTestId('coverage-ranking-empty').getByText('直属本级').waitFor()
      await page.getByTestId('kpi-enterprises').waitFor()
      await shot(page, 'coverage-street-desktop.png')

      await page.getByTestId('coverage-up').click()
      await page.getByTestId('coverage-org-name').getByText('北京市东城区总工会', { exact: true }).waitFor()
      assert.match(page.url(), /\/coverage\/[^/]+$/)
    } finally {
      await context.close()
    }
  })

  it('exports the founding list to an XLSX file with its header row, largest first', async () => {
    const { context, page } = await signedIn('staff.dongcheng')
    try {
      await openDashboard(page)
      await page.getByTestId('coverage-founding').click()
      await page.waitForURL(/\/founding\?org=/)
      await page.getByTestId('founding-employees').first().waitFor()
      const shown = (await page.getByTestId('founding-employees').allInnerTexts()).map(count)
      assertLargestFirst(shown, 'the page')
      const firstName = await page.getByTestId('founding-table').locator('.el-table__body tr').first().locator('td').nth(1).innerText()
      await shot(page, 'founding-desktop.png')

      const file = path.join(artifactsDir, 'founding-list.xlsx')
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('founding-export').click()])
      assert.match(download.suggestedFilename(), /\.xlsx$/)
      await download.saveAs(file)
      const { header, data } = await foundingRows(file)
      assert.deepEqual(header, FOUNDING_HEADER)
      assert.ok(data.length >= shown.length, `the file has every row of the first page (${data.length} < ${shown.length})`)
      assertLargestFirst(data.map((r) => Number(r[4])), 'the file')
      assert.equal(String(data[0][1]).trim(), firstName.split('\n')[0].trim(), 'the file starts with the page’s first row')
      assert.deepEqual(data.slice(0, 3).map((r) => Number(r[0])), [1, 2, 3].slice(0, Math.min(3, data.length)))

      // Narrowed to one street: the URL, the export link and the file follow the filter.
      await page.getByTestId('founding-street').click()
      await page.locator('.el-select-dropdown__item:visible').first().click()
      await page.waitForURL(/street=\d+/)
      const href = await page.getByTestId('founding-export').getAttribute('href')
      const street = new URL(page.url()).searchParams.get('street')
      assert.match(href, new RegExp(`founding-list\\.xlsx\\?street=${street}`))
      await page.waitForLoadState('networkidle')
      const [filtered] = await Promise.all([page.waitForEvent('download'), page.getByTestId('founding-export').click()])
      const streetFile = path.join(artifactsDir, 'founding-list-street.xlsx')
      await filtered.saveAs(streetFile)
      const narrowed = await foundingRows(streetFile)
      assert.deepEqual(narrowed.header, FOUNDING_HEADER)
      assert.ok(narrowed.data.length <= data.length)
      assert.equal(new Set(narrowed.data.map((r) => String(r[6]))).size <= 1, true, 'every row lies in the chosen street')
      if (narrowed.data.length > 0) assertLargestFirst(narrowed.data.map((r) => Number(r[4])), 'the street’s file')
    } finally {
      await context.close()
    }
  })

  it('opens the union tree down to a searched org and its detail page', async () => {
    const { context, page } = await signedIn('staff.dongcheng')
    try {
      await page.getByTestId('menu-orgs').click()
      await page.waitForURL(`${url}/orgs`)
      await page.getByTestId('org-node-110101').waitFor()
      await page.getByTestId('org-search').click()
      await page.getByTestId('org-search').locator('input').fill('东华门')
      await page.getByRole('option', { name: /东华门街道总工会/ }).first().click()
      await page.locator('.org-tree .is-current').getByText('东华门街道总工会').waitFor()
      await shot(page, 'orgs-desktop.png')

      await page.locator('.org-tree .is-current').getByRole('link').first().click()
      await page.waitForURL(/\/orgs\/[^/]+$/)
      assert.equal(await page.getByTestId('org-name').innerText(), '东华门街道总工会')
      await page.getByTestId('org-trail').getByText('北京市东城区总工会').waitFor()
      await page.getByTestId('org-children').waitFor()
      await shot(page, 'org-desktop.png')
    } finally {
      await context.close()
    }
  })

  it("shows the server's field errors in the org and enterprise forms, and saves valid ones", async () => {
    const { context, page } = await signedIn('staff.dongcheng')
    try {
      const found = await (await page.request.get(`${url}/api/v1/orgs?q=110101001`)).json()
      const donghuamen = found.items.find((o) => o.code === '110101001')
      await page.goto(`${url}/orgs/${donghuamen.id}`)
      await page.getByTestId('org-add-child').click()
      const form = page.getByTestId('org-form')
      await form.getByLabel('组织代码').fill('E2E-110101001') // the seeded union's code
      await form.getByLabel('名称').fill('东华门街道第二联合工会')
      await form.getByLabel('行政区划代码').fill('110101999')
      await page.getByTestId('org-save').click()
      const errorOf = (f, label) => f.locator('.el-form-item.is-error').filter({ hasText: label }).locator('.el-form-item__error')
      await errorOf(form, '行政区划代码').waitFor() // checked before the code is looked up
      await form.getByLabel('行政区划代码').fill('')
      await page.getByTestId('org-save').click()
      await errorOf(form, '组织代码').waitFor()
      assert.ok((await errorOf(form, '组织代码').innerText()).trim().length > 0, 'the duplicate code is explained under its field')
      await shot(page, 'org-form-desktop.png')

      await form.getByLabel('组织代码').fill('E2E-110101001-2')
      await page.getByTestId('org-save').click()
      await page.getByTestId('org-name').getByText('东华门街道第二联合工会').waitFor()
      await page.getByTestId('org-trail').getByText('东华门街道总工会').waitFor()

      // A street cannot move under a grassroots union: the refusal shows on the new parent.
      await page.goto(`${url}/orgs/${donghuamen.id}`)
      await page.getByTestId('org-move').click()
      await page.getByTestId('org-move-parent').click()
      await page.getByTestId('org-move-parent').locator('input').fill('E2E-110101001-2')
      await page.getByRole('option', { name: /东华门街道第二联合工会/ }).first().click()
      await page.getByTestId('org-move-save').click()
      await page.getByTestId('org-move-form').locator('.el-form-item__error').waitFor()
      await page.keyboard.press('Escape')

      await page.goto(`${url}/enterprises`)
      await page.getByTestId('enterprises-search').fill('精密制造')
      await page.getByTestId('enterprises-search').press('Enter')
      await page.getByTestId('enterprises-table').getByText('北京东华门精密制造有限公司').waitFor()
      await page.getByTestId('enterprises-table').getByRole('button', { name: '查看' }).first().click()
      await page.getByTestId('enterprise-details').getByText(uscc(1)).waitFor()
      await page.getByTestId('enterprise-edit').click()
      const enterprise = page.getByTestId('enterprise-form')
      const wrongCheck = uscc(1).slice(0, 17) + (uscc(1).endsWith('0') ? '1' : '0')
      await enterprise.getByLabel('统一社会信用代码').fill(wrongCheck)
      await page.getByTestId('enterprise-save').click()
      await errorOf(enterprise, '统一社会信用代码').waitFor()
      await shot(page, 'enterprise-form-desktop.png')
    } finally {
      await context.close()
    }
  })

  it("finds nothing when district staff edit the URL to another district's org", async () => {
    const admin = await signedIn('admin')
    const found = await (await admin.page.request.get(`${url}/api/v1/orgs?q=110102`)).json()
    await admin.context.close()
    const xicheng = found.items.find((o) => o.code === '110102')
    assert.ok(xicheng, 'the administrator finds 西城')

    const { context, page } = await signedIn('staff.dongcheng')
    try {
      for (const api of [`/api/v1/orgs/${xicheng.id}`, `/api/v1/orgs/${xicheng.id}/coverage`, `/api/v1/org-tree?parent=${xicheng.id}`]) {
        const response = await page.request.get(`${url}${api}`)
        assert.equal(response.status(), 404, api)
        assert.doesNotMatch(await response.text(), /西城/, api)
      }
      await page.goto(`${url}/orgs/${xicheng.id}`)
      await page.getByTestId('org-not-found').getByText('不在您的管辖范围内').waitFor()
      await page.goto(`${url}/coverage/${xicheng.id}`)
      await page.getByTestId('coverage-not-found').waitFor()
      assert.doesNotMatch(await page.locator('body').innerText(), /西城/)
    } finally {
      await context.close()
    }
  })

  it('fits the dashboard and the founding list on a phone', async () => {
    const { context, page } = await signedIn('staff.dongcheng', PHONE)
    try {
      await page.goto(`${url}/coverage`)
      await page.getByTestId('coverage-children-chart').locator('canvas').first().waitFor()
      assert.ok(count(await kpi(page, 'enterprises')) > 0)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 0, `the dashboard is ${overflow}px wider than the phone`)
      await shot(page, 'coverage-phone.png')

      await page.reload()
      await page.getByTestId('menu-open').click()
      await page.getByTestId('menu-founding').click()
      await page.waitForURL(/\/founding/)
      await page.getByTestId('founding-employees').first().waitFor()
      assert.ok(await page.getByTestId('founding-export').isVisible())
      const hidden = await page
        .getByTestId('founding-table')
        .locator('.el-table__body-wrapper .el-scrollbar__wrap')
        .evaluate((el) => el.scrollWidth - el.clientWidth)
      assert.ok(hidden <= 0, `the founding table hides ${hidden}px to the side on a phone`)
      await shot(page, 'founding-phone.png')
    } finally {
      await context.close()
    }
  })

  // 建会 (issue 18): district staff found the union of an enterprise on the founding list; the
  // new union sits under the street's union, the enterprise leaves the list, the district's
  // founding gap falls by one. Runs last: it changes the figures the tests above read.
  it('founds the union of an enterprise on the founding list (建会)', async () => {
    const { context, page } = await signedIn('staff.dongcheng')
    try {
      await openDashboard(page)
      const gapBefore = count(await kpi(page, 'founding-gap'))
      await page.getByTestId('coverage-founding').click()
      await page.waitForURL(/\/founding\?org=/)
      await page.goto(`${page.url()}&street=110101002`)
      const row = page.getByTestId('founding-table').locator('.el-table__body tr', { hasText: '北京景山商贸有限公司' })
      await row.waitFor()
      await row.getByTestId('founding-found').click()
      const dialog = page.getByTestId('found-union-dialog')
      await dialog.waitFor()
      assert.equal(await page.getByTestId('found-union-name').inputValue(), '北京景山商贸有限公司工会委员会')
      await dialog.getByText('景山街道').first().waitFor() // it says which org the union goes under
      await shot(page, 'founding-found-desktop.png')
      await page.getByTestId('found-union-save').click()
      await page.getByText('北京景山商贸有限公司工会委员会').first().waitFor() // the success message names it
      await row.waitFor({ state: 'detached' })

      const api = context.request
      const orgs = await (await api.get(`${url}/api/v1/orgs?q=${encodeURIComponent('北京景山商贸有限公司工会委员会')}`)).json()
      const union = orgs.items.find((o) => o.name === '北京景山商贸有限公司工会委员会')
      assert.ok(union, 'the union exists')
      assert.equal(union.kind, 'grassroots')
      await page.reload()
      await page.getByTestId('founding-employees').first().waitFor()
      assert.equal(await page.getByTestId('founding-table').getByText('北京景山商贸有限公司').count(), 0, 'the server’s list agrees')

      await openDashboard(page)
      assert.equal(count(await kpi(page, 'founding-gap')), gapBefore - 1, 'the founding gap falls by one')
    } finally {
      await context.close()
    }
  })
})
