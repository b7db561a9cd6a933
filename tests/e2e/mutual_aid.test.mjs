// Mutual aid in the browser (issue 22): 东城's staff makes a property plan and enrols a union; on a
// phone (390x844) a worker of that union files a fire claim with a photo, Compute showing the
// amount before sending; the district's staff opens the claim from the workbench card, approves
// it and records the payment; the worker's phone shows it paid. A hotline request about a burst
// pipe from the same member shows the street cadre "open a mutual-aid claim", which opens the
// claim form prefilled (member, day, request); filed, the request names the claim. Screenshots
// land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

// The first bytes of a JPEG: the server tells the type by them.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 fire photo')])
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) // Beijing's day

let browser
const problems = []
let planTitle = ''
let memberId = ''

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

/** A console page at 1366x800 signed in as `username` (zh-CN). */
async function consolePage(username) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
  const page = await watchedPage(context, problems)
  const res = await page.request.post(`${url}/api/v1/session`, { data: { username, password: ADMIN_PASSWORD } })
  assert.equal(res.status(), 200, await res.text())
  return page
}

/** Fills an Element Plus input (date picker, number) found by its test id. */
async function fillInput(page, testid, value) {
  const input = page.locator(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`).first()
  await input.fill(value)
  await input.press('Enter')
}

describe('Mutual aid', () => {
  let worker

  it('a worker files a fire claim with a photo on a phone; staff approve and pay it; the phone shows it paid', async () => {
    const staff = await staffApi(url, 'staff.dongcheng')
    const cadre = await staffApi(url, 'cadre.donghuamen')
    planTitle = `东城职工财产互助 ${Date.now() % 100000}`
    const plan = await staff('POST', '/api/v1/mutual-aid/plans', {
      code: `e2e_property_${Date.now() % 100000}`,
      title: planTitle,
      kind: 'property',
      payers: [{ payer: 'district', share_bp: 10000 }],
      benefits: [
        { code: 'fire', kind: 'share_of_loss', share_bp: 1000, cap_fen: 2000000 },
        { code: 'pipe_burst', kind: 'share_of_loss', share_bp: 1000, cap_fen: 2000000 },
      ],
    })
    assert.equal(plan.status, 201, JSON.stringify(plan.body))
    const period = await staff('POST', `/api/v1/mutual-aid/plans/${plan.body.id}/periods`, {})
    assert.equal(period.status, 200, JSON.stringify(period.body))

    const someone = await cadre('GET', '/api/v1/members?status=active&limit=1')
    const unionId = someone.body.items[0].union.id
    const id = idNumber('11010119870304221')
    const created = await cadre('POST', '/api/v1/members', { union_id: unionId, name: '吴建国', id_number: id, phone: '13912352201', join_date: '2015-03-01' })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    memberId = created.body.id
    const enrolled = await staff('POST', `/api/v1/mutual-aid/periods/${period.body.id}/enrol`, { org_id: unionId })
    assert.equal(enrolled.status, 200, JSON.stringify(enrolled.body))

    worker = await phonePage(browser, problems)
    await signInNewPhone(worker, url, output, '13912352201')
    await bindMember(worker, '吴建国', id)
    await worker.getByTestId('portal-tab-portal-me').click()
    await worker.getByTestId('portal-me-entry-mutual-aid').click()
    const form = worker.getByTestId('portal-ma-claim-form')
    await form.waitFor()
    await worker.getByTestId('portal-ma-plan').click()
    await worker.locator('.el-select-dropdown__item', { hasText: planTitle }).click()
    await fillInput(worker, 'portal-ma-date', today())
    await fillInput(worker, 'portal-ma-loss', '50000')
    await form.locator('input[type=file]').setInputFiles({ name: '厨房.jpg', mimeType: 'image/jpeg', buffer: JPEG })
    assert.ok(await worker.getByTestId('portal-ma-send').isDisabled(), 'nothing is sent before Compute')
    await worker.getByTestId('portal-ma-compute').click()
    assert.match(await worker.getByTestId('portal-ma-computed').innerText(), /¥5,000\.00/)
    await assertNoHorizontalOverflow(worker)
    await shot(worker, 'mutual-aid-claim-phone.png')
    await worker.getByTestId('portal-ma-send').click()
    const claim = worker.getByTestId('portal-mutual-aid-claim').filter({ hasText: planTitle })
    await claim.filter({ hasText: '已受理' }).waitFor()

    // The photo is the claim's, seen by the district's staff.
    const queue = await staff('GET', '/api/v1/mutual-aid/claims?to_decide=me&limit=200')
    const filed = queue.body.items.find((c) => c.member_id === memberId)
    assert.ok(filed, 'the claim waits for the district')
    const evidence = await staff('GET', `/api/v1/mutual-aid/claims/${filed.id}/evidence`)
    assert.deepEqual(evidence.body.items.map((a) => [a.file_name, a.media_type]), [['厨房.jpg', 'image/jpeg']])

    // The workbench card counts the queue it opens; approve there, then pay among the approved.
    const console_ = await consolePage('staff.dongcheng')
    const cards = await (await console_.request.get(`${url}/api/v1/workbench`)).json()
    const card = cards.cards.find((c) => c.id === 'ma_claims_to_decide')
    assert.equal(card.count, queue.body.items.length)
    await console_.goto(`${url}/`)
    await console_.getByTestId('workbench-card-ma_claims_to_decide').click()
    const rows = console_.getByTestId('mutual-aid-claims').locator('.el-table__row')
    await rows.first().waitFor()
    assert.equal(await rows.count(), card.count)
    // The photo, before deciding: the row's evidence.
    await rows.filter({ hasText: planTitle }).locator('.el-table__expand-icon').click()
    await console_.getByTestId('mutual-aid-claim-evidence').filter({ hasText: '厨房.jpg' }).waitFor()
    await shot(console_, 'mutual-aid-claim-evidence.png')
    await rows.filter({ hasText: planTitle }).getByTestId('mutual-aid-claim-approve').click()
    await console_.locator('.el-message', { hasText: '已批准' }).waitFor()
    await console_.goto(`${url}/mutual-aid?tab=claims&status=approved`)
    await console_.getByTestId('mutual-aid-claims').locator('.el-table__row', { hasText: planTitle }).getByTestId('mutual-aid-claim-pay').click()
    await console_.locator('.el-message-box input').fill('DC-BANK-20261207-1')
    await console_.locator('.el-message-box .el-button--primary').click()
    await console_.locator('.el-message', { hasText: '已登记给付' }).waitFor()
    await console_.context().close()

    await worker.reload()
    await worker.getByTestId('portal-mutual-aid-claim').filter({ hasText: planTitle }).filter({ hasText: '已给付' }).waitFor()
    await shot(worker, 'mutual-aid-paid-phone.png')
  })

  it("a request about a burst pipe offers the street's cadre a prefilled claim, linked to the request", async () => {
    assert.ok(memberId, 'the first case made the member')
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const asked = await cadre('POST', '/api/v1/requests', {
      channel: 'hotline',
      category: 'rights.wage_arrears',
      title: '家中水管爆裂',
      description: '夜里水管爆裂，家具泡水，想问互助保障',
      contact_name: '吴建国',
      contact_phone: '13912352201',
      member_id: memberId,
      region_code: '110101001',
    })
    assert.equal(asked.status, 201, JSON.stringify(asked.body))
    const requestId = asked.body.id

    const page = await consolePage('cadre.donghuamen')
    await page.goto(`${url}/requests/${requestId}`)
    const prompt = page.getByTestId('request-ma-prompt')
    await prompt.waitFor()
    assert.match(await prompt.innerText(), /水管/)
    await shot(page, 'mutual-aid-request-prompt.png')
    await page.getByTestId('request-ma-open-claim').click()
    await page.getByTestId('ma-claim-dialog').waitFor()
    assert.equal(await page.locator('[data-testid="ma-claim-member"] input, input[data-testid="ma-claim-member"]').first().inputValue(), memberId)
    await page.getByTestId('ma-claim-request').waitFor()
    // The fire of the first case was today too: this is the pipe's benefit, another incident.
    await page.getByTestId('ma-claim-benefit').click()
    await page.locator('.el-select-dropdown__item', { hasText: '水管爆裂' }).click()
    await fillInput(page, 'ma-claim-loss', '8000')
    await page.getByTestId('ma-claim-compute').click()
    assert.match(await page.getByTestId('ma-claim-computed').innerText(), /¥800\.00/)
    await page.getByTestId('ma-claim-send').click()
    await page.locator('.el-message', { hasText: '申请已提交' }).waitFor()

    await page.goto(`${url}/requests/${requestId}`)
    await page.getByTestId('request-link-mutual-aid').waitFor()
    assert.equal(await page.getByTestId('request-ma-prompt').count(), 0, 'no prompt once a claim is linked')
    await page.context().close()
    await worker?.context().close()
  })
})
