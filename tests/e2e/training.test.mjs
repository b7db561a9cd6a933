// Training in the browser (issue 22, its done-means): 东城's staff runs a skills course whose
// certificates are valid 24 months, with a class starting in half an hour and one session; on a
// phone (390x844) a worker links their account and enrols from My account → 我的培训; the staff
// checks them in at the session by their card's QR payload and records a pass (through the API):
// a training certificate with its code and expiry. The worker's 我的培训 shows it with the
// expiry; then on another phone, signed in to nothing, the public verify page shows it as valid,
// the name masked and the expiry day. Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { artifactsDir, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const WORKER_PHONE = '13912350401'
const WORKER_ID = idNumber('11010119880512201')
const MINUTE = 60_000

let browser
const problems = []

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('Training', () => {
  it('a worker enrols on a phone, attends, passes, and anyone verifies the certificate with its expiry', async () => {
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const someone = await cadre('GET', '/api/v1/members?status=active&limit=1')
    assert.equal(someone.status, 200)
    const created = await cadre('POST', '/api/v1/members', {
      union_id: someone.body.items[0].union.id,
      name: '钱学文',
      id_number: WORKER_ID,
      phone: WORKER_PHONE,
      join_date: '2016-04-01',
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))

    const staff = await staffApi(url, 'staff.dongcheng')
    const course = await staff('POST', '/api/v1/courses', {
      kind: 'skills',
      title: '东城区电工复训班',
      trade: '电工',
      certificate_valid_months: 24,
      remind_days_before: 30,
      min_attendance_percent: 100,
    })
    assert.equal(course.status, 201, JSON.stringify(course.body))
    const now = Date.now()
    const starts = now + 30 * MINUTE
    const klass = await staff('POST', `/api/v1/courses/${course.body.id}/classes`, {
      title: '第一期',
      place: '东城区职工服务中心',
      opens_at: now - 60 * MINUTE,
      closes_at: now + 20 * MINUTE,
      starts_at: starts,
      ends_at: starts + 180 * MINUTE,
      capacity: 10,
    })
    assert.equal(klass.status, 201, JSON.stringify(klass.body))
    const session = await staff('POST', `/api/v1/classes/${klass.body.id}/sessions`, { starts_at: starts, ends_at: starts + 120 * MINUTE, place: '302 教室' })
    assert.equal(session.status, 201, JSON.stringify(session.body))

    // Phone: sign in, link the account, My account → 我的培训, enrol.
    const page = await phonePage(browser, problems)
    await signInNewPhone(page, url, output, WORKER_PHONE)
    await bindMember(page, '钱学文', WORKER_ID)
    await page.getByTestId('portal-tab-portal-me').click()
    await page.getByTestId('portal-me-entry-training').click()
    const card = page.getByTestId('portal-training-class').filter({ hasText: '东城区电工复训班' })
    await card.waitFor()
    await card.getByTestId('portal-training-enrol').click()
    await page.locator('.el-message', { hasText: '已报名' }).waitFor()
    await card.filter({ hasText: '在读' }).waitFor()
    await assertNoHorizontalOverflow(page)
    await shot(page, 'training-enrolled-phone.png')

    // The staff checks the worker in by the card's payload (as the scanner sends it) and
    // records the pass.
    const answer = await page.request.get(`${url}/api/v1/me/card`)
    assert.equal(answer.status(), 200)
    const { token } = await answer.json()
    const scanned = await staff('POST', `/api/v1/sessions/${session.body.id}/check-ins`, {
      scans: [{ scan_id: 'e2e-training-0001', token, scanned_at: Date.now() }],
    })
    assert.equal(scanned.status, 200, JSON.stringify(scanned.body))
    assert.equal(scanned.body.items[0].outcome, 'recorded', JSON.stringify(scanned.body))
    const detail = await staff('GET', `/api/v1/classes/${klass.body.id}`)
    const me = detail.body.enrolments.find((e) => e.member_name === '钱**')
    assert.ok(me?.may_be_assessed, JSON.stringify(detail.body.enrolments))
    const passed = await staff('POST', `/api/v1/classes/${klass.body.id}/assessments`, { member_id: me.member_id, result: 'pass', score: 91 })
    assert.equal(passed.status, 201, JSON.stringify(passed.body))
    const code = passed.body.certificate_code
    const expiresOn = passed.body.expires_on
    assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    assert.match(expiresOn, /^\d{4}-\d{2}-\d{2}$/)

    // 我的培训: the certificate with its expiry.
    await page.reload()
    const cert = page.getByTestId('portal-training-certificate').filter({ hasText: '东城区电工复训班' })
    await cert.waitFor()
    assert.match(await cert.innerText(), new RegExp(`有效期至 ${expiresOn}`))
    assert.match(await cert.innerText(), new RegExp(code))
    await assertNoHorizontalOverflow(page)
    await shot(page, 'training-certificate-phone.png')
    await page.context().close()

    // Anyone, signed in to nothing: the verify page shows the certificate and its expiry.
    const visitor = await phonePage(browser, problems)
    await visitor.goto(`${url}/verify?code=${code.replaceAll('-', '')}`)
    await visitor.getByTestId('verify-result').waitFor()
    assert.match(await visitor.getByTestId('verify-status').innerText(), /证书有效/)
    assert.equal(await visitor.getByTestId('verify-holder').innerText(), '钱**')
    assert.equal(await visitor.getByTestId('verify-title').innerText(), '东城区电工复训班')
    assert.match(await visitor.getByTestId('verify-expires').innerText(), new RegExp(expiresOn))
    await assertNoHorizontalOverflow(visitor)
    await shot(visitor, 'training-verify-phone.png')
    await visitor.context().close()
  })
})
