// Latency of single requests, one after another over a kept-alive connection, for the
// dashboards and searches of bench/run.sh: each path is asked `--warmup` times (not counted)
// and then `--n` times; writes {path: {n, p50_ms, p95_ms, p99_ms, max_ms, bytes}} as JSON. A non-2xx
// answer fails the run, so a benchmark never times error pages.
// Usage: node bench/http_latency.mjs --base URL --cookie C [--n 200] [--warmup 20] --out F PATH...
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values: a, positionals: paths } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string' },
    cookie: { type: 'string' },
    n: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    out: { type: 'string' },
  },
})

/** The q-quantile (0..1) of sorted numbers, nearest rank. */
function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}

async function ask(path) {
  const res = await fetch(a.base + path, { headers: { Cookie: a.cookie, Accept: 'application/json' } })
  const body = await res.arrayBuffer()
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`)
  return body.byteLength
}

const result = {}
for (const path of paths) {
  for (let i = 0; i < Number(a.warmup); i++) await ask(path)
  const times = []
  let bytes = 0
  for (let i = 0; i < Number(a.n); i++) {
    const start = process.hrtime.bigint()
    bytes = await ask(path)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((x, y) => x - y)
  const round = (v) => Number(v.toFixed(3))
  result[path] = {
    n: times.length,
    p50_ms: round(quantile(times, 0.5)),
    p95_ms: round(quantile(times, 0.95)),
    p99_ms: round(quantile(times, 0.99)),
    max_ms: round(times[times.length - 1]),
    bytes,
  }
}
writeFileSync(a.out, JSON.stringify(result, null, 2) + '\n')
