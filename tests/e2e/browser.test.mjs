// The front end in Debian's Chromium against a real server: login page in both languages,
// wrong and right password, console frame, worker portal on a phone, sign-out. Screenshots land
// in tests/e2e/artifacts/ (git-ignored) for a person to look at.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { TIMEOUT_MS, launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

let browser
let context
let page
/** Page errors and CSP violations: any of them fails the run. */
const problems = []

function shot(name) {
  return page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}

before(async () => {
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
  page = await watchedPage(context, problems)
})

after(async () => {
  await browser?.close()
})

describe('staff console and worker portal in the browser', () => {
  it('shows the login page in Chinese by default, with <html lang> set', async () => {
    await page.goto(`${url}/login`)
    await page.getByTestId('login-title').getByText('职工之家').waitFor()
    await page.getByRole('button', { name: '登录' }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    assert.match(await page.title(), /职工之家/)
    await shot('login-zh.png')
  })

  it('switches the login page to English and keeps the choice after a reload', async () => {
    await page.locator('[data-testid="locale-switch"] [data-locale="en"]').click()
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await page.getByText('Username', { exact: true }).waitFor()
    await page.getByText('Password', { exact: true }).waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    assert.equal(await page.locator('.el-form-item.is-error').count(), 0, 'switching language flagged untouched fields')
    await shot('login-en.png')

    await page.reload()
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    assert.equal(await page.getByTestId('login-title').innerText(), 'Zhijia')
  })

  it('shows required-field messages for an empty form', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('Please enter your username').waitFor()
    await page.getByText('Please enter your password').waitFor()
  })

  it("shows the server's error for a wrong password", async () => {
    await page.getByTestId('login-username').fill('admin')
    await page.getByTestId('login-password').fill('wrong-password')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ])
    assert.equal(response.status(), 401)
    const problem = await response.json()
    const expected = problem.detail ?? problem.title
    assert.ok(expected, `401 body has neither detail nor title: ${JSON.stringify(problem)}`)
    assert.equal(response.request().headers()['accept-language'], 'en')
    const alert = page.getByTestId('login-error')
    await alert.waitFor()
    assert.match(await alert.innerText(), new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    assert.equal(new URL(page.url()).pathname, '/login')
  })

  it('signs in as admin and shows the console with user and server version', async () => {
    await page.locator('[data-testid="locale-switch"] [data-locale="zh-CN"]').click()
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(`${url}/`)

    const session = await (await page.request.get(`${url}/api/v1/session`)).json()
    const version = await (await page.request.get(`${url}/api/v1/version`)).json()
    await page.getByTestId('console-user-name').getByText(session.user.display_name).waitFor()
    await page.getByTestId('server-version').getByText(version.version, { exact: true }).waitFor()
    assert.equal(await page.getByTestId('db-backend').innerText(), 'SQLite')
    assert.equal(await page.getByTestId('schema-version').innerText(), String(version.schema_version))
    await page.getByText(session.user.org.name).first().waitFor()
    await page.getByRole('menuitem', { name: '首页' }).waitFor()
    await shot('console-desktop.png')
  })

  it('shows the worker portal on a phone without signing in', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    })
    try {
      const portal = await phone.newPage()
      portal.on('pageerror', (error) => problems.push(`portal page error: ${error.message}`))
      await portal.goto(`${url}/portal`)
      await portal.getByTestId('portal-welcome').waitFor({ timeout: TIMEOUT_MS })
      const call = portal.getByTestId('hotline-call')
      assert.equal(await call.getAttribute('href'), 'tel:12351')
      await portal.getByText('12351 职工服务热线').waitFor({ timeout: TIMEOUT_MS })
      for (const tab of ['首页', '办事', '我的']) {
        assert.ok(await portal.locator('.portal-tabs').getByText(tab, { exact: true }).isVisible(), `tab ${tab}`)
      }
      // Phone-first: nothing wider than the screen.
      const scrollWidth = await portal.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(scrollWidth <= 390, `page is ${scrollWidth}px wide on a 390px screen`)
      await portal.screenshot({ path: path.join(artifactsDir, 'portal-phone.png') })
    } finally {
      await phone.close()
    }
  })

  it('signs out to /login, after which / redirects to /login', async () => {
    await page.getByTestId('logout').click()
    await page.waitForURL((u) => u.pathname === '/login')
    const session = await page.request.get(`${url}/api/v1/session`)
    assert.equal(session.status(), 401)

    await page.goto(`${url}/`)
    await page.waitForURL((u) => u.pathname === '/login')
    await page.getByRole('button', { name: '登录' }).waitFor()
  })

  it('shows the not-found page for an unknown route', async () => {
    await page.goto(`${url}/no/such/page`)
    await page.getByTestId('not-found').waitFor()
  })

  it('saw no page errors or CSP violations', () => {
    assert.deepEqual(problems, [])
  })
})
