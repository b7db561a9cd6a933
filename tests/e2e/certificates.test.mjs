// Certificates in the browser (issue 21): the district's staff runs a competition with
// certificates for first place; on a phone (390x844) a worker links their account, finds the
// competition under My account → My competitions and enters it; the competition is judged and
// published (through the API); the worker sees their rank and certificate with its code on the
// phone and downloads the PDF; then on another phone, signed in to nothing, the public verify
// page shows the certificate as valid with the name masked — from the link with the code and
// from the code typed. Screenshots land in tests/e2e/artifacts/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { launchChromium } from './chromium.mjs'
import { assertNoHorizontalOverflow, bindMember, idNumber, phonePage, shot, signInNewPhone, staffApi } from './portal_helpers.mjs'
import { artifactsDir, startServer } from './server.mjs'

const { url, output } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

const WORKER_PHONE = '13912350301'
const WORKER_ID = idNumber('11010119900307101')

let browser
const problems = []

before(async () => {
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'no page errors or CSP violations')
})

describe('Certificates', () => {
  it('a worker enters on a phone, sees the certificate in My account and anyone verifies it by its code', async () => {
    const cadre = await staffApi(url, 'cadre.donghuamen')
    const someone = await cadre('GET', '/api/v1/members?status=active&limit=1')
    assert.equal(someone.status, 200)
    const created = await cadre('POST', '/api/v1/members', {
      union_id: someone.body.items[0].union.id,
      name: '孙建国',
      id_number: WORKER_ID,
      phone: WORKER_PHONE,
      join_date: '2015-03-01',
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))

    const staff = await staffApi(url, 'staff.dongcheng')
    const sheet = [{ code: 'skill', name: '实操', max_centi: 10000, weight: 100 }]
    const made = await staff('POST', '/api/v1/competitions', {
      title: '东城区焊工技能竞赛',
      kind: 'skills',
      certificate_ranks: 1,
      groups: [{ code: 'welders', name: '焊工个人组', entrant_kind: 'individual', sheet, eligibility: [{ criterion: 'min_age', value: 18 }] }],
    })
    assert.equal(made.status, 201, JSON.stringify(made.body))
    const id = made.body.competition.id

    // Phone: sign in, link the account, My account → My competitions, enter.
    const page = await phonePage(browser, problems, { acceptDownloads: true })
    await signInNewPhone(page, url, output, WORKER_PHONE)
    await bindMember(page, '孙建国', WORKER_ID)
    await page.getByTestId('portal-tab-portal-me').click()
    await page.getByTestId('portal-me-entry-competitions').click()
    const open = page.getByTestId('portal-open-competition').filter({ hasText: '东城区焊工技能竞赛' })
    await open.waitFor()
    await assertNoHorizontalOverflow(page)
    await shot(page, 'certificates-open-phone.png')
    await open.getByTestId('portal-enrol').click()
    await page.locator('.el-message', { hasText: '已报名' }).waitFor()
    await page.getByTestId('portal-my-entry').filter({ hasText: '东城区焊工技能竞赛' }).waitFor()

    // The organiser freezes the list, judges it and publishes.
    assert.equal((await staff('POST', `/api/v1/competitions/${id}/freeze`, {})).status, 200)
    const me = await staff('GET', '/api/v1/session')
    const judge = await staff('POST', `/api/v1/competitions/${id}/judges`, { user_id: me.body.user.id, groups: ['welders'] })
    assert.equal(judge.status, 201, JSON.stringify(judge.body))
    const entries = await staff('GET', `/api/v1/competitions/${id}/entries`)
    assert.equal(entries.body.items.length, 1)
    const marked = await staff('PUT', `/api/v1/judging/${entries.body.items[0].id}`, { marks: { skill: 9250 } })
    assert.equal(marked.status, 200, JSON.stringify(marked.body))
    const published = await staff('POST', `/api/v1/competitions/${id}/publish`, {})
    assert.equal(published.status, 200, JSON.stringify(published.body))

    // The worker's rank and certificate, with its code and the PDF.
    await page.reload()
    const cert = page.getByTestId('portal-certificate').filter({ hasText: '东城区焊工技能竞赛' })
    await cert.waitFor()
    assert.match(await page.getByTestId('portal-my-entry-result').first().innerText(), /组内第 1 名/)
    const code = (await cert.getByTestId('portal-certificate-code').innerText()).trim()
    assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    const [download] = await Promise.all([page.waitForEvent('download'), cert.getByTestId('portal-certificate-pdf').click()])
    assert.match(download.suggestedFilename(), /\.pdf$/)
    await assertNoHorizontalOverflow(page)
    await shot(page, 'certificates-mine-phone.png')
    await page.context().close()

    // Anyone, signed in to nothing: the link printed on the certificate, then the code typed.
    const visitor = await phonePage(browser, problems, { acceptDownloads: true })
    await visitor.goto(`${url}/verify?code=${code.replaceAll('-', '')}`)
    await visitor.getByTestId('verify-result').waitFor()
    assert.match(await visitor.getByTestId('verify-status').innerText(), /证书有效/)
    assert.equal(await visitor.getByTestId('verify-holder').innerText(), '孙**')
    assert.equal(await visitor.getByTestId('verify-title').innerText(), '东城区焊工技能竞赛')
    assert.match(await visitor.getByTestId('verify-place').innerText(), /第 1 名/)
    await assertNoHorizontalOverflow(visitor)
    await shot(visitor, 'certificates-verify-phone.png')
    await visitor.getByTestId('verify-code').fill('ABCD-EFGH-JKM0')
    await visitor.getByTestId('verify-check').click()
    await visitor.getByTestId('verify-problem').waitFor()
    await visitor.getByTestId('verify-code').fill(code.toLowerCase())
    await visitor.getByTestId('verify-check').click()
    await visitor.getByTestId('verify-result').waitFor()
    assert.equal(await visitor.getByTestId('verify-holder').innerText(), '孙**')
    await visitor.context().close()
  })
})
