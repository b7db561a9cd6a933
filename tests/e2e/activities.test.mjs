// Activities in the browser (issue 22): 东城's staff opens a one-seat football match; on a phone
// (390x844) a first worker registers and gets the seat, a second registers and is told
// "候补第 1 位"; the staff cancels the seated member's registration (with a reason) and the
// second worker's phone shows the offer with its countdown; they confirm and hold the seat.
// Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { artifactsDir, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const HOUR = 3_600_000
let browser
const problems = []

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

/** A member of 东华门 with `phone`, and a phone page signed in as them, bound, on 活动. */
async function workerOnActivities(cadre, unionId, phone, name, id) {
  const created = await cadre('POST', '/api/v1/members', { union_id: unionId, name, id_number: id, phone, join_date: '2016-05-01' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const page = await phonePage(browser, problems)
  await signInNewPhone(page, url, output, phone)
  await bindMember(page, name, id)
  await page.getByTestId('portal-tab-portal-me').click()
  await page.getByTestId('portal-me-entry-activities').click()
  return page
}

describe('Activities', () => {
  it('a worker registers on a phone and sees the waitlist number; a staff cancellation offers the seat', async () => {
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const someone = await cadre('GET', '/api/v1/members?status=active&limit=1')
    assert.equal(someone.status, 200)
    const unionId = someone.body.items[0].union.id

    const staff = await staffApi(url, 'staff.dongcheng')
    const now = Date.now()
    const made = await staff('POST', '/api/v1/activities', {
      kind: 'sport',
      title: '东城职工五人制足球赛',
      place: '东城区体育中心',
      opens_at: now - HOUR,
      closes_at: now + 5 * 24 * HOUR,
      starts_at: now + 7 * 24 * HOUR,
      ends_at: now + 7 * 24 * HOUR + 2 * HOUR,
      capacity: 1,
    })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    const id = made.body.activity.id
    assert.equal((await staff('POST', `/api/v1/activities/${id}/open`, {})).status, 200)

    const first = await workerOnActivities(cadre, unionId, '13912350401', '钱立新', idNumber('11010119880512101'))
    const card1 = first.getByTestId('portal-activity').filter({ hasText: '东城职工五人制足球赛' })
    await card1.getByTestId('portal-activity-register').click()
    await card1.getByTestId('portal-activity-state').filter({ hasText: '已报名，名额已确认' }).waitFor()

    const second = await workerOnActivities(cadre, unionId, '13912350402', '孙晓梅', idNumber('11010119900918102'))
    const card2 = second.getByTestId('portal-activity').filter({ hasText: '东城职工五人制足球赛' })
    assert.equal((await card2.getByTestId('portal-activity-register').innerText()).trim(), '报名候补')
    await card2.getByTestId('portal-activity-register').click()
    await card2.getByTestId('portal-activity-state').filter({ hasText: '候补第 1 位' }).waitFor()
    assert.match(await card2.getByTestId('portal-activity-cutoff').innerText(), /前可取消/)
    await assertNoHorizontalOverflow(second)
    await shot(second, 'activities-waitlist-phone.png')

    // The organiser cancels the seated member's registration: the waitlist's first is offered it.
    const regs = await staff('GET', `/api/v1/activities/${id}/registrations`)
    assert.deepEqual(regs.body.items.map((r) => r.state), ['seated', 'waitlisted'])
    const cancelled = await staff('POST', `/api/v1/activities/${id}/registrations/${regs.body.items[0].id}/cancel`, { reason: '本人因伤退赛' })
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body))

    await second.reload()
    const offer = second.getByTestId('portal-activity').filter({ hasText: '东城职工五人制足球赛' }).getByTestId('portal-activity-offer')
    await offer.waitFor()
    assert.match(await offer.innerText(), /剩余 2[34] 小时/)
    await shot(second, 'activities-offer-phone.png')
    await offer.getByTestId('portal-activity-confirm').click()
    await second.locator('.el-message', { hasText: '已确认' }).waitFor()
    const after = await staff('GET', `/api/v1/activities/${id}/registrations`)
    assert.deepEqual(after.body.items.map((r) => r.state), ['seated', 'cancelled'])
    await first.context().close()
    await second.context().close()
  })
})
