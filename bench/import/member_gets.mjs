#!/usr/bin/env node
// Latency of GET /api/v1/members/{id} from one client, one request after another over a
// kept-alive connection, random ids from a file: for --seconds, or until --until-file exists
// (the import benchmark starts it beside an upload and stops it when the import has ended).
// Writes {n, p50_ms, p99_ms, max_ms} as JSON. A non-2xx answer fails the run.
// Usage: node bench/import/member_gets.mjs --base URL --cookie C --paths FILE
//        (--seconds S | --until-file F) --out OUT.json
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values: a } = parseArgs({
  options: {
    base: { type: 'string' },
    cookie: { type: 'string' },
    paths: { type: 'string' },
    seconds: { type: 'string' },
    'until-file': { type: 'string' },
    out: { type: 'string' },
  },
})
const paths = readFileSync(a.paths, 'utf8').split('\n').filter(Boolean)
if (paths.length === 0) throw new Error(`no paths in ${a.paths}`)
const deadline = a.seconds ? Date.now() + Number(a.seconds) * 1000 : Infinity
const stop = () => Date.now() >= deadline || (a['until-file'] && existsSync(a['until-file']))

/** The q-quantile (0..1) of sorted numbers, nearest rank. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}

// A small LCG: the same sequence of ids every run.
let state = 17
const times = []
while (!stop()) {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0
  const path = paths[state % paths.length]
  const start = process.hrtime.bigint()
  const res = await fetch(a.base + path, { headers: { Cookie: a.cookie, Accept: 'application/json' } })
  const body = await res.arrayBuffer()
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`)
  times.push(Number(process.hrtime.bigint() - start) / 1e6)
}
times.sort((x, y) => x - y)
const round = (v) => Math.round(v * 100) / 100
const result = times.length
  ? { n: times.length, p50_ms: round(quantile(times, 0.5)), p99_ms: round(quantile(times, 0.99)), max_ms: round(times.at(-1)) }
  : { n: 0, p50_ms: null, p99_ms: null, max_ms: null }
writeFileSync(a.out, JSON.stringify(result) + '\n')
