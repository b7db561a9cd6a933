// My membership in the browser (issue 19), on a phone (390x844): a bound worker opens My
// membership from My account and sees the history (joined the union) and whom to contact (the
// union, its street federation, the 12351 hotline); changing jobs, the worker picks the
// receiving union by name, says why and sends it: the transfer shows as pending with a withdraw
// button. Withdrawn, it is asked again with the page in English and shows as pending there.
// Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { artifactsDir, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const WORKER_PHONE = '13912350119'
const WORKER_ID = idNumber('11010119870621105')

let browser
const problems = []


/** Picks the first union the search lists other than `own`; its name. */
async function pickUnion(page, query, own) {
  await page.getByTestId('portal-membership-union-select').click()
  await page.keyboard.type(query)
  const option = page.locator('.el-select-dropdown__item:visible').filter({ hasNotText: own }).first()
  await option.waitFor()
  const name = (await option.locator('span').first().innerText()).trim()
  await option.click()
  return name
}

before(async () => {
  browser = await launchChromium()
  const cadre = await staffApi(url, 'cadre.donghuamen')
  const demo = await cadre('GET', `/api/v1/members?q=${encodeURIComponent('李明华')}`)
  assert.equal(demo.status, 200)
  const unionId = demo.body.items[0].union.id
  const created = await cadre('POST', '/api/v1/members', {
    union_id: unionId,
    name: '孙建国',
    id_number: WORKER_ID,
    phone: WORKER_PHONE,
    join_date: '2016-03-01',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('My membership', () => {
  it('a worker sees the history and contacts, asks to move to another union and sees it pending, in Chinese and English', async () => {
    const page = await phonePage(browser, problems)
    const context = page.context()
    await signInNewPhone(page, url, output, WORKER_PHONE)
    await bindMember(page, '孙建国', WORKER_ID)

    await page.getByTestId('portal-tab-portal-me').click()
    await page.getByTestId('portal-me-entry-membership').click()
    await page.getByTestId('portal-membership').waitFor()
    const own = (await page.getByTestId('portal-membership-union').innerText()).trim()
    const history = await page.getByTestId('portal-membership-history').innerText()
    assert.ok(history.includes(`加入${own}`), `the history shows joining ${own}: ${history}`)
    const contacts = await page.getByTestId('portal-membership-contacts').innerText()
    assert.ok(contacts.includes(own) && contacts.includes('东华门街道总工会') && contacts.includes('12351'), contacts)
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-membership-phone.png')

    // Changing jobs: the receiving union by name, a reason, sent; pending with a withdraw button.
    await page.getByTestId('portal-membership-ask').click()
    await page.getByTestId('portal-membership-ask-submit').click()
    await page.getByText('请选择转入工会').waitFor()
    const to = await pickUnion(page, '工会', own)
    await page.getByTestId('portal-membership-employer').fill('新华书店')
    await page.getByTestId('portal-membership-reason').fill('已到新单位工作')
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-membership-ask-phone.png')
    await page.getByTestId('portal-membership-ask-submit').click()
    await page.locator('.el-message', { hasText: '已提交，请等待工会审批' }).waitFor()
    const transfer = page.getByTestId('portal-membership-transfer').first()
    await transfer.waitFor()
    assert.ok((await transfer.innerText()).includes(`${own} → ${to}`))
    assert.equal((await page.getByTestId('portal-membership-transfer-state').first().innerText()).trim(), '审批中')
    assert.equal(await page.getByTestId('portal-membership-ask').count(), 0, 'one pending transfer per member')
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-membership-pending-phone.png')

    // Withdrawn while pending, then asked again in English.
    await page.getByTestId('portal-membership-withdraw').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await page.locator('.el-message', { hasText: '已撤回' }).waitFor()
    // The message shows before the list reloads: wait for the row itself to say so.
    await page.getByTestId('portal-membership-transfer-state').first().filter({ hasText: '已撤回' }).waitFor()

    await page.locator('[data-testid="locale-switch"] [data-locale="en"]').click()
    await page.getByText('Contact your union').waitFor()
    await page.getByTestId('portal-membership-ask').click()
    await pickUnion(page, '工会', own)
    await page.getByTestId('portal-membership-reason').fill('I started at a new workplace')
    await page.getByTestId('portal-membership-ask-submit').click()
    await page.locator('.el-message', { hasText: 'Sent; the union will decide' }).waitFor()
    await page.getByTestId('portal-membership-withdraw').waitFor()
    assert.equal((await page.getByTestId('portal-membership-transfer-state').first().innerText()).trim(), 'Pending')
    assert.ok((await page.getByTestId('portal-membership-history').innerText()).includes(`Joined ${own}`))
    await assertNoHorizontalOverflow(page)
    await shot(page, 'portal-membership-pending-phone-en.png')
    await context.close()
  })
})
