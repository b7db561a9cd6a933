// Competitions (劳动竞赛, issue 21): 东城's staff create a competition on a desktop in Chinese
// (the sheet's weights summed live: red at 95, green at 100), enrol three enterprises and add
// judge.dongcheng (API), then freeze the list after a confirmation; the judge, on a 390 px phone
// held in one hand, sees one card per entry with its blind number, types marks and watches the
// total follow, saves a card (no horizontal overflow, a big save button); the organiser, in
// English, previews the ranking, publishes it after a confirmation and sees it read-only.
// Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const PHONE = { width: 390, height: 844 }
let browser
const problems = []
let competitionId = ''

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

async function contextFor(locale, phone = false) {
  const context = await browser.newContext({
    viewport: phone ? PHONE : { width: 1280, height: 900 },
    locale,
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
  })
  await context.addInitScript((l) => window.localStorage.setItem('zhijia.locale', l), locale)
  return context
}

async function signIn(page, username) {
  const signed = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(signed.status(), 200, await signed.text())
  return { 'X-CSRF-Token': (await signed.json()).csrf_token }
}

/** An Element Plus field's input, wherever the test id landed. */
function mark(within, id) {
  return within.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()
}

async function noOverflow(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= PHONE.width, `${what} is ${width}px wide on a ${PHONE.width}px phone`)
}

describe('competitions', () => {
  it('an organiser creates a competition, enrols, adds a judge and freezes the list (desktop-zh)', async () => {
    const context = await contextFor('zh-CN')
    const page = await watchedPage(context, problems)
    const headers = await signIn(page, 'staff.dongcheng')
    await page.goto(`${url}/competitions/new`)
    await page.getByTestId('competition-create-view').waitFor()
    await page.locator('[data-testid="competition-title"] input, input[data-testid="competition-title"]').first().fill('测试杯劳动竞赛')
    const sum = page.getByTestId('competition-group-0-sum')
    assert.equal((await sum.innerText()).trim(), '权重合计 100')
    const weight = page.locator('[data-testid="competition-group-0-weight-0"] input')
    await weight.fill('30')
    await weight.blur()
    await page.waitForFunction(() => document.querySelector('[data-testid="competition-group-0-sum"]')?.textContent?.includes('95 / 100'))
    await weight.fill('35')
    await weight.blur()
    await page.waitForFunction(() => document.querySelector('[data-testid="competition-group-0-sum"]')?.textContent?.trim() === '权重合计 100')
    await page.screenshot({ path: path.join(artifactsDir, 'competition-create-desktop-zh.png'), fullPage: true })
    await page.getByTestId('competition-submit').click()
    await page.getByTestId('competition-detail-view').locator('[data-testid="competition-status"]').waitFor()
    assert.equal(await page.getByTestId('competition-status').innerText(), '报名中')
    competitionId = page.url().split('/').pop()

    // Three enterprises of 东城 and the judge, through the API.
    const enterprises = (await (await page.request.get(`${url}/api/v1/enterprises?limit=3`)).json()).items
    assert.equal(enterprises.length, 3)
    for (const e of enterprises) {
      const r = await page.request.post(`${url}/api/v1/competitions/${competitionId}/entries`, { data: { group: 'g1', enterprise_id: e.id }, headers })
      assert.equal(r.status(), 201, await r.text())
    }
    const judges = (await (await page.request.get(`${url}/api/v1/users?q=judge.dongcheng`)).json()).items
    assert.equal(judges.length, 1, JSON.stringify(judges))
    const added = await page.request.post(`${url}/api/v1/competitions/${competitionId}/judges`, { data: { user_id: judges[0].id, groups: ['g1'] }, headers })
    assert.equal(added.status(), 201, await added.text())

    await page.reload()
    await page.getByTestId('competition-judge').first().waitFor()
    assert.equal(await page.getByTestId('competition-entries').locator('tbody tr').count(), 3)
    await page.getByTestId('competition-freeze').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="competition-status"]')?.textContent?.trim() === '名录已确定')
    // The status comes with the freeze's answer, the entries' numbers with the list's reload after it.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="competition-entry-number"]')?.textContent?.trim() === '001',
      undefined,
      { timeout: 15_000 },
    )
    await page.screenshot({ path: path.join(artifactsDir, 'competition-detail-desktop-zh.png'), fullPage: true })
    await context.close()
  })

  it('a judge marks entries on a phone, one-handed (phone-zh)', async () => {
    const context = await contextFor('zh-CN', true)
    const page = await watchedPage(context, problems)
    await signIn(page, 'judge.dongcheng')
    await page.goto(`${url}/judging`)
    const cards = page.getByTestId('judging-card')
    await cards.first().waitFor()
    assert.equal(await cards.count(), 3)
    const card = cards.first()
    assert.match(await card.getByTestId('judging-number').innerText(), /^00\d 号$/)
    assert.equal(await card.getByTestId('judging-total').innerText(), '0.00')
    await mark(card, 'judging-mark-quality').fill('30')
    assert.equal(await card.getByTestId('judging-total').innerText(), '30.00')
    await mark(card, 'judging-mark-safety').fill('31.5')
    await mark(card, 'judging-mark-innovation').fill('25')
    assert.equal(await card.getByTestId('judging-total').innerText(), '86.50')
    await noOverflow(page, 'the judging page')
    const save = card.getByTestId('judging-save')
    const box = await save.boundingBox()
    assert.ok(box && box.height >= 44 && box.width >= 200, `the save button is a big target: ${JSON.stringify(box)}`)
    await save.tap()
    await card.getByTestId('judging-mine').waitFor()
    assert.equal(await card.getByTestId('judging-mine').innerText(), '已提交 86.50 分')
    // A mark above its max is refused in words on the card.
    const second = cards.nth(1)
    await mark(second, 'judging-mark-quality').fill('40')
    await mark(second, 'judging-mark-safety').fill('30')
    await mark(second, 'judging-mark-innovation').fill('20')
    await second.getByTestId('judging-save').tap()
    assert.equal(await second.getByTestId('judging-problem').innerText(), '请为每项指标打分（0 到满分）')
    await page.screenshot({ path: path.join(artifactsDir, 'competition-judging-phone-zh.png'), fullPage: true })
    await context.close()
  })

  it('the organiser publishes the ranking and sees it read-only (desktop-en, phone-en)', async () => {
    const context = await contextFor('en')
    const page = await watchedPage(context, problems)
    await signIn(page, 'staff.dongcheng')
    await page.goto(`${url}/competitions/${competitionId}/ranking`)
    await page.getByTestId('competition-preview').waitFor()
    await page.getByTestId('competition-ranking-overall').locator('[data-testid="ranking-result"]').first().waitFor()
    assert.equal(await page.getByTestId('ranking-result').first().innerText(), '86.50')
    assert.equal(await page.getByTestId('ranking-rank').first().innerText(), '1')
    assert.match(await page.getByTestId('competition-ranking-unscored').innerText(), /企业 00\d/)
    await page.getByTestId('competition-publish').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.getByTestId('competition-published').waitFor()
    assert.equal(await page.getByTestId('competition-publish').count(), 0)
    await page.screenshot({ path: path.join(artifactsDir, 'competition-ranking-desktop-en.png'), fullPage: true })
    await context.close()

    const phone = await contextFor('en', true)
    const small = await watchedPage(phone, problems)
    await signIn(small, 'staff.dongcheng')
    for (const at of [`/competitions`, `/competitions/new`, `/competitions/${competitionId}`, `/competitions/${competitionId}/ranking`]) {
      await small.goto(`${url}${at}`)
      await small.waitForLoadState('networkidle')
      await noOverflow(small, at)
    }
    assert.match(await small.getByTestId('competition-published').innerText(), /^Published/)
    await small.screenshot({ path: path.join(artifactsDir, 'competition-ranking-phone-en.png'), fullPage: true })
    await phone.close()
  })
})
