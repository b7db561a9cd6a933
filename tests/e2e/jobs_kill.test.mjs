// kill -9 in the middle of a web import (issue 17): a roster of 60,000 members is uploaded over
// HTTP; once some batches are committed the server is killed with SIGKILL; a new server on the
// same database and files folder takes the run up again (its heartbeat stopped), resumes after
// the last committed batch and ends it. Afterwards the union holds every member exactly once:
// the run accepted all rows, and an export of the union lists each ID number once.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { ADMIN_PASSWORD, runCli, zhijiaBin } from './server.mjs'

const ROWS = 60_000
const dir = mkdtempSync(path.join(tmpdir(), 'zhijia-kill-e2e-'))
const db = `sqlite:${path.join(dir, 'zhijia.db')}`
const keyFile = path.join(dir, 'zhijia.key')
const common = ['--db', db, '--key-file', keyFile]
let server = null

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function nationalId(region, birth, sequence) {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

/** Starts `zhijia serve` on the test's database; resolves to { child, url, exited }. */
function serve() {
  return new Promise((resolve, reject) => {
    const child = spawn(zhijiaBin, [...common, 'serve', '--listen', '127.0.0.1:0', '--web-root', ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })))
    const timer = setTimeout(() => reject(new Error(`zhijia serve did not start\n${output}`)), 30_000)
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8')
      stream.on('data', (chunk) => {
        output += chunk
        const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)
        if (match && stream === child.stdout) {
          clearTimeout(timer)
          resolve({ child, url: match[1], exited, output: () => output })
        }
      })
    }
    exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`zhijia serve exited (${code ?? signal})\n${output}`))
    })
  })
}

/** A person's name has no digits: `n` in Han digits. */
const hanDigits = (n) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')

async function signIn(url) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  })
  const text = await res.text()
  assert.equal(res.status, 200, text)
  return { cookie: res.headers.get('set-cookie').split(';')[0], csrf: JSON.parse(text).csrf_token }
}

function api(url, who) {
  return async (method, target, body, type = 'application/json') => {
    const res = await fetch(url + target, {
      method,
      headers: { Cookie: who.cookie, 'X-CSRF-Token': who.csrf, ...(body ? { 'Content-Type': type } : {}) },
      body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
    })
    const text = await res.text()
    return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : null, text }
  }
}

after(async () => {
  if (server) {
    server.child.kill('SIGTERM')
    const { code, signal } = await server.exited
    assert.equal(signal, null, 'the restarted server stops on SIGTERM')
    assert.equal(code, 0)
  }
  rmSync(dir, { recursive: true, force: true })
})

describe('kill -9 of the server in the middle of an import', () => {
  it('resumes the run on restart and ends with every member exactly once', async () => {
    runCli([...common, 'migrate'])
    runCli([...common, 'demo', '--admin-password', ADMIN_PASSWORD])
    runCli([...common, 'orgs', 'add', '--code', 'E2E-KILL', '--name', '断电测试工会', '--kind', 'grassroots', '--parent', '110101001'])
    const lines = ['姓名,身份证号']
    for (let i = 0; i < ROWS; i++) {
      const day = new Date(Date.UTC(1975, 0, 1) + Math.floor(i / 1000) * 86_400_000)
      lines.push(`职工${hanDigits(i)},${nationalId('110102', day.toISOString().slice(0, 10).replaceAll('-', ''), i % 1000)}`)
    }
    const roster = lines.join('\n') + '\n'

    server = await serve()
    let call = api(server.url, await signIn(server.url))
    const orgs = await call('GET', '/api/v1/orgs?q=E2E-KILL')
    const union = orgs.json.items.find((o) => o.code === 'E2E-KILL').id
    const upload = await call('POST', `/api/v1/members/imports?union_id=${union}&file_name=kill.csv`, roster, 'application/octet-stream')
    assert.equal(upload.status, 202, upload.text)
    const id = upload.json.id

    // Some batches committed, the run not done: pull the plug.
    let committed = 0
    for (let i = 0; i < 600; i++) {
      const run = await call('GET', `/api/v1/members/imports/${id}`)
      committed = run.json.job?.progress.rows_committed ?? 0
      assert.notEqual(run.json.status, 'done', 'the import finished before the kill: make the roster larger')
      if (committed >= 4000) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.ok(committed > 0, 'batches were committed before the kill')
    server.child.kill('SIGKILL')
    await server.exited
    server = null

    server = await serve()
    call = api(server.url, await signIn(server.url))
    let run = null
    for (let i = 0; i < 1200; i++) {
      run = (await call('GET', `/api/v1/members/imports/${id}`)).json
      if (['done', 'failed', 'cancelled', 'refused'].includes(run.status)) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    assert.equal(run.status, 'done', JSON.stringify(run.job))
    assert.ok(run.job.attempts >= 2, `the job was taken up again (attempts ${run.job.attempts})`)
    assert.equal(run.accepted, ROWS)
    assert.equal(run.already_present, 0)
    assert.equal(run.rejected, 0)

    // Every member exactly once: the union's roster, exported in full (60,000 rows: a background
    // job whose file is downloaded when ready), lists each ID once.
    const exported = await call('POST', '/api/v1/members/export', { org_id: union, format: 'csv', full: true, reason: '断电恢复核对' })
    assert.equal(exported.status, 202, exported.text.slice(0, 300))
    let job = exported.json
    for (let i = 0; i < 600 && !['succeeded', 'failed', 'cancelled'].includes(job.state); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      job = (await call('GET', `/api/v1/jobs/${job.id}`)).json
    }
    assert.equal(job.state, 'succeeded', JSON.stringify(job))
    const file = await call('GET', `/api/v1/jobs/${job.id}/file`)
    assert.equal(file.status, 200, file.text.slice(0, 300))
    const ids = file.text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).map((line) => line.split(',')[1].replaceAll('"', '')) // every CSV cell is quoted
    assert.equal(ids.length, ROWS)
    assert.equal(new Set(ids).size, ROWS)
    assert.ok(ids.includes(nationalId('110102', '19750101', 0)))
  })
})
