// Legal cases in the console (issue 20): a cadre opens a legal case from a 12351 wage arrears
// request on a desktop (1366x800) — the request page's button, the title prefilled from the
// request, the employer by its code and name, the claim in yuan — sees the case at the
// consultation stage with its request, adds a worker (masked at once), moves it to mediation, and
// the request page then links to the case. Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

let browser
const problems = []

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

describe('legal cases', () => {
  it('a cadre opens a case from a wage arrears request and works it (desktop-zh)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.addInitScript(() => window.localStorage.setItem('zhijia.locale', 'zh-CN'))
    const page = await watchedPage(context, problems)
    const submitted = await page.request.post(`${url}/api/v1/portal/requests`, {
      data: { category: 'rights.wage_arrears', title: '工地拖欠三个月工资', description: '十几个工友的工资都没发', contact_name: '钱师傅', contact_phone: '13712340002', region_code: '110101001' },
    })
    assert.equal(submitted.status(), 201, await submitted.text())
    const tracking = (await submitted.json()).tracking_number
    const signed = await page.request.post(`${url}/api/v1/session`, { data: { username: 'cadre.donghuamen', password: ADMIN_PASSWORD } })
    assert.equal(signed.status(), 200, await signed.text())
    const found = await (await page.request.get(`${url}/api/v1/requests?q=${tracking}`)).json()
    assert.equal(found.items.length, 1, JSON.stringify(found))
    const requestId = found.items[0].id

    await page.goto(`${url}/requests/${requestId}`)
    await page.getByTestId('request-links').waitFor()
    await page.getByTestId('request-open-legal').click()
    await page.getByTestId('legal-open-view').waitFor()
    await page.getByTestId('legal-from-request').waitFor()
    // The request's title comes over.
    const title = page.locator('input[data-testid="legal-title"], [data-testid="legal-title"] input').first()
    for (let i = 0; i < 50 && (await title.inputValue()) === ''; i++) await page.waitForTimeout(200)
    assert.equal(await title.inputValue(), '工地拖欠三个月工资')
    const field = (id) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()
    await field('legal-uscc').fill('91110000100000000R')
    await field('legal-employer-name').fill('某建筑劳务有限公司')
    await field('legal-claimed').fill('36,000')
    await page.screenshot({ path: path.join(artifactsDir, 'legal-open-desktop-zh.png'), fullPage: true })
    await page.getByTestId('legal-submit').click()

    await page.getByTestId('legal-detail-view').locator('[data-testid="legal-stage"]').waitFor()
    assert.equal(await page.getByTestId('legal-stage').innerText(), '咨询')
    assert.equal(await page.getByTestId('legal-title').innerText(), '工地拖欠三个月工资')
    assert.match(await page.getByTestId('legal-request').innerText(), new RegExp(tracking.slice(0, 6)))
    const caseId = page.url().split('/').pop()

    // A worker, masked as soon as added.
    const input = (id) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()
    await input('legal-worker-name').fill('钱国强')
    await input('legal-worker-id').fill(idNumber('19790812', 517))
    await page.getByTestId('legal-worker-add').click()
    await page.getByTestId('legal-workers').getByText('钱**').waitFor()
    // On to mediation.
    await page.getByTestId('legal-advance').click()
    await page.getByTestId('legal-advance-submit').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="legal-stage"]')?.textContent?.trim() === '调解')
    await page.screenshot({ path: path.join(artifactsDir, 'legal-case-desktop-zh.png'), fullPage: true })

    // The request page names what it became.
    await page.getByTestId('legal-request').click()
    const link = page.getByTestId('request-link-legal')
    await link.waitFor()
    assert.equal(await link.innerText(), `已建法律援助案件 #${caseId}`)
    await context.close()
  })

  it('lists the case for an administrator, with its stage (desktop-zh)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.addInitScript(() => window.localStorage.setItem('zhijia.locale', 'zh-CN'))
    const page = await watchedPage(context, problems)
    const signed = await page.request.post(`${url}/api/v1/session`, { data: { username: 'admin', password: ADMIN_PASSWORD } })
    assert.equal(signed.status(), 200, await signed.text())
    await page.goto(`${url}/legal-cases`)
    await page.getByTestId('legal-table').locator('[data-testid="legal-row-title"]').first().waitFor()
    assert.equal(await page.getByTestId('legal-row-stage').first().innerText(), '调解')
    await page.screenshot({ path: path.join(artifactsDir, 'legal-list-desktop-zh.png'), fullPage: true })
    await context.close()
  })
})
