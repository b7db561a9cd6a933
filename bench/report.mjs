// Turns the raw outputs of bench/run.sh (Google Benchmark JSON, wrk --latency text) into
// bench/results/latest.json and a readable table, each figure beside its limit and the ratio.
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'

const { values: a } = parseArgs({
  options: Object.fromEntries(
    ['micro', 'import', 'wrk-zhijia', 'wrk-bare', 'target', 'body-bytes', 'connections', 'duration', 'out-json', 'out-md'].map(
      (k) => [k, { type: 'string' }],
    ),
  ),
})

/** Milliseconds from wrk's "1.23ms", "456.00us", "1.02s". */
function ms(text) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text)
  if (!m) throw new Error(`cannot read the duration ${text}`)
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]]
}

function wrk(path) {
  const text = readFileSync(path, 'utf8')
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text)
  const p = (q) => {
    const m = new RegExp(`^\\s+${q}%\\s+(\\S+)`, 'm').exec(text)
    return m ? Number(ms(m[1]).toFixed(3)) : null
  }
  if (!rps) throw new Error(`no Requests/sec in ${path}:\n${text}`)
  return { rps: Number(rps[1]), p50_ms: p(50), p90_ms: p(90), p99_ms: p(99) }
}

const micro = JSON.parse(readFileSync(a.micro, 'utf8'))
const zhijia = wrk(a['wrk-zhijia'])
const bare = wrk(a['wrk-bare'])
const result = {
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    date: new Date().toISOString(),
  },
  api_reads: {
    request: a.target,
    body_bytes: Number(a['body-bytes']),
    connections: Number(a.connections),
    duration_s: Number(a.duration),
    zhijia,
    bare_server: bare,
    ratio: Number((zhijia.rps / bare.rps).toFixed(3)),
    target_ratio: 0.4,
    p99_target_ms: 10,
  },
  member_import: a.import ? JSON.parse(readFileSync(a.import, 'utf8')) : null,
  micro: micro.benchmarks.map((b) => ({
    name: b.name,
    ns_per_item: Number(b.cpu_time.toFixed(1)),
    items_per_second: Math.round(b.items_per_second ?? 0),
  })),
}
writeFileSync(a['out-json'], JSON.stringify(result, null, 2) + '\n')

const r = result.api_reads
const ok = (good) => (good ? 'met' : 'MISSED')
const lines = [
  `Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.date}`,
  '',
  `| API read (${r.request}, ${r.body_bytes} B, ${r.connections} conn.) | requests/s | p50 ms | p99 ms |`,
  '|---|---:|---:|---:|',
  `| zhijia serve | ${zhijia.rps.toFixed(0)} | ${zhijia.p50_ms} | ${zhijia.p99_ms} |`,
  `| bare Beast server (limit) | ${bare.rps.toFixed(0)} | ${bare.p50_ms} | ${bare.p99_ms} |`,
  `| ratio (target ≥ ${r.target_ratio}; p99 < ${r.p99_target_ms} ms) | **${r.ratio}** ${ok(r.ratio >= r.target_ratio)} | | ${ok(zhijia.p99_ms < r.p99_target_ms)} |`,
  '',
  ...(result.member_import
    ? [
        `| member import (${result.member_import.rows.toLocaleString('en')} rows, SQLite) | rows/s | seconds | peak RSS MiB |`,
        '|---|---:|---:|---:|',
        `| zhijia members import | ${result.member_import.zhijia.rows_per_s} | ${result.member_import.zhijia.seconds} | ${result.member_import.zhijia.peak_rss_mib} ${ok(result.member_import.zhijia.peak_rss_mib < result.member_import.rss_limit_mib)} |`,
        `| bare prepared insert (limit) | ${result.member_import.bare_insert.rows_per_s} | ${result.member_import.bare_insert.seconds} | |`,
        `| ratio (target ≥ ${result.member_import.target_ratio}; RSS < ${result.member_import.rss_limit_mib} MiB) | **${result.member_import.ratio}** ${ok(result.member_import.ratio >= result.member_import.target_ratio)} | | |`,
        '',
      ]
    : []),
  '| micro-benchmark | ns/item | items/s |',
  '|---|---:|---:|',
  ...result.micro.map((m) => `| ${m.name} | ${m.ns_per_item} | ${m.items_per_second.toLocaleString('en')} |`),
  '',
]
writeFileSync(a['out-md'], lines.join('\n'))
