// Helpers the worker-portal browser tests share: the phone viewport, valid ID numbers, a staff
// user's API calls, the sign-in codes the `log` SMS sender writes into the server's output,
// screenshots from the page's top, the no-overflow check, a phone page, signing in and binding.
import assert from 'node:assert/strict'
import path from 'node:path'
import { watchedPage } from './chromium.mjs'
import { ADMIN_PASSWORD, artifactsDir } from './server.mjs'

export const PHONE = { width: 390, height: 844 }

/** A valid ID number (GB 11643 check character computed here, as the server does). */
export function idNumber(body17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0)
  return body17 + '10X98765432'[sum % 11]
}

/** Calls the API at `url` as a staff user (cookie and CSRF token of a fresh session). */
export async function staffApi(url, username) {
  const login = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: ADMIN_PASSWORD }),
  })
  assert.equal(login.status, 200)
  const cookie = login.headers.get('set-cookie').split(';')[0]
  const { csrf_token: csrf } = await login.json()
  return async (method, apiPath, body) => {
    const res = await fetch(`${url}${apiPath}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
}

function codes(output, last4) {
  return [...output().matchAll(new RegExp(`sign-in code (\\d{6}) for \\d{3}\\*{4}${last4}`, 'g'))]
}

/** How many sign-in codes the log sender has written for a phone ending in `last4`. */
export function codesInLog(output, last4) {
  return codes(output, last4).length
}

/** The newest sign-in code for a phone ending in `last4`, once there are more than `before`. */
export async function codeFromLog(output, last4, before = 0) {
  for (let i = 0; i < 100; ++i) {
    const found = codes(output, last4)
    if (found.length > before) return found.at(-1)[1]
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.fail(`no sign-in code for ****${last4} in the server log`)
}

/** A whole-page screenshot from the top, into tests/e2e/artifacts/. */
export async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true })
}

/** The page is no wider than the phone (nothing to scroll sideways). */
export async function assertNoHorizontalOverflow(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= PHONE.width, `the page is ${width}px wide on a ${PHONE.width}px phone`)
}

/** A page in a fresh phone context (zh-CN, touch), watched for page errors into `problems`. */
export async function phonePage(browser, problems, options = {}) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', ...options })
  return watchedPage(context, problems)
}

/** Signs a new phone in on the portal with the code from the server log and accepts the
 *  privacy notice (portal_account.test.mjs looks at the notice itself). */
export async function signInNewPhone(page, url, output, phone) {
  await page.goto(`${url}/portal/me`)
  await page.getByTestId('portal-phone').fill(phone)
  await page.getByTestId('portal-send-code').click()
  await page.getByText(/秒后可重发/).waitFor()
  await page.getByTestId('portal-code').fill(await codeFromLog(output, phone.slice(-4)))
  await page.getByTestId('portal-sign-in-submit').click()
  await page.getByTestId('portal-notice').waitFor()
  await page.getByTestId('portal-notice-accept').click()
}

/** Links the signed-in account to the member with this name and ID; waits for the member card. */
export async function bindMember(page, name, id) {
  await page.getByTestId('portal-me-bind').click()
  await page.getByTestId('portal-binding-name').fill(name)
  await page.getByTestId('portal-binding-id').fill(id)
  await page.getByTestId('portal-binding-submit').click()
  await page.getByTestId('portal-card').waitFor()
}
