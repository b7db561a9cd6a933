// The worker's side of hardship and aid in the browser (issue 20): on a desktop (1366x800) the
// district's staff approves an aid grant waiting in the district's queue (the demo's last round
// leaves some there) on the aid page; then on a phone (390x844) the worker of that household —
// the file's "self", whose phone the union records — signs in, links the account and sees the
// grant as approved on My help (我的帮扶), with the file's stage and level. And a worker with no
// file applies from the phone: the household editor (a second person), the main cause, sent; My
// help shows the application waiting for the union's first check. Screenshots land in
// tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

// A federation a year into service: its hardship files, aid rounds and 低保 lines (sample).
const { url, output } = await startServer({ demoArgs: ['--history'] })
mkdirSync(artifactsDir, { recursive: true })

const DESKTOP = { width: 1366, height: 800 }
const HOUSEHOLD_PHONE = '13912350201'
const APPLICANT_PHONE = '13912350202'
const APPLICANT_ID = idNumber('11010119880412107')

let browser
const problems = []

/** Signs a phone in on the portal (code from the server log), accepts the notice and binds. */
async function signInAndBind(page, phone, name, id) {
  await signInNewPhone(page, url, output, phone)
  await bindMember(page, name, id)
  await page.getByTestId('portal-tab-portal-me').click()
  await page.getByTestId('portal-me-entry-hardship').click()
}

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('My help', () => {
  it('the district approves aid on a desktop, the worker of the household sees it approved on a phone', async () => {
    const staff = await staffApi(url, 'staff.dongcheng')
    let queue = await staff('GET', '/api/v1/aid/grants?to_decide=me&limit=50')
    assert.equal(queue.status, 200, JSON.stringify(queue.body))
    if (queue.body.items.length === 0) {
      // The demo's last round left nothing for 东城 this time: a living allowance proposed for
      // one of its active files (the first one the rules and the no-double-aid check allow).
      const files = await staff('GET', '/api/v1/hardship/files?status=open&limit=200')
      const year = String(new Date().getFullYear())
      for (const f of files.body.items) {
        const proposed = await staff('POST', '/api/v1/aid/grants', { file_id: f.id, kind: 'living', period: year })
        if (proposed.status === 201 && proposed.body.approver_level === 'district') break
      }
      queue = await staff('GET', '/api/v1/aid/grants?to_decide=me&limit=50')
    }
    assert.ok(queue.body.items.length > 0, 'a grant waits in the district’s queue')
    // The first grant of the queue whose household's "self" is still an active member (the demo's
    // history retires some): the first the aid page lists.
    let grant = null
    let file = null
    let member = null
    for (const g of queue.body.items) {
      file = await staff('GET', `/api/v1/hardship/files/${g.file_id}`)
      assert.equal(file.status, 200, JSON.stringify(file.body))
      if (!file.body.member_id) continue
      member = await staff('GET', `/api/v1/members/${file.body.member_id}`)
      if (member.status === 200 && member.body.status === 'active') {
        grant = g
        break
      }
    }
    assert.ok(grant, 'a waiting grant of an active member’s household')
    const row = queue.body.items.indexOf(grant)
    // Its name and ID number (revealed with a reason), its phone set to the one the worker signs
    // in with, so the account links at once.
    const id = await staff('POST', `/api/v1/members/${file.body.member_id}/reveal`, { field: 'id_number', reason: '协助职工绑定账户' })
    assert.equal(id.status, 200, JSON.stringify(id.body))
    const phoned = await staff('PATCH', `/api/v1/members/${file.body.member_id}`, { phone: HOUSEHOLD_PHONE })
    assert.equal(phoned.status, 200, JSON.stringify(phoned.body))

    // Desktop: the first grant of the district's queue, approved on the aid page.
    const desktop = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })
    const desk = await watchedPage(desktop, problems)
    const login = await desk.request.post(`${url}/api/v1/session`, { data: { username: 'staff.dongcheng', password: ADMIN_PASSWORD } })
    assert.equal(login.status(), 200, await login.text())
    await desk.goto(`${url}/aid-grants`)
    await desk.getByTestId('aid-grants-view').waitFor()
    await desk.getByTestId('aid-grant-approve').nth(row).waitFor()
    await shot(desk, 'hardship-worker-aid-queue-desktop.png')
    await desk.getByTestId('aid-grant-approve').nth(row).click()
    await desk.locator('.el-message-box .el-button--primary').click()
    await desk.locator('.el-message', { hasText: '已批准' }).waitFor()
    const decided = await staff('GET', `/api/v1/aid/grants/${grant.id}`)
    assert.equal(decided.body.status, 'approved', 'the row is the queue’s grant')
    await desktop.close()

    // Phone: the household's worker sees the grant approved, with the file's stage and level.
    const page = await phonePage(browser, problems)
    await signInAndBind(page, HOUSEHOLD_PHONE, member.body.name, id.body.value)
    await page.getByTestId('portal-hardship-file').waitFor()
    const stage = await page.getByTestId('portal-hardship-stage').innerText()
    assert.match(stage, /已建档/)
    assert.ok((await page.getByTestId('portal-hardship-level').innerText()).includes('困难'))
    const yuan = (grant.amount_fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })
    const approved = page.getByTestId('portal-hardship-grant').filter({ hasText: `¥${yuan}` }).filter({ has: page.getByTestId('portal-hardship-grant-approved') })
    await approved.first().waitFor()
    assert.ok((await approved.first().innerText()).includes('已批准'))
    await assertNoHorizontalOverflow(page)
    await shot(page, 'hardship-worker-my-help-phone.png')
    await page.context().close()
  })

  it('a worker with no file applies from the phone and sees the application waiting', async () => {
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const someone = await cadre('GET', '/api/v1/members?status=active&limit=1')
    assert.equal(someone.status, 200)
    const created = await cadre('POST', '/api/v1/members', {
      union_id: someone.body.items[0].union.id,
      name: '钱志强',
      id_number: APPLICANT_ID,
      phone: APPLICANT_PHONE,
      join_date: '2018-05-01',
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))

    const page = await phonePage(browser, problems)
    await signInAndBind(page, APPLICANT_PHONE, '钱志强', APPLICANT_ID)
    await page.getByTestId('portal-hardship-none').waitFor()
    await page.getByTestId('portal-hardship-apply').click()
    await page.getByTestId('portal-hardship-apply-view').waitFor()
    await page.getByTestId('apply-self-income').fill('24000')
    await page.getByTestId('apply-add-person').click()
    await page.getByTestId('apply-person-0-name').fill('孙丽')
    await page.getByTestId('apply-person-0-id').fill(idNumber('11010119890903108').slice(0, 17) + '0') // a wrong check character
    await page.getByTestId('apply-person-0-income').fill('0')
    await page.getByTestId('apply-main-cause').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '失业' }).first().click()
    await page.getByTestId('apply-submit').click()
    await page.getByText('身份证号不正确').waitFor()
    await page.getByTestId('apply-person-0-id').fill(idNumber('11010119890903108'))
    assert.equal(await page.getByTestId('apply-size').innerText(), '家庭人口：2 人')
    await assertNoHorizontalOverflow(page)
    await shot(page, 'hardship-worker-apply-phone.png')
    await page.getByTestId('apply-submit').click()

    await page.locator('.el-message', { hasText: '申请已提交' }).waitFor()
    await page.getByTestId('portal-hardship-file').waitFor()
    assert.equal(await page.getByTestId('portal-hardship-stage').innerText(), '申请已提交，等待工会初审')
    assert.equal(await page.getByTestId('portal-hardship-apply').count(), 0, 'one open file per household')
    await assertNoHorizontalOverflow(page)
    await shot(page, 'hardship-worker-applied-phone.png')

    // The union sees it as any file: the worker as "self", applied.
    const files = await cadre('GET', '/api/v1/hardship/files?limit=5')
    assert.ok(files.body.items.some((f) => f.member_id === created.body.id && f.household_size === 2), JSON.stringify(files.body.items))
    await page.context().close()
  })
})
