// Hardship files in the console (issue 20): a cadre opens a file from a 12351 request on a desktop
// (1366x800) — the request page's button, the member picked from the registry, a second person
// and an expense added — sees the level with its arithmetic in words, attaches a PDF as evidence
// and downloads it with a reason, and the request page then links to the file; the list, the file, the form and the standards page, on a desktop in Chinese
// and on a phone (390x844) in English, no wider than the screen (measured). Screenshots land in
// tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, runCli, startServer } from './server.mjs'

const { url, db } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

// The 低保 line of 东城区 (110101) for this year, as an administrator loads it (sample figure).
const YEAR = new Date().getFullYear()
const csvDir = mkdtempSync(path.join(tmpdir(), 'zhijia-hardship-'))
const csv = path.join(csvDir, 'standards.csv')
writeFileSync(csv, `region_code,year,dibao_monthly_yuan,source\n110101,${YEAR},1320,样例\n`)
runCli(['standards', 'load', csv, '--db', db])
rmSync(csvDir, { recursive: true, force: true })

const DESKTOP = { width: 1366, height: 800 }
const PHONE = { width: 390, height: 844 }
const SETUPS = [
  { name: 'desktop-zh', viewport: DESKTOP, locale: 'zh-CN' },
  { name: 'phone-en', viewport: PHONE, locale: 'en' },
]

let browser
const problems = []

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
async function assertNoHorizontalOverflow(page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
  assert.ok(scroll <= inner, `the page is ${scroll}px wide in a ${inner}px window`)
}
/** Signs the page's context in (the page shares the cookie); a small JSON client. */
async function signIn(page, username) {
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  return { get: async (p) => (await page.request.get(`${url}${p}`)).json() }
}
/** A valid GB 11643 number born on `birth` (YYYYMMDD) with sequence `seq` in 东城区. */
function idNumber(birth, seq) {
  const body = `110101${birth}${String(seq).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('hardship files', () => {
  it('a cadre opens a file from a request and sees the level with its arithmetic (desktop-zh)', async () => {
    const page = await pageFor(SETUPS[0])
    const submitted = await page.request.post(`${url}/api/v1/portal/requests`, {
      data: { category: 'rights.wage_arrears', title: '家中困难求助', description: '妻子重病，收入不够', contact_name: '赵师傅', contact_phone: '13712340001', region_code: '110101001' },
    })
    assert.equal(submitted.status(), 201, await submitted.text())
    const tracking = (await submitted.json()).tracking_number
    const api = await signIn(page, 'cadre.donghuamen')
    const found = await api.get(`/api/v1/requests?q=${tracking}`)
    assert.equal(found.items.length, 1, JSON.stringify(found))
    const requestId = found.items[0].id
    // A new member of the cadre's union (the demo's members may already be in a file).
    const someone = (await api.get('/api/v1/members?status=active&limit=1')).items[0]
    assert.ok(someone, 'the demo has a member in the cadre’s subtree')
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const created = await cadre('POST', '/api/v1/members', { union_id: someone.union.id, name: '周卫东', id_number: idNumber('19780520', 331), join_date: '2015-03-01' })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const member = created.body

    await page.goto(`${url}/requests/${requestId}`)
    await page.getByTestId('request-links').waitFor()
    await page.getByTestId('request-open-hardship').click()
    await page.getByTestId('hardship-open-view').waitFor()
    assert.match(await page.getByTestId('hardship-from-request').innerText(), /来自诉求/)

    // The member from the registry, searched by name.
    await page.getByTestId('hardship-member').click()
    await page.keyboard.type(member.name)
    await page.locator('.el-select-dropdown__item', { hasText: member.name }).first().click()
    await page.getByTestId('hardship-member-income').fill('30000')
    // A second person and a medical expense.
    await page.getByTestId('hardship-add-person').click()
    const person = page.getByTestId('hardship-person-0')
    await person.getByTestId('hardship-person-name-input').fill('李秀兰')
    await person.getByTestId('hardship-person-id-input').fill(idNumber('19800315', 124))
    await person.getByTestId('hardship-person-income').fill('6000')
    await page.getByTestId('hardship-add-expense').click()
    await page.getByTestId('hardship-expense-amount').fill('4,800')
    await page.getByTestId('hardship-main-cause').click()
    await page.locator('.el-select-dropdown__item', { hasText: '因病' }).first().click()
    await shot(page, 'hardship-open-desktop-zh.png')
    await page.getByTestId('hardship-submit').click()

    // (30,000 + 6,000 − 4,800) ÷ 12 ÷ 2 = 1,300.00 ≤ 1,320.00: deep hardship.
    await page.getByTestId('hardship-detail-view').waitFor()
    const arithmetic = page.getByTestId('hardship-arithmetic')
    await arithmetic.waitFor()
    assert.equal(
      await arithmetic.innerText(),
      '人均月收入 =（年可支配收入 36,000.00 − 刚性支出 4,800.00）÷ 12 ÷ 2 = 1,300.00 元 ≤ 低保 1,320.00 元 → 深度困难',
    )
    assert.equal(await page.getByTestId('hardship-level').innerText(), '深度困难')
    // Masked, with the request it came from.
    const names = await page.getByTestId('hardship-person-name').allInnerTexts()
    assert.ok(names.every((n) => n.includes('*')), names.join())
    assert.match(await page.getByTestId('hardship-request').innerText(), new RegExp(tracking.slice(0, 6)))
    await assertNoHorizontalOverflow(page)
    await shot(page, 'hardship-file-desktop-zh.png')
    const fileId = page.url().split('/').pop()

    // 证明材料: a PDF picked from the disk, listed, then downloaded with a reason (audited).
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
    await page.getByTestId('hardship-attachments-input').setInputFiles({ name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: pdf })
    await page.getByTestId('hardship-attachments-name').filter({ hasText: '诊断证明.pdf' }).waitFor()
    await page.getByTestId('hardship-attachments-download').first().click()
    const reason = page.locator('.attachment-download-reason')
    await reason.locator('input').fill('核对诊断证明')
    const [download] = await Promise.all([page.waitForEvent('download'), reason.locator('.el-button--primary').click()])
    assert.equal(download.suggestedFilename(), '诊断证明.pdf')
    const saved = await download.path()
    assert.deepEqual(readFileSync(saved), pdf)
    const admin = await staffApi(url, 'admin')
    const reveals = await admin('GET', `/api/v1/audit?action=personal_data.reveal&target_type=hardship_file&target_id=${fileId}`)
    assert.ok(JSON.stringify(reveals.body).includes('核对诊断证明'), JSON.stringify(reveals))
    await shot(page, 'hardship-attachments-desktop-zh.png')

    // The request page names what it became.
    await page.getByTestId('hardship-request').click()
    const link = page.getByTestId('request-link-hardship')
    await link.waitFor()
    assert.equal(await link.innerText(), `已建困难档案 #${fileId}`)
    await shot(page, 'hardship-request-link-desktop-zh.png')
    await page.context().close()
  })

  for (const setup of SETUPS) {
    it(`shows the list, a file, the form and the standards within the screen (${setup.name})`, async () => {
      const page = await pageFor(setup)
      await signIn(page, 'admin')
      await page.goto(`${url}/hardship`)
      await page.getByTestId('hardship-table').locator('[data-testid="hardship-row-name"]').first().waitFor()
      await assertNoHorizontalOverflow(page)
      await shot(page, `hardship-list-${setup.name}.png`)
      await page.getByTestId('hardship-row-name').first().click()
      await page.getByTestId('hardship-arithmetic').waitFor()
      await assertNoHorizontalOverflow(page)
      await shot(page, `hardship-file-${setup.name}.png`)
      await page.goto(`${url}/hardship/new`)
      await page.getByTestId('hardship-source').getByText(setup.locale === 'en' ? 'Entered by hand' : '手工录入').click()
      await page.getByTestId('hardship-person-0').waitFor()
      await assertNoHorizontalOverflow(page)
      await shot(page, `hardship-open-${setup.name}.png`)
      await page.goto(`${url}/standards`)
      await page.getByTestId('standards-table').getByText('110101').first().waitFor()
      await assertNoHorizontalOverflow(page)
      await shot(page, `hardship-standards-${setup.name}.png`)
      await page.context().close()
    })
  }
})
