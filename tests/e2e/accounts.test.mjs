// Accounts in the browser, and the org-scope rule as a user meets it: district staff see only
// their own district's accounts, and editing the URL to another district's account finds
// nothing; a grassroots cadre has no account management but can change their own password.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { launchChromium, watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir, startServer } from './server.mjs'

const { url } = await startServer()
mkdirSync(artifactsDir, { recursive: true })

let browser
const problems = []

/** A fresh browser context signed in as `username` (every demo account has ADMIN_PASSWORD). */
async function signedIn(username, password = ADMIN_PASSWORD) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })
  const page = await watchedPage(context, problems)
  await page.goto(`${url}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${url}/`)
  return { context, page }
}

async function userTableNames(page) {
  await page.getByTestId('users-table').locator('.el-table__body').waitFor()
  await page.waitForLoadState('networkidle')
  return page.getByTestId('users-table').locator('.el-table__body tr td:first-child').allInnerTexts()
}

before(async () => {
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  assert.deepEqual(problems, [], 'the pages raised errors or CSP violations')
})

describe('accounts and the org scope in the browser', () => {
  it('lets the administrator see every account and create one in a district', async () => {
    const { context, page } = await signedIn('admin')
    try {
      await page.getByTestId('menu-users').click()
      await page.waitForURL(`${url}/users`)
      const names = await userTableNames(page)
      for (const name of ['admin', 'staff.dongcheng', 'staff.xicheng', 'cadre.donghuamen']) {
        assert.ok(names.includes(name), `${name} missing from ${names}`)
      }
      await page.getByTestId('users-create').click()
      const form = page.getByTestId('users-form')
      await form.getByLabel('用户名').fill('staff.dongcheng2')
      await form.getByLabel('姓名').fill('东城区新同事')
      await form.getByLabel('所属组织').fill('东城区')
      await page.getByRole('option', { name: /北京市东城区总工会/ }).first().click()
      await form.getByLabel('初始密码').fill('Quiet-River-2026-x')
      await page.screenshot({ path: path.join(artifactsDir, 'users-create.png') })
      await page.getByTestId('users-save').click()
      await page.getByText('账号已创建').waitFor()
      assert.ok((await userTableNames(page)).includes('staff.dongcheng2'))
      await page.getByTestId('users-form').waitFor({ state: 'hidden' })
      await page.screenshot({ path: path.join(artifactsDir, 'users-desktop.png'), fullPage: true })
    } finally {
      await context.close()
    }
  })

  it("shows district staff only their district's accounts", async () => {
    const { context, page } = await signedIn('staff.dongcheng')
    try {
      await page.getByTestId('menu-users').click()
      const names = await userTableNames(page)
      assert.ok(names.includes('cadre.donghuamen'), `the district's street cadre is listed: ${names}`)
      for (const hidden of ['admin', 'staff.xicheng', 'operator']) {
        assert.ok(!names.includes(hidden), `${hidden} must not be visible to 东城 staff: ${names}`)
      }
      await page.getByTestId('users-search').fill('staff.xicheng')
      await page.getByTestId('users-search').press('Enter')
      await page.getByText('没有符合条件的账号').waitFor()
    } finally {
      await context.close()
    }
  })

  it("finds nothing when district staff edit the URL to another district's account", async () => {
    const admin = await signedIn('admin')
    const list = await (await admin.page.request.get(`${url}/api/v1/users?q=staff.xicheng`)).json()
    await admin.context.close()
    const xicheng = list.items.find((u) => u.username === 'staff.xicheng')
    assert.ok(xicheng, 'the administrator can find staff.xicheng')

    const { context, page } = await signedIn('staff.dongcheng')
    try {
      const api = await page.request.get(`${url}/api/v1/users/${xicheng.id}`)
      assert.equal(api.status(), 404)
      assert.doesNotMatch(await api.text(), /xicheng|西城/)
      await page.goto(`${url}/users/${xicheng.id}`)
      await page.locator('.users-not-found').waitFor()
      await page.waitForURL(`${url}/users`)
      assert.equal(await page.getByTestId('users-form').isVisible().catch(() => false), false)
      assert.equal(await page.getByText('staff.xicheng').count(), 0)
    } finally {
      await context.close()
    }
  })

  it('shows phone numbers masked, reveals one only with a reason, and audits the look', async () => {
    const { context, page } = await signedIn('admin')
    try {
      await page.getByTestId('menu-users').click()
      await userTableNames(page)
      const row = page.getByTestId('users-table').locator('.el-table__body tr', { hasText: 'operator' }).first()
      await row.getByRole('button', { name: '编辑' }).click()
      const form = page.getByTestId('users-form')
      await form.getByLabel('手机号').fill('１３８１２３４５６７８')  // full-width, as typed on a Chinese IME
      await page.getByTestId('users-save').click()
      await page.getByText('已保存').waitFor()
      await row.getByText('138****5678').waitFor()
      assert.equal(await page.getByText('13812345678').count(), 0, 'the list never shows the full number')

      await row.getByTestId('users-reveal').click()
      const prompt = page.locator('.users-reveal')
      await prompt.locator('input').fill('x')
      await prompt.getByRole('button', { name: /确定|OK/ }).click()
      await prompt.getByText('原因至少 2 个字').waitFor()
      await prompt.locator('input').fill('回访核实来电')
      await prompt.getByRole('button', { name: /确定|OK/ }).click()
      await page.locator('.users-revealed').getByText('完整号码：13812345678').waitFor()
      await page.locator('.users-revealed').getByRole('button', { name: /确定|OK/ }).click()

      await page.getByTestId('menu-audit').click()
      await page.waitForURL(`${url}/audit`)
      const entry = page.getByTestId('audit-table').locator('.el-table__body tr', { hasText: '查看完整个人信息' })
      await entry.first().waitFor()
      assert.match(await entry.first().innerText(), /回访核实来电/)
      await page.screenshot({ path: path.join(artifactsDir, 'audit-desktop.png'), fullPage: true })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.screenshot({ path: path.join(artifactsDir, 'audit-phone.png'), fullPage: true })
      // On a phone the menu is behind a button, and closes again after navigating.
      await page.getByTestId('menu-users').waitFor({ state: 'hidden' })
      await page.getByTestId('menu-open').click()
      await page.getByTestId('menu-users').click()
      await page.waitForURL(`${url}/users`)
      await page.getByTestId('users-table').waitFor()
      await page.getByTestId('menu-users').waitFor({ state: 'hidden' })
      await page.screenshot({ path: path.join(artifactsDir, 'users-phone.png'), fullPage: true })
    } finally {
      await context.close()
    }
  })

  it('gives a cadre no account management but lets them change their password', async () => {
    const { context, page } = await signedIn('cadre.donghuamen')
    try {
      assert.equal(await page.getByTestId('menu-users').count(), 0)
      await page.getByTestId('change-password').click()
      await page.waitForURL(`${url}/password`)
      const form = page.getByTestId('password-form')
      await form.getByLabel('当前密码').fill('not-my-password')
      await form.getByLabel('新密码', { exact: true }).fill('Quiet-River-2026-x')
      await form.getByLabel('确认新密码').fill('Quiet-River-2026-y')
      await page.getByTestId('password-submit').click()
      await page.getByText('两次输入的新密码不一致').waitFor()

      await form.getByLabel('确认新密码').fill('Quiet-River-2026-x')
      await page.getByTestId('password-submit').click()
      await page.getByText(/当前密码|密码不正确/).first().waitFor()

      await form.getByLabel('当前密码').fill(ADMIN_PASSWORD)
      await page.getByTestId('password-submit').click()
      await page.getByText('密码已修改').waitFor()
    } finally {
      await context.close()
    }
    const again = await signedIn('cadre.donghuamen', 'Quiet-River-2026-x')
    await again.context.close()
  })
})
