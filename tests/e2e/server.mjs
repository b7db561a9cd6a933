// Runs a real zhijia server for one e2e test file: a fresh SQLite database in a temp folder,
// migrated and filled with the demo tree, served on a free port with web/dist as web root.
// `startServer()` registers a node:test `after` hook that stops it with SIGTERM (asserting exit
// code 0) and removes the temp folder, whether the tests passed or failed.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after } from 'node:test'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const webRoot = path.join(repoRoot, 'web', 'dist')
export const artifactsDir = path.join(repoRoot, 'tests', 'e2e', 'artifacts')
export const zhijiaBin = process.env.ZHIJIA_BIN ?? path.join(repoRoot, 'build', 'src', 'zhijia')
export const ADMIN_PASSWORD = 'Secret-Pass-2026'

/** Imports a package installed in web/node_modules (these tests have no package.json of their own). */
export async function importFromWeb(name) {
  const require = createRequire(path.join(repoRoot, 'web', 'package.json'))
  return import(pathToFileURL(require.resolve(name)).href)
}

const STARTUP_TIMEOUT_MS = 20_000
const STOP_TIMEOUT_MS = 10_000

/** Runs `zhijia ARGS` to completion (asserting exit code 0); returns its standard output. */
export function runCli(args) {
  const result = spawnSync(zhijiaBin, args, { encoding: 'utf8', timeout: 60_000 })
  assert.equal(
    result.status,
    0,
    `zhijia ${args.join(' ')} exited with ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`,
  )
  return result.stdout
}

/** Resolves to the URL once the server prints its "zhijia VERSION listening on http://…" line (in either language); rejects if it exits. */
function waitForListening(child, exited, log) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`zhijia serve did not report its URL within ${STARTUP_TIMEOUT_MS} ms\n${log()}`)),
      STARTUP_TIMEOUT_MS,
    )
    child.stdout.on('data', () => {
      const match = /zhijia \S+ .*?(http:\/\/127\.0\.0\.1:\d+)/.exec(log())
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`zhijia serve exited early (${code ?? signal})\n${log()}`))
    })
  })
}

/** Starts a server; resolves to `{ url, output, db }`, where `output()` is everything it printed and
 *  `db` the --db value, for CLI commands run beside it. `webRoot` serves another copy of the
 *  front end (a test that changes the files it serves); `demoArgs` go to `zhijia demo` (e.g.
 *  `['--history']` for a federation a year into service). */
export async function startServer({ webRoot: root = webRoot, demoArgs = [] } = {}) {
  assert.ok(existsSync(zhijiaBin), `zhijia binary not found at ${zhijiaBin} (build it, or set ZHIJIA_BIN)`)
  assert.ok(existsSync(path.join(root, 'index.html')), `${root}/index.html missing: run "npm run build" in web/`)

  const dir = mkdtempSync(path.join(tmpdir(), 'zhijia-e2e-'))
  const db = `sqlite:${path.join(dir, 'zhijia.db')}`
  let child = null
  let exitStatus = null
  let exited = null
  let output = ''

  async function stop() {
    try {
      if (exitStatus) assert.fail(`zhijia serve stopped by itself (${JSON.stringify(exitStatus)})\n${output}`)
      if (!child) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      const { code, signal } = await exited
      clearTimeout(timer)
      assert.equal(signal, null, `zhijia serve did not stop on SIGTERM and was killed\n${output}`)
      assert.equal(code, 0, `zhijia serve exited with ${code} after SIGTERM\n${output}`)
      // SQLite removes the write-ahead log when the last connection closes cleanly.
      assert.ok(!existsSync(path.join(dir, 'zhijia.db-wal')), 'the database was not closed cleanly (WAL file left)')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  try {
    runCli(['migrate', '--db', db])
    runCli(['demo', '--db', db, '--admin-password', ADMIN_PASSWORD, ...demoArgs])
    child = spawn(zhijiaBin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        exitStatus = { code, signal }
        resolve(exitStatus)
      })
    })
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8')
      stream.on('data', (chunk) => {
        output += chunk
      })
    }
    const url = await waitForListening(child, exited, () => output)
    after(stop)
    return { url, output: () => output, db }
  } catch (error) {
    if (child && !exitStatus) child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
