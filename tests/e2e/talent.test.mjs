// The talent pool in the browser (issue 22): 东华门's cadre records two 高压电工 of the union (a
// 高级技师 and a 高级工), searches the pool for 高压电工 at 高级技师 or above on a desktop in Chinese
// and finds only the first, whose card shows the level with its national grade (高级技师（一级）)
// and the 北京大工匠 title; that worker, signed in on a phone (390x844), sees the same level under
// 我的 → 我的技能. Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

let browser
const problems = []

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

async function consolePage(username) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript(() => window.localStorage.setItem('zhijia.locale', 'zh-CN'))
  const page = await watchedPage(context, problems)
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  return page
}

describe('talent pool', () => {
  it('a cadre finds a 高级技师 by trade; the worker sees their level on a phone', async () => {
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const someone = await cadre('GET', '/api/v1/members?status=active&limit=1')
    assert.equal(someone.status, 200)
    const unionId = someone.body.items[0].union.id
    const year = new Date().getFullYear()

    const phone = '13912352201'
    const master = { name: '韩建国', id: idNumber('11010119750314101') }
    const made = await cadre('POST', '/api/v1/members', { union_id: unionId, name: master.name, id_number: master.id, phone, join_date: '2001-07-01' })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    const other = await cadre('POST', '/api/v1/members', { union_id: unionId, name: '冯卫东', id_number: idNumber('11010119820611103'), join_date: '2008-03-01' })
    assert.equal(other.status, 201, JSON.stringify(other.body))

    const set = await cadre('PUT', `/api/v1/talent/${made.body.id}`, { trade: '高压电工', level: 5, level_since: '2019-06-30' })
    assert.equal(set.status, 200, JSON.stringify(set.body))
    assert.equal(set.body.entry.national_grade, 1)
    assert.equal((await cadre('PUT', `/api/v1/talent/${other.body.id}`, { trade: '高压电工', level: 3 })).status, 200)
    const titled = await cadre('POST', `/api/v1/talent/${made.body.id}/titles`, { kind: 'craftsman', title: '北京大工匠', year })
    assert.equal(titled.status, 201, JSON.stringify(titled.body))
    const refused = await cadre('PUT', `/api/v1/talent/${other.body.id}`, { trade: '高压电工', level: 6 })
    assert.equal(refused.status, 400)
    assert.equal(refused.body.errors[0].field, 'level')

    // The cadre searches on a desktop: trade and "at least 高级技师".
    const page = await consolePage('cadre.donghuamen')
    await page.goto(`${url}/talent`)
    await page.getByTestId('talent-filter-trade').fill('高压电工')
    await page.getByTestId('talent-filter-level').click()
    await page.getByTestId('talent-level-5').click()
    await page.getByTestId('talent-search').click()
    const names = page.getByTestId('talent-row-name')
    await names.filter({ hasText: master.name }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="talent-row-name"]').length === 1)
    assert.equal((await page.getByTestId('talent-row-level').innerText()).trim(), '高级技师（一级）')
    await names.first().click()
    await page.getByTestId('talent-card-name').filter({ hasText: master.name }).waitFor()
    assert.equal((await page.getByTestId('talent-card-level').innerText()).trim(), '高级技师（一级）')
    assert.match(await page.getByTestId('talent-card-title').first().innerText(), /北京大工匠/)
    await shot(page, 'talent-search-desktop.png')

    // The worker, on a phone: 我的 → 我的技能.
    const phonePageOfWorker = await phonePage(browser, problems)
    await signInNewPhone(phonePageOfWorker, url, output, phone)
    await bindMember(phonePageOfWorker, master.name, master.id)
    await phonePageOfWorker.getByTestId('portal-tab-portal-me').click()
    await phonePageOfWorker.getByTestId('portal-me-entry-skills').click()
    const tag = phonePageOfWorker.getByTestId('portal-skills-level-tag')
    await tag.waitFor()
    assert.equal((await tag.innerText()).trim(), '高级技师（一级）')
    assert.match(await phonePageOfWorker.getByTestId('portal-skills-title').first().innerText(), /北京大工匠/)
    await assertNoHorizontalOverflow(phonePageOfWorker)
    await shot(phonePageOfWorker, 'talent-my-skills-phone.png')
  })
})
