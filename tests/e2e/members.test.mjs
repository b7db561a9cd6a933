// The member registry in the browser (issue 6): a street cadre imports a GBK CSV roster with
// bad rows into a grassroots union and reads the report (counts, a rejection naming its row and
// column, the report file), then an XLSX roster made by LibreOffice; finds members by pinyin
// initials and by the last 4 of the ID; opens one (masked) and reveals the ID with a reason;
// another district's staff cannot find or open them; and a transfer asked for by the receiving
// union in 西城 is approved by the sending side in 东城. Desktop (1366x800) and phone (390x844)
// screenshots of the list, the detail and the import report land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })
const work = mkdtempSync(path.join(tmpdir(), 'zhijia-members-e2e-'))

const DESKTOP = { width: 1366, height: 800 }
const PHONE = { width: 390, height: 844 }

let browser
const problems = []
const unions = {}

// GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function nationalId(region, birth, sequence) {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
/** The same ID with a wrong check character (what a typo in the roster looks like). */
function withWrongCheck(id) {
  const last = id.at(-1)
  return id.slice(0, 17) + (last === '0' ? '1' : '0')
}

// The people of the GBK roster (data rows 2–7 of the file, plus two bad ones).
const ZHANG = { name: '张小林', id: nationalId('110101', '19900307', 451), phone: '13812345678' }
const LI = { name: '李明', id: nationalId('110101', '19850512', 123), phone: '13900001111' }
const GOOD = [
  ZHANG,
  { name: '王芳', id: nationalId('110101', '19920815', 222), phone: '13700002222' },
  LI,
  { name: '赵丽华', id: nationalId('110102', '19781101', 334), phone: '' },
  { name: '陈建国', id: nationalId('110105', '19700101', 415), phone: '13600003333' },
  { name: '刘洋', id: nationalId('110101', '19950630', 516), phone: '13500004444' },
]
// Rows 4 and 8 of the file are wrong: a bad ID check character, a phone of 5 digits.
const BAD_ID = { name: '孙伟', id: withWrongCheck(nationalId('110101', '19880808', 617)), phone: '13400005555' }
const BAD_PHONE = { name: '周婷', id: nationalId('110101', '19930303', 718), phone: '12345' }
// The XLSX roster: three more people.
const XLSX_PEOPLE = [
  { name: '吴敏', id: nationalId('110101', '19910909', 819), phone: '13300006666' },
  { name: '郑强', id: nationalId('110101', '19870707', 911), phone: '' },
  { name: '冯雪', id: nationalId('110101', '19990101', 102), phone: '13200007777' },
]
const HEADER = ['序号', '姓名', '身份证号', '手机号', '工作单位', '入会时间', '民族']

function csvLine(cells) {
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')
}
function rosterText(people) {
  const lines = [csvLine(HEADER)]
  people.forEach((p, i) => lines.push(csvLine([String(i + 1), p.name, p.id, p.phone, '北京东华门餐饮管理有限公司', '2020-05-01', '汉族'])))
  return lines.join('\r\n') + '\r\n'
}

/** Text encoded as GBK, as Excel on a Chinese Windows saves "CSV": glibc's iconv does it. */
function gbk(text) {
  const result = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: Buffer.from(text, 'utf8') })
  assert.equal(result.status, 0, `iconv failed: ${result.stderr}`)
  return result.stdout
}

/** An XLSX workbook made by LibreOffice Calc from a UTF-8 CSV (so the file is a real Office one). */
function xlsxOf(text, name) {
  const csv = path.join(work, `${name}.csv`)
  writeFileSync(csv, text)
  const profile = `file://${path.join(work, 'lo-profile')}`
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--infilter=CSV:44,34,76,1,1/1/2/2/3/2/4/2/5/2/6/2/7/2', '--outdir', work, csv],
    { encoding: 'utf8', timeout: 120_000 },
  )
  assert.equal(result.status, 0, `soffice failed (is libreoffice-calc-nogui installed?): ${result.stdout}\n${result.stderr}`)
  const file = path.join(work, `${name}.xlsx`)
  assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK', 'LibreOffice wrote a zip (XLSX) file')
  return file
}

/** Adds a grassroots union in a street of 东城 (东华门) and one in a street of 西城, as the administrator. */
async function seed() {
  const context = await browser.newContext()
  try {
    const api = context.request
    const login = await api.post(`${url}/api/v1/session`, { data: { username: 'admin', password: ADMIN_PASSWORD } })
    assert.equal(login.status(), 200, await login.text())
    const headers = { 'X-CSRF-Token': (await login.json()).csrf_token }
    async function streetOf(q, prefix) {
      const found = await (await api.get(`${url}/api/v1/orgs?q=${encodeURIComponent(q)}&limit=50`)).json()
      const street = found.items.find((o) => o.kind === 'street' && o.code.startsWith(prefix))
      assert.ok(street, `the demo tree has a street under ${prefix}: ${JSON.stringify(found.items.slice(0, 5))}`)
      return street
    }
    async function union(street, code, name) {
      const response = await api.post(`${url}/api/v1/orgs`, {
        data: { code, name, kind: 'grassroots', parent_id: street.id },
        headers,
      })
      assert.equal(response.status(), 201, `POST /api/v1/orgs: ${await response.text()}`)
      return response.json()
    }
    unions.dongcheng = await union(await streetOf('110101001', '110101001'), 'E2E-M-DC', '东华门会员测试工会')
    unions.xicheng = await union(await streetOf('110102', '110102'), 'E2E-M-XC', '西城会员测试工会')
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
  rmSync(work, { recursive: true, force: true })
  assert.deepEqual(problems, [], 'the pages raised errors or CSP violations')
})

/** A fresh browser context signed in as `username` (every demo account has ADMIN_PASSWORD). */
async function signedIn(username, viewport = DESKTOP) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: viewport === PHONE ? 2 : 1,
    locale: 'zh-CN',
    acceptDownloads: true,
  })
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
  await page.mouse.move(0, 0)
  await page.addStyleTag({ content: '.console { height: auto !important; min-height: 100vh; }' })
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}

/** Nothing on the page is wider than the window (a phone must not scroll sideways). */
async function assertNoSidewaysScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  if (scroll > client + 1) {
    // Name the widest culprits, so a failure says what to fix.
    const wide = await page.evaluate((limit) => {
      const out = []
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect()
        if (r.right > limit + 1 && r.width > 0) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`)
      }
      return out.slice(0, 8)
    }, client)
    assert.fail(`${what}: the page is ${scroll}px wide in a ${client}px window; too wide: ${wide.join(', ')}`)
  }
}

async function pickOrg(page, testId, text, name) {
  await page.getByTestId(testId).click()
  await page.getByTestId(testId).locator('input').fill(text)
  await page.getByRole('option', { name }).first().click()
}

/** Uploads one roster file on the import page and waits for the report. */
async function importRoster(page, file, mode = 'valid-rows', union = ['东华门会员', /东华门会员测试工会/]) {
  await page.goto(`${url}/members/import`)
  await pickOrg(page, 'member-import-union', ...union)
  await page.getByTestId(`member-import-mode-${mode}`).click()
  await page.getByTestId('member-import-file').locator('input[type=file]').setInputFiles(file)
  await page.getByTestId('member-import-start').click()
  await page.getByTestId('member-import-report').waitFor({ timeout: 30_000 })
}

async function countOf(page, key) {
  return Number((await page.getByTestId(`member-import-count-${key}`).locator('.report-count-value').innerText()).replace(/\D/g, ''))
}

async function searchMembers(page, q) {
  await page.getByTestId('members-search').fill(q)
  // networkidle resolves at once on a page that was idle before: wait for this search's answer
  // and for the table to draw it (CI once counted the unfiltered rows).
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/members?') && new URL(r.url()).searchParams.get('q') === q,
  )
  await page.getByTestId('members-find').click()
  await answered
  await page.waitForTimeout(50)
}

/** Narrows the member list to one union (the demo has members of its own in the same streets). */
async function listUnion(page, text, name) {
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/members?'))
  await pickOrg(page, 'members-org', text, name)
  await answered
  await page.waitForTimeout(50)
}

function masked(id) {
  return `${id.slice(0, 6)}********${id.slice(-4)}`
}

function tableRows(page) {
  return page.getByTestId('members-table').locator('.el-table__body tr')
}

let zhangId = null

describe('the member registry in the browser', () => {
  it('imports a GBK CSV roster with bad rows and reports each by row and column', async () => {
    const { context, page } = await signedIn('cadre.donghuamen')
    try {
      const roster = [GOOD[0], GOOD[1], BAD_ID, GOOD[2], GOOD[3], GOOD[4], BAD_PHONE, GOOD[5]]
      const file = path.join(work, '东华门会员名册.csv')
      writeFileSync(file, gbk(rosterText(roster)))
      assert.notEqual(readFileSync(file).toString('utf8').includes('张小林'), true, 'the file is GBK, not UTF-8')

      await page.getByTestId('menu-member-import').click()
      await page.waitForURL(`${url}/members/import`)
      await importRoster(page, file)
      assert.equal(await countOf(page, 'rowsTotal'), 8)
      assert.equal(await countOf(page, 'accepted'), 6)
      assert.equal(await countOf(page, 'rejected'), 2)
      const rejections = page.getByTestId('member-import-rejections').locator('.el-table__body tr')
      assert.equal(await rejections.count(), 2)
      // Header = row 1, so 孙伟 (the third person) is row 4 and 周婷 row 8.
      const first = (await rejections.nth(0).innerText()).replace(/\s+/g, ' ')
      assert.match(first, /^4 /, `the first rejection names row 4: ${first}`)
      assert.match(first, /身份证/, `and the ID column: ${first}`)
      const second = (await rejections.nth(1).innerText()).replace(/\s+/g, ' ')
      assert.match(second, /^8 /, `the second rejection names row 8: ${second}`)
      assert.match(second, /手机/, `and the phone column: ${second}`)
      await page.getByTestId('member-import-outcome').getByText(/GBK|GB18030/i).waitFor()
      await shot(page, 'members-import-report-desktop.png')

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('member-import-report-csv').click()])
      const reportFile = path.join(artifactsDir, 'members-import-report.csv')
      await download.saveAs(reportFile)
      const bytes = readFileSync(reportFile)
      let text = new TextDecoder('utf-8').decode(bytes)
      if (!text.includes('错误说明')) text = new TextDecoder('gbk').decode(bytes)
      assert.match(text, /错误说明/, 'the report has the error column')
      assert.match(text, /孙伟/, 'and the rejected rows')

      await page.setViewportSize(PHONE)
      await page.getByTestId('menu-open').waitFor() // the phone layout is on
      await page.waitForTimeout(500) // tables re-measure their columns after a resize
      await page.getByTestId('member-import-report').waitFor()
      await assertNoSidewaysScroll(page, 'import report on a phone')
      await shot(page, 'members-import-report-phone.png')
    } finally {
      await context.close()
    }
  })

  it('imports an XLSX roster made by LibreOffice', async () => {
    const file = xlsxOf(rosterText(XLSX_PEOPLE), 'roster-libreoffice')
    const { context, page } = await signedIn('cadre.donghuamen')
    try {
      await importRoster(page, file)
      assert.equal(await countOf(page, 'accepted'), 3)
      assert.equal(await countOf(page, 'rejected'), 0)
      await page.getByTestId('member-import-outcome').getByText('导入完成').waitFor()
    } finally {
      await context.close()
    }
  })

  it('finds a member by pinyin initials and by the last 4 of the ID, and reveals the ID with a reason', async () => {
    const { context, page } = await signedIn('cadre.donghuamen')
    try {
      await page.getByTestId('menu-members').click()
      await page.waitForURL(`${url}/members`)
      await page.getByTestId('members-table').waitFor()
      await listUnion(page, '东华门会员', /东华门会员测试工会/)
      assert.equal(await tableRows(page).count(), 9, 'six CSV and three XLSX members')
      assert.equal(await page.getByText(ZHANG.id).count(), 0, 'the list never shows a full ID')

      await searchMembers(page, 'zxl')
      await page.getByTestId('members-search-hint').getByText('拼音').waitFor()
      assert.equal(await tableRows(page).count(), 1)
      const row = (await tableRows(page).first().innerText()).replace(/\s+/g, ' ')
      assert.match(row, /张小林/)
      assert.ok(row.includes(masked(ZHANG.id)), `masked ID in ${row}`)
      assert.ok(row.includes('138****5678'), `masked phone in ${row}`)
      assert.match(row, /\d{16}/, 'a card number')
      assert.match(row, /东华门会员测试工会/)

      await searchMembers(page, LI.id.slice(-4))
      await page.getByTestId('members-search-hint').getByText('后 4 位').waitFor()
      assert.match(await tableRows(page).first().innerText(), /李明/)

      await searchMembers(page, 'zxl')
      await shot(page, 'members-list-desktop.png')
      await tableRows(page).first().getByRole('link', { name: '张小林' }).click()
      await page.waitForURL(/\/members\/[^/]+$/)
      zhangId = page.url().split('/').pop()
      await page.getByTestId('member-name').getByText('张小林').waitFor()
      assert.equal(await page.getByTestId('member-id-number').innerText(), masked(ZHANG.id))
      assert.equal(await page.getByTestId('member-phone').innerText(), '138****5678')
      await page.getByTestId('member-reveal-id').click()
      const prompt = page.locator('.member-reveal')
      await prompt.locator('input').fill('x')
      await prompt.getByRole('button', { name: /确定|OK/ }).click()
      await prompt.getByText('原因至少 2 个字').waitFor()
      await prompt.locator('input').fill('核实会员身份')
      await prompt.getByRole('button', { name: /确定|OK/ }).click()
      await page.getByTestId('member-id-number').getByText(ZHANG.id).waitFor()
      assert.equal(await page.getByTestId('member-phone').innerText(), '138****5678', 'only the asked field is revealed')
      await shot(page, 'members-detail-desktop.png')

      await page.setViewportSize(PHONE)
      await page.reload()
      await page.getByTestId('member-name').getByText('张小林').waitFor()
      await assertNoSidewaysScroll(page, 'member detail on a phone')
      await shot(page, 'members-detail-phone.png')
      await page.goto(`${url}/members`)
      await page.getByTestId('members-card').first().waitFor()
      await listUnion(page, '东华门会员', /东华门会员测试工会/)
      await page.getByTestId('members-card').filter({ hasText: '冯雪' }).waitFor()
      assert.equal(await page.getByTestId('members-card').count(), 9)
      await assertNoSidewaysScroll(page, 'member list on a phone')
      await shot(page, 'members-list-phone.png')
    } finally {
      await context.close()
    }
  })

  it('exports the roster masked, and in full only with a reason', async () => {
    const { context, page } = await signedIn('cadre.donghuamen')
    try {
      await page.getByTestId('menu-members').click()
      await page.getByTestId('members-table').waitFor()
      await page.getByTestId('members-export').click()
      const dialog = page.getByTestId('members-export-form')
      await dialog.getByText('CSV').click()
      const [masked] = await Promise.all([page.waitForEvent('download'), page.getByTestId('members-export-submit').click()])
      const maskedFile = path.join(work, 'export-masked.csv')
      await masked.saveAs(maskedFile)
      const text = readFileSync(maskedFile, 'utf8')
      assert.match(text, /张小林/)
      assert.ok(!text.includes(ZHANG.id), 'a masked export has no full ID')

      await page.getByTestId('members-export').click()
      await page.getByTestId('members-export-full').click()
      await page.getByTestId('members-export-submit').click()
      await dialog.getByText('导出完整信息需填写原因').waitFor()
      await page.getByTestId('members-export-reason').fill('年度会籍核对')
      await dialog.getByText('CSV').click()
      const [full] = await Promise.all([page.waitForEvent('download'), page.getByTestId('members-export-submit').click()])
      const fullFile = path.join(work, 'export-full.csv')
      await full.saveAs(fullFile)
      assert.ok(readFileSync(fullFile, 'utf8').includes(ZHANG.id), 'a full export has the full ID')
    } finally {
      await context.close()
    }
  })

  it("hides the members from another district's staff, in search and by URL", async () => {
    assert.ok(zhangId, 'the previous test opened 张小林')
    const { context, page } = await signedIn('staff.xicheng')
    try {
      await page.getByTestId('menu-members').click()
      await page.getByTestId('members-table').waitFor()
      // The demo has members of its own; none of 东华门's may show up.
      await searchMembers(page, 'zxl')
      const rows = await tableRows(page).allInnerTexts()
      assert.ok(rows.every((r) => !r.includes('张小林') && !r.includes('东华门')), `西城 staff see only 西城: ${rows}`)
      await searchMembers(page, ZHANG.id)
      await page.getByTestId('members-table').getByText('没有符合条件的会员').waitFor()

      const api = await page.request.get(`${url}/api/v1/members/${zhangId}`)
      assert.equal(api.status(), 404)
      assert.doesNotMatch(await api.text(), /张小林|东华门/)
      await page.goto(`${url}/members/${zhangId}`)
      await page.getByTestId('member-not-found').waitFor()
      assert.equal(await page.getByText('张小林').count(), 0)
    } finally {
      await context.close()
    }
  })

  it("moves a member to a 西城 union the sender names by its code, once 西城's staff approve", async () => {
    const WANG = GOOD[1]
    const cadre = await signedIn('cadre.donghuamen')
    try {
      const { page } = cadre
      await page.getByTestId('menu-members').click()
      await page.getByTestId('members-table').waitFor()
      await searchMembers(page, WANG.id)
      await tableRows(page).first().getByRole('link', { name: WANG.name }).click()
      await page.getByTestId('member-name').getByText(WANG.name).waitFor()
      await page.getByTestId('member-transfer').click()
      await page.getByTestId('member-transfer-by').getByText('输入对方工会代码').click()
      await page.getByTestId('member-transfer-code').fill('E2E-M-XC')
      await page.getByTestId('member-transfer-reason').fill('工作调动到西城')
      await page.getByTestId('member-transfer-submit').click()
      await page.getByText('接转申请已提交').waitFor()
      await page.getByTestId('member-transfers').getByText('待审批').waitFor()
      assert.match(await page.getByTestId('member-transfers').innerText(), /西城会员测试工会/)
    } finally {
      await cadre.context.close()
    }

    const xicheng = await signedIn('staff.xicheng')
    try {
      const { page } = xicheng
      await page.getByTestId('menu-member-transfers').click()
      await page.waitForURL(/\/members\/transfers/)
      const row = page.getByTestId('member-transfers-table').locator('.el-table__body tr').filter({ hasText: WANG.name }).filter({ hasText: WANG.id.slice(-4) })
      await row.first().waitFor()
      await shot(page, 'members-transfers-desktop.png')
      await row.first().getByTestId('member-transfer-approve').click()
      await page.locator('.member-transfer-approve').getByRole('button', { name: /确定|OK/ }).click()
      await page.getByText('已同意，会员关系已转移').waitFor()
      await page.getByTestId('menu-members').click()
      await page.getByTestId('members-table').waitFor()
      await searchMembers(page, WANG.id)
      const found = (await tableRows(page).first().innerText()).replace(/\s+/g, ' ')
      assert.match(found, /王芳/)
      assert.match(found, /西城会员测试工会/)
    } finally {
      await xicheng.context.close()
    }
  })

  it('moves a member to a 西城 union when the receiving side asks and the sending side approves', async () => {
    const xicheng = await signedIn('staff.xicheng')
    try {
      const { page } = xicheng
      await page.getByTestId('menu-member-transfers').click()
      await page.waitForURL(/\/members\/transfers/)
      await page.getByTestId('member-transfer-incoming').click()
      await page.getByTestId('member-transfer-id').fill(LI.id)
      await pickOrg(page, 'member-transfer-union', '西城会员', /西城会员测试工会/)
      await page.getByTestId('member-transfer-reason').fill('调入西城工作')
      await page.getByTestId('member-transfer-submit').click()
      await page.getByText('接转申请已提交').waitFor()
    } finally {
      await xicheng.context.close()
    }

    const cadre = await signedIn('cadre.donghuamen')
    try {
      const { page } = cadre
      await page.goto(`${url}/members/transfers?box=decidable`)
      const row = page.getByTestId('member-transfers-table').locator('.el-table__body tr').filter({ hasText: LI.name }).filter({ hasText: LI.id.slice(-4) })
      await row.first().waitFor()
      assert.match(await row.first().innerText(), /西城会员测试工会/)
      await row.first().getByTestId('member-transfer-approve').click()
      const prompt = page.locator('.member-transfer-approve')
      await prompt.locator('input').fill('同意转出')
      await prompt.getByRole('button', { name: /确定|OK/ }).click()
      await page.getByText('已同意，会员关系已转移').waitFor()
      // The member left 东华门: they are now "transferred out" there, or gone from its active list.
      await page.goto(`${url}/members`)
      await page.getByTestId('members-table').waitFor()
      await searchMembers(page, LI.id)
      const rows = await tableRows(page).allInnerTexts()
      assert.ok(rows.every((r) => !/在册/.test(r)), `李明 is no longer active in 东华门: ${rows}`)
    } finally {
      await cadre.context.close()
    }

    const again = await signedIn('staff.xicheng')
    try {
      const { page } = again
      await page.getByTestId('menu-members').click()
      await page.getByTestId('members-table').waitFor()
      await searchMembers(page, LI.id)
      const row = (await tableRows(page).first().innerText()).replace(/\s+/g, ' ')
      assert.match(row, /李明/)
      assert.match(row, /西城会员测试工会/)
      assert.match(row, /在册/)
    } finally {
      await again.context.close()
    }
  })
  it('turns a roster row already active in another union into a transfer request', async () => {
    const LIU = GOOD[5]
    const xicheng = await signedIn('staff.xicheng')
    try {
      const { page } = xicheng
      const file = path.join(work, '西城名册.csv')
      writeFileSync(file, rosterText([LIU]))
      await importRoster(page, file, 'valid-rows', ['西城会员', /西城会员测试工会/])
      assert.equal(await countOf(page, 'candidates'), 1)
      const candidates = page.getByTestId('member-import-candidates').locator('.el-table__body tr')
      assert.match(await candidates.first().innerText(), /刘洋[\s\S]*东华门会员测试工会/)
      await page.getByTestId('member-import-to-transfers').click()
      await page.locator('.member-import-transfers').getByRole('button', { name: /确定|OK/ }).click()
      await page.locator('.member-import-transfers-done').getByText('已提交 1 条接转申请').waitFor()
    } finally {
      await xicheng.context.close()
    }

    const cadre = await signedIn('cadre.donghuamen')
    try {
      const { page } = cadre
      await page.goto(`${url}/members/transfers?box=decidable`)
      const row = page.getByTestId('member-transfers-table').locator('.el-table__body tr').filter({ hasText: LIU.name }).filter({ hasText: LIU.id.slice(-4) })
      await row.first().waitFor()
      assert.match(await row.first().innerText(), /西城会员测试工会/)
    } finally {
      await cadre.context.close()
    }
  })
})
