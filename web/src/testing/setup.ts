// Vitest set-up for every spec file (vite.config.ts `test.setupFiles`).
//
// Element Plus messages close themselves on a Node timer (3 s by default) and then run a leave
// transition that asks for an animation frame. A spec file that ends sooner tears down jsdom
// first, and the late close fails with "requestAnimationFrame is not defined" — an unhandled
// error that fails the whole run at random. Closing every message after each test runs that
// transition while the page still exists.
// The message component alone: importing all of Element Plus here costs every spec file ~1 s.
// It is the module the full import re-exports, so it holds the same open messages.
import { ElMessage } from 'element-plus/es/components/message/index.mjs'
import { afterEach } from 'vitest'

// jsdom's browser prefers en-US; the specs are written for the app's default, zh-CN, unless they
// switch. (A first visit follows the browser's language: locales/index.ts browserLocale.)
globalThis.localStorage?.setItem('zhijia.locale', 'zh-CN')

afterEach(async () => {
  ElMessage.closeAll()
  // The close re-renders on Vue's scheduler; let it run (and start its frame) now.
  await new Promise((resolve) => setTimeout(resolve, 0))
})
