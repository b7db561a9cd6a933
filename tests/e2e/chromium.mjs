// Debian's Chromium through playwright-core, headless, with the flags this closed network
// needs (no background connections), and a collector of page errors and CSP violations.
import { importFromWeb } from './server.mjs'

const playwright = await importFromWeb('playwright-core')
const { chromium } = playwright.default ?? playwright // CommonJS package

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const TIMEOUT_MS = 10_000

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A new page whose JavaScript errors and CSP violations are pushed onto `problems`. */
export async function watchedPage(context, problems) {
  context.setDefaultTimeout(TIMEOUT_MS)
  const page = await context.newPage()
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`)
  })
  return page
}
