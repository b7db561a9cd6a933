// Aid grants proposed through the API for the double-aid benchmark (bench/aid/run_double_aid.sh):
// for each file id of --files, POST /api/v1/aid/grants {file_id, kind, period, cost_fen} as the
// administrator, one after another over a kept-alive connection (each committed before its
// answer: the no-double-aid probe of every household member's blind index, its aid_once rows,
// the grant, its audit entry and counters); every answer must be 201. Then the first --again
// files are proposed once more and every answer must be 409 error.aid.already_granted (the
// check refusing). Writes {granted: {n, mean_ms, p50_ms, p95_ms, p99_ms}, refused: {…}} to --out.
// Usage: node bench/aid/propose.mjs --base URL --cookie C --csrf T --files FILE [--kind medical]
//          [--period 2026] [--cost-fen 500000] [--again 200] --out F
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values: a } = parseArgs({
  options: {
    base: { type: 'string' },
    cookie: { type: 'string' },
    csrf: { type: 'string' },
    files: { type: 'string' },
    kind: { type: 'string', default: 'medical' },
    period: { type: 'string', default: '2026' },
    'cost-fen': { type: 'string', default: '500000' },
    again: { type: 'string', default: '200' },
    out: { type: 'string' },
  },
})
const files = readFileSync(a.files, 'utf8').split('\n').filter(Boolean)

async function propose(file) {
  const t0 = performance.now()
  const res = await fetch(`${a.base}/api/v1/aid/grants`, {
    method: 'POST',
    headers: { Cookie: a.cookie, 'X-CSRF-Token': a.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ file_id: file, kind: a.kind, period: a.period, cost_fen: Number(a['cost-fen']) }),
  })
  const text = await res.text()
  return { status: res.status, text, ms: performance.now() - t0 }
}

function figures(ms) {
  const s = [...ms].sort((x, y) => x - y)
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]
  const r = (v) => Math.round(v * 1000) / 1000
  return { n: s.length, mean_ms: r(s.reduce((t, v) => t + v, 0) / s.length), p50_ms: r(q(0.5)), p95_ms: r(q(0.95)), p99_ms: r(q(0.99)) }
}

const granted = []
for (const f of files) {
  const r = await propose(f)
  if (r.status !== 201) {
    console.error(`propose.mjs: file ${f}: ${r.status} ${r.text.slice(0, 300)}`)
    process.exit(1)
  }
  granted.push(r.ms)
}
const refused = []
for (const f of files.slice(0, Number(a.again))) {
  const r = await propose(f)
  if (r.status !== 409 || !r.text.includes('error.aid.already_granted')) {
    console.error(`propose.mjs: file ${f} proposed twice: ${r.status} ${r.text.slice(0, 300)}`)
    process.exit(1)
  }
  refused.push(r.ms)
}
writeFileSync(a.out, JSON.stringify({ granted: figures(granted), refused: figures(refused) }, null, 2))
