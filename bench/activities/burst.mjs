// Issue 22's registration burst, driven over HTTP (bench/activities/run_burst.sh): N workers
// sign in on the portal (a code each, read from the server's log as the demo worker's is), the
// administrator opens an activity with SEATS seats (no waitlist limit), and the N workers'
// registrations arrive within SECONDS, each at its own instant (uniform, seeded: the same
// instants every run), every one on its own request, as many in flight as the arrivals make.
// Every answer must be 2xx with a seat or a waitlist place, and exactly SEATS seats: the run
// fails loudly otherwise. Then the same instants are fired at zhijia_bare_server (--bare): the
// network and HTTP stack alone. Writes {n, seats, seconds, zhijia: {p50_ms, p95_ms, p99_ms,
// max_ms, seated, waitlisted}, bare: {…}, activity_id} as JSON to --out.
// Usage: node bench/activities/burst.mjs --base URL --cookie C --csrf T --phones FILE
//          --logs FILE[,FILE] [--n 10000] [--seats 2000] [--seconds 60] [--bare URL] --out F
import { readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { parseArgs } from 'node:util'

const { values: a } = parseArgs({
  options: {
    base: { type: 'string' },
    cookie: { type: 'string' },
    csrf: { type: 'string' },
    phones: { type: 'string' },
    logs: { type: 'string' },
    n: { type: 'string', default: '10000' },
    seats: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '60' },
    bare: { type: 'string' },
    out: { type: 'string' },
  },
})
const n = Number(a.n)
const seats = Number(a.seats)
const seconds = Number(a.seconds)
const phones = readFileSync(a.phones, 'utf8').split('\n').filter(Boolean).slice(0, n)
if (phones.length !== n) throw new Error(`burst: ${phones.length} phones for ${n} workers`)

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 })

/** One request; resolves {status, headers, body (parsed JSON or null), ms}. */
function ask(base, method, path, { headers = {}, body } = {}) {
  const url = new URL(path, base)
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          Accept: 'application/json',
          ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6
          const text = Buffer.concat(chunks).toString('utf8')
          let json = null
          try {
            json = text ? JSON.parse(text) : null
          } catch {
            json = null
          }
          resolve({ status: res.statusCode, headers: res.headers, body: json, text, ms })
        })
      },
    )
    req.on('error', reject)
    if (data) req.write(data)
    req.end()
  })
}

/** ask, asked again after a 503 (a busy store on a loaded machine): for the setup, not timed. */
async function askSetup(...args) {
  for (let tries = 0; ; tries++) {
    const r = await ask(...args)
    if (r.status !== 503 || tries === 10) return r
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Runs `fn` over `items` with at most `width` in flight. */
async function pool(items, width, fn) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: width }, worker))
}

/** A documentation address (198.18.0.0/15, benchmarking) per ten workers: no throttle is hit. */
const addressOf = (i) => `198.18.${Math.floor(i / 10) >> 8}.${Math.floor(i / 10) & 255}`

function fail(what, r) {
  console.error(`burst: ${what}: ${r.status} ${r.text.slice(0, 300)}`)
  process.exit(1)
}

// --- the activity: SEATS seats, open now, no waitlist limit ------------------------------------
const admin = { Cookie: a.cookie, 'X-CSRF-Token': a.csrf }
const now = Date.now()
const day = 24 * 3600 * 1000
const created = await ask(a.base, 'POST', '/api/v1/activities', {
  headers: admin,
  body: {
    kind: 'culture',
    title: '职工音乐会（注册高峰压测）',
    place: '北京市工人体育馆',
    starts_at: now + 7 * day,
    ends_at: now + 7 * day + 3 * 3600 * 1000,
    opens_at: now - 60_000,
    closes_at: now + day,
    capacity: seats,
    cancel_cutoff_hours: 24,
    confirm_hours: 24,
    fee_fen: 0,
  },
})
if (created.status !== 201 || !created.body.activity?.id) fail('activity', created)
const activity = created.body.activity?.id
const opened = await ask(a.base, 'POST', `/api/v1/activities/${activity}/open`, { headers: admin })
if (opened.status < 200 || opened.status > 299) fail('open', opened)

// --- sign-in: in chunks (a code lives 5 minutes): a code for each phone of the chunk, the
// codes from the log, then the sessions -------------------------------------------------------
const started = Date.now()
const chunk = 500
const workers = new Array(n)
async function readCodes(want) {
  const codes = new Map()
  for (let tries = 0; ; tries++) {
    for (const file of a.logs.split(',')) {
      let text = ''
      try {
        text = readFileSync(file, 'utf8')
      } catch {
        continue
      }
      for (const m of text.matchAll(/sign-in code (\d{6}) for \d{3}\*{4}(\d{4})/g)) codes.set(m[2], m[1])
    }
    if (want.every((p) => codes.has(p.slice(-4)))) return codes
    if (tries > 600) throw new Error(`burst: codes missing from the server log`)
    await new Promise((r) => setTimeout(r, 200))
  }
}
for (let from = 0; from < n; from += chunk) {
  const part = phones.slice(from, from + chunk)
  await pool(part, 16, async (phone, k) => {
    const r = await askSetup(a.base, 'POST', '/api/v1/portal/sign-in/code', {
      headers: { 'X-Forwarded-For': addressOf(from + k) },
      body: { phone },
    })
    if (r.status !== 202) fail(`code for worker ${from + k}`, r)
  })
  const codes = await readCodes(part)
  await pool(part, 16, async (phone, k) => {
    const i = from + k
    const r = await askSetup(a.base, 'POST', '/api/v1/portal/session', {
      headers: { 'X-Forwarded-For': addressOf(i) },
      body: { phone, code: codes.get(phone.slice(-4)) },
    })
    if (r.status !== 200) fail(`session of worker ${i}`, r)
    const cookie = (r.headers['set-cookie'] || []).map((c) => c.split(';')[0]).find((c) => c.startsWith('zj_worker='))
    if (!cookie || !r.body.worker?.member_id) fail(`worker ${i} not signed in as a member`, r)
    workers[i] = { cookie, csrf: r.body.csrf_token }
  })
}
console.log(`    ${n} workers signed in in ${((Date.now() - started) / 1000).toFixed(1)} s`)

// --- the burst ---------------------------------------------------------------------------------
/** Seeded arrival instants (mulberry32), sorted, in [0, seconds). */
function instants() {
  let s = 20261207
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return Array.from({ length: n }, () => rand() * seconds * 1000).sort((x, y) => x - y)
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}

/** Fires request(i) at each instant; resolves the answers. */
async function burst(request) {
  const at = instants()
  const t0 = performance.now()
  const answers = await Promise.all(
    at.map(
      (ms, i) =>
        new Promise((resolve, reject) => {
          setTimeout(() => request(i).then(resolve, reject), Math.max(0, ms - (performance.now() - t0)))
        }),
    ),
  )
  const took = (performance.now() - t0) / 1000
  const ms = answers.map((r) => r.ms).sort((x, y) => x - y)
  const round = (v) => Math.round(v * 100) / 100
  return {
    answers,
    figures: {
      took_s: round(took),
      p50_ms: round(quantile(ms, 0.5)),
      p95_ms: round(quantile(ms, 0.95)),
      p99_ms: round(quantile(ms, 0.99)),
      max_ms: round(ms[ms.length - 1]),
    },
  }
}

const order = phones.map((_, i) => i)
const zhijia = await burst((i) =>
  ask(a.base, 'POST', `/api/v1/me/activities/${activity}/registration`, {
    headers: { Cookie: workers[order[i]].cookie, 'X-CSRF-Token': workers[order[i]].csrf },
  }),
)
const states = {}
const refused = {}
zhijia.answers.forEach((r) => {
  if (r.status < 200 || r.status > 299) {
    const key = `${r.status} ${r.body?.code ?? ''}`.trim()
    refused[key] = (refused[key] || 0) + 1
    return
  }
  const state = r.body?.mine?.state
  states[state] = (states[state] || 0) + 1
})
console.log(`    answers: ${JSON.stringify({ ...states, ...refused })}, p99 ${zhijia.figures.p99_ms} ms`)
const bytes = Math.round(zhijia.answers.reduce((s, r) => s + r.text.length, 0) / n)
let bare = null
if (a.bare) {
  const b = await burst(() => ask(a.bare, 'POST', '/registration'))
  b.answers.forEach((r, i) => {
    if (r.status !== 200) fail(`bare ${i}`, r)
  })
  bare = b.figures
  console.log(`    bare server: p99 ${bare.p99_ms} ms`)
}
writeFileSync(
  a.out,
  JSON.stringify(
    {
      n,
      seats,
      seconds,
      activity_id: activity,
      body_bytes: bytes,
      zhijia: { ...zhijia.figures, ...states },
      refused,
      bare,
    },
    null,
    2,
  ),
)
agent.destroy()
// Every registration answered, with exactly SEATS seats: anything else fails the run, loudly.
if (Object.keys(refused).length > 0 || states.seated !== seats || states.waitlisted !== n - seats) {
  console.error(
    `burst: expected ${seats} seated and ${n - seats} waitlisted answers, got ${JSON.stringify(states)}` +
      ` and refusals ${JSON.stringify(refused)}`,
  )
  process.exit(1)
}

