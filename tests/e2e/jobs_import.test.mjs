// A large roster through the web (issue 17): a street cadre uploads a 40,000-member CSV (valid,
// distinct national IDs, made here) from the import page; the server answers at once and imports
// it in the background; the page's progress bar moves, with rows/s; while it runs another page
// of the console answers; the cadre leaves the page and comes back through "my imports", and the
// run ends with 40,000 members accepted. And the usual 会员花名册 as Excel on a Chinese Windows
// saves it: a GBK CSV whose header sits under a title line, with a note row, a 序号 column and a
// 合计 row, imported in the background with the header's row named on the report.
// Screenshots: tests/e2e/artifacts/jobs-import-*.png.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })
const work = mkdtempSync(path.join(tmpdir(), 'zhijia-jobs-e2e-'))
const ROWS = 40_000
let browser
const problems = []

// GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function nationalId(region, birth, sequence) {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

/** ROWS people: a birth day for each thousand and the order code within it, so no two IDs are alike. */
function roster() {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚'
  const lines = ['姓名,身份证号,手机号,入会时间']
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 1000) * 86_400_000)
    const birth = day.toISOString().slice(0, 10).replaceAll('-', '')
    const name = surnames[i % surnames.length] + given[Math.floor(i / 20) % given.length] + given[i % given.length]
    lines.push(`${name},${nationalId('110101', birth, i % 1000)},139${String(i).padStart(8, '0')},2020-05-01`)
  }
  return lines.join('\n') + '\n'
}

/** Text encoded as GBK, as Excel on a Chinese Windows saves "CSV": glibc's iconv does it. */
function gbk(text) {
  const result = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: Buffer.from(text, 'utf8') })
  assert.equal(result.status, 0, `iconv failed: ${result.stderr}`)
  return result.stdout
}

/** Signs in as the street cadre and opens the import page with `union` chosen and `file` set. */
async function openImport(page, union, file) {
  await page.goto(`${url}/login`)
  await page.getByTestId('login-username').fill('cadre.donghuamen')
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${url}/`)
  await page.getByTestId('menu-member-import').click()
  await page.waitForURL(`${url}/members/import`)
  await page.getByTestId('member-import-union').click()
  await page.getByTestId('member-import-union').locator('input').fill(union)
  await page.getByRole('option', { name: new RegExp(union) }).first().click()
  await page.getByTestId('member-import-file').locator('input[type=file]').setInputFiles(file)
}

async function seedUnion() {
  const context = await browser.newContext()
  try {
    const api = context.request
    const login = await api.post(`${url}/api/v1/session`, { data: { username: 'admin', password: ADMIN_PASSWORD } })
    assert.equal(login.status(), 200, await login.text())
    const headers = { 'X-CSRF-Token': (await login.json()).csrf_token }
    const found = await (await api.get(`${url}/api/v1/orgs?q=110101001&limit=50`)).json()
    const street = found.items.find((o) => o.kind === 'street' && o.code.startsWith('110101001'))
    assert.ok(street, 'the demo tree has 东华门街道')
    const created = await api.post(`${url}/api/v1/orgs`, {
      data: { code: 'E2E-J-BIG', name: '东华门大型企业工会', kind: 'grassroots', parent_id: street.id },
      headers,
    })
    assert.equal(created.status(), 201, await created.text())
    const titled = await api.post(`${url}/api/v1/orgs`, {
      data: { code: 'E2E-J-TITLE', name: '东华门花名册工会', kind: 'grassroots', parent_id: street.id },
      headers,
    })
    assert.equal(titled.status(), 201, await titled.text())
  } finally {
    await context.close()
  }
}

before(async () => {
  browser = await launchChromium()
  await seedUnion()
})

after(async () => {
  await browser?.close()
  rmSync(work, { recursive: true, force: true })
  assert.deepEqual(problems, [], 'the pages raised errors or CSP violations')
})

describe('a 40,000-member roster through the web', () => {
  it('imports in the background with a moving progress bar, survives leaving the page, and accepts every row', async () => {
    const file = path.join(work, '大型企业会员名册.csv')
    writeFileSync(file, roster())
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
    try {
      const page = await watchedPage(context, problems)
      await openImport(page, '东华门大型企业工会', file)
      const started = Date.now()
      await page.getByTestId('member-import-start').click()

      // The server answered at once: the run is in the address and the page follows it.
      await page.waitForURL(/\/members\/import\?run=\d+/, { timeout: 60_000 })
      const runId = new URL(page.url()).searchParams.get('run')
      await page.getByTestId('member-import-progress').waitFor({ timeout: 60_000 })
      const answeredIn = Date.now() - started
      const bar = page.getByTestId('member-import-bar')
      const seen = []
      let rate = ''
      async function sample() {
        if (!(await page.getByTestId('member-import-progress').isVisible())) return false
        const value = Number(await bar.getAttribute('aria-valuenow'))
        if (seen.at(-1) !== value) seen.push(value)
        if (!rate && (await page.getByTestId('member-import-rate').isVisible())) rate = await page.getByTestId('member-import-rate').innerText()
        return true
      }

      // While it runs, another page of the console answers.
      const other = await watchedPage(context, problems)
      const api = context.request
      const stateOf = async () => (await (await api.get(`${url}/api/v1/members/imports/${runId}`)).json()).status
      const before = await stateOf()
      const asked = Date.now()
      await other.goto(`${url}/members`)
      await other.getByTestId('members-table').waitFor()
      const otherMs = Date.now() - asked
      assert.ok(['queued', 'running'].includes(before), `the import was still going when the other page was asked for (${before})`)
      assert.ok(otherMs < 10_000, `the member list answered in ${otherMs} ms while the import ran`)
      await other.close()

      // Watch the bar for a while, then leave.
      for (let i = 0; i < 20 && (await sample()); i++) await page.waitForTimeout(300)
      await page.screenshot({ path: path.join(artifactsDir, 'jobs-import-progress.png') })
      await page.getByTestId('menu-members').click()
      await page.waitForURL(`${url}/members`)
      await page.waitForTimeout(1500)

      // Back through the menu: "my imports" lists the run; opening it follows it to the end.
      await page.getByTestId('menu-member-import').click()
      await page.waitForURL(`${url}/members/import`)
      await page.getByTestId(`member-import-run-${runId}`).click()
      await page.waitForURL(new RegExp(`run=${runId}`))
      const deadline = Date.now() + 300_000
      while (Date.now() < deadline && !(await page.getByTestId('member-import-report').isVisible())) {
        await sample()
        await page.waitForTimeout(300)
      }
      const report = page.getByTestId('member-import-report')
      await report.waitFor({ timeout: 5_000 })
      const accepted = Number((await page.getByTestId('member-import-count-accepted').locator('.report-count-value').innerText()).replace(/\D/g, ''))
      const rejected = Number((await page.getByTestId('member-import-count-rejected').locator('.report-count-value').innerText()).replace(/\D/g, ''))
      assert.equal(accepted, ROWS)
      assert.equal(rejected, 0)
      await page.getByTestId('member-import-outcome').getByText('导入完成').waitFor()
      await page.screenshot({ path: path.join(artifactsDir, 'jobs-import-report.png'), fullPage: true })

      const moving = seen.filter((v) => v > 0 && v < 100)
      assert.ok(moving.length >= 1 && seen.length >= 2, `the bar moved (values seen: ${seen.join(', ')})`)
      assert.match(rate, /每秒 [\d,]+ 行/, 'rows per second were shown')
      assert.ok(answeredIn < 60_000, `the upload was answered in ${answeredIn} ms`)
      const list = await (await api.get(`${url}/api/v1/jobs?mine=true&kind=members.import`)).json()
      assert.equal(list.items.find((j) => j.id === runId)?.state, 'succeeded')
    } finally {
      await context.close()
    }
  })

  it('finds the header of a GBK roster under its title line, skips the note and 合计 rows and names the header row', async () => {
    // Row 1 the title, 2 blank, 3 the header (with 序号), 4 a note, 5–7 members (6 without a
    // name), 8 the total.
    const text =
      '东华门花名册有限公司工会会员花名册,,,\r\n' +
      ',,,\r\n' +
      '序号,姓名,身份证号,手机号\r\n' +
      '填表说明：身份证号填18位，手机号填11位,,,\r\n' +
      `1,赵一鸣,${nationalId('110101', '19800101', 901)},13900000901\r\n` +
      `2,,${nationalId('110101', '19800101', 902)},13900000902\r\n` +
      `3,钱二丽,${nationalId('110101', '19800101', 903)},\r\n` +
      '合计,3人,,\r\n'
    const file = path.join(work, '会员花名册-标题行.csv')
    writeFileSync(file, gbk(text))
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
    try {
      const page = await watchedPage(context, problems)
      await openImport(page, '东华门花名册工会', file)
      await page.getByTestId('member-import-start').click()
      await page.waitForURL(/\/members\/import\?run=\d+/, { timeout: 60_000 })
      const report = page.getByTestId('member-import-report')
      await report.waitFor({ timeout: 120_000 })
      const count = async (name) =>
        Number((await page.getByTestId(`member-import-count-${name}`).locator('.report-count-value').innerText()).replace(/\D/g, ''))
      assert.equal(await count('rowsTotal'), 3, 'the note and the total are no rows of members')
      assert.equal(await count('accepted'), 2)
      assert.equal(await count('rejected'), 1)
      await page.getByTestId('member-import-header-row').getByText('表头在第 3 行').waitFor()
      await page.getByTestId('member-import-outcome').getByText(/GBK|GB18030/i).waitFor()
      // The rejected row is the spreadsheet's row 6 (the blank row counted), its column 姓名.
      const rejections = page.getByTestId('member-import-rejections').locator('.el-table__body tr')
      assert.equal(await rejections.count(), 1)
      assert.match((await rejections.nth(0).innerText()).replace(/\s+/g, ' '), /^6 姓名 /)
      assert.equal(await page.getByTestId('member-import-unknown').count(), 0, '序号 is not reported as an unknown column')
      await page.screenshot({ path: path.join(artifactsDir, 'jobs-import-titled-gbk.png'), fullPage: true })
    } finally {
      await context.close()
    }
  })
})
