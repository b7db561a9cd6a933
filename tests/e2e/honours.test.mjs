// Honour rounds (荣誉评选, issue 21 slice 5): 东城's staff open a round (women ≥ 30 %, frontline
// ≥ 50 %); 东华门's cadre, on a desktop in Chinese, sees its list's live composition table fail
// (还差 1 人) after nominating a man, tries to forward without a reason (refused under the
// field), forwards with one; the district's staff see the nomination flagged with the reason in
// the roll-up and award it. Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
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

/** A valid GB 11643 number born on `birth` (YYYYMMDD) with sequence `seq` in 东城区 (odd: a man). */
function idNumber(birth, seq) {
  const body = `110101${birth}${String(seq).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

async function pageAs(username) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript(() => window.localStorage.setItem('zhijia.locale', 'zh-CN'))
  const page = await watchedPage(context, problems)
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  return page
}

describe('honours', () => {
  it('a street forwards a list breaking a rule with a reason; the district sees the flag and awards', async () => {
    const staff = await staffApi(url, 'staff.dongcheng')
    const round = await staff('POST', '/api/v1/honour-rounds', {
      title: '五一劳动奖章评选（测试）',
      year: Number(day(0).slice(0, 4)),
      rules: 'woman,>=,30\nfrontline,>=,50',
      opens_on: day(-7),
      closes_on: day(30),
    })
    assert.equal(round.status, 201, JSON.stringify(round.body))
    const id = round.body.round.id

    const cadre = await staffApi(url, 'cadre.donghuamen')
    const someone = (await cadre('GET', '/api/v1/members?status=active&limit=1')).body.items[0]
    assert.ok(someone, 'the demo has a member in the cadre’s subtree')
    const created = await cadre('POST', '/api/v1/members', { union_id: someone.union.id, name: '郑卫国', id_number: idNumber('19800312', 517), join_date: '2012-05-01' })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const nominated = await cadre('POST', `/api/v1/honour-rounds/${id}/nominations`, { member_id: created.body.id, ticked: ['frontline'] })
    assert.equal(nominated.status, 201, JSON.stringify(nominated.body))

    // The street's list: women fail (0 of 1, 1 more needed), frontline passes.
    const page = await pageAs('cadre.donghuamen')
    await page.goto(`${url}/honours/${id}`)
    const table = page.getByTestId('honour-list-table')
    await table.waitFor()
    assert.deepEqual(await table.getByTestId('rule-result').allInnerTexts(), ['不符合', '符合'])
    assert.equal((await table.getByTestId('rule-need').innerText()).trim(), '还差 1 人')
    assert.equal((await page.getByTestId('honour-nominee').innerText()).trim(), '郑卫国')
    await page.screenshot({ path: path.join(artifactsDir, 'honours-street-desktop-zh.png'), fullPage: true })

    await page.getByTestId('honour-forward').click()
    const dialog = page.getByTestId('honour-forward-dialog')
    await dialog.waitFor()
    await page.getByTestId('honour-forward-submit').click()
    await dialog.getByText('名单不符合结构要求，上报须说明理由').waitFor()
    await page.locator('[data-testid="honour-forward-reason"] textarea, textarea[data-testid="honour-forward-reason"]').first().fill('本街道女职工候选人事迹材料尚在核实')
    await page.getByTestId('honour-forward-submit').click()
    await page.getByTestId('honour-forward').waitFor({ state: 'detached' })
    assert.equal(await page.getByTestId('honour-nominee').count(), 0, 'the list went to the district')

    // The district: the nomination flagged, the roll-up failing the women's rule; award it.
    const district = await pageAs('staff.dongcheng')
    await district.goto(`${url}/honours/${id}`)
    await district.getByTestId('honour-rollup').waitFor()
    assert.equal((await district.getByTestId('honour-flagged').innerText()).trim(), '附理由上报')
    assert.deepEqual(await district.getByTestId('honour-rollup-table').getByTestId('rule-result').allInnerTexts(), ['不符合', '符合'])
    await district.screenshot({ path: path.join(artifactsDir, 'honours-district-desktop-zh.png'), fullPage: true })
    await district.getByTestId('honour-award').click()
    await district.getByText('已评定').first().waitFor()
    // The award is on the member's record.
    const member = await staff('GET', `/api/v1/members/${created.body.id}`)
    assert.equal(member.status, 200)
    assert.ok(
      member.body.events.some((e) => e.event === 'honour'),
      JSON.stringify(member.body.events),
    )
  })
})
