// Turns the raw outputs of bench/run.sh (in --dir: Google Benchmark JSON, wrk --latency text,
// http_latency.mjs and zhijia_bare_insert JSON, double_aid.json and burst.json) into bench/results/latest.json and a readable
// table, each figure beside its limit, the ratio and whether the issue's target is met.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'

const { values: a } = parseArgs({
  options: Object.fromEntries(
    ['dir', 'scale', 'members', 'small-members', 'duration', 'connections', 'out-json', 'out-md'].map((k) => [
      k,
      { type: 'string' },
    ]),
  ),
})
const dir = a.dir
const read = (name) => JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'))
// `bench/run.sh --only import` leaves the other parts' outputs out: each section is optional.
const has = (name) => existsSync(`${dir}/${name}`)
const round = (v, digits = 3) => Number(v.toFixed(digits))

/** Milliseconds from wrk's "1.23ms", "456.00us", "1.02s". */
function ms(text) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text)
  if (!m) throw new Error(`cannot read the duration ${text}`)
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]]
}

function wrk(name) {
  const text = readFileSync(`${dir}/${name}`, 'utf8')
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text)
  const p = (q) => {
    const m = new RegExp(`^\\s+${q}%\\s+(\\S+)`, 'm').exec(text)
    return m ? round(ms(m[1])) : null
  }
  if (!rps) throw new Error(`no Requests/sec in ${name}:\n${text}`)
  return { rps: Number(rps[1]), p50_ms: p(50), p90_ms: p(90), p99_ms: p(99) }
}

const members = Number(a.members)
const smallMembers = Number(a['small-members'])
const apiReads = ['users', 'members', 'requests']
  .filter((label) => existsSync(`${dir}/wrk_${label}.json`))
  .map((label) => {
    const info = read(`wrk_${label}.json`)
    // Alternating rounds of zhijia and the bare server (run.sh): the round whose ratio is the
    // median is reported, every round's figures are kept.
    const rounds = Array.from({ length: info.rounds ?? 1 }, (_, i) => {
      const zhijia = wrk(`wrk_${label}_zhijia_${i + 1}.txt`)
      const bare = wrk(`wrk_${label}_bare_${i + 1}.txt`)
      return { zhijia, bare, ratio: round(zhijia.rps / bare.rps) }
    })
    const median = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(rounds.length / 2)]
    const { zhijia, bare } = median
    return {
      request: info.request,
      members,
      body_bytes: info.body_bytes,
      distinct_paths: info.paths,
      connections: Number(a.connections),
      duration_s: Number(a.duration),
      rounds: rounds.map((r) => ({ zhijia_rps: r.zhijia.rps, bare_rps: r.bare.rps, ratio: r.ratio })),
      zhijia,
      bare_server: bare,
      ratio: median.ratio,
      target_ratio: 0.4,
      p99_target_ms: 10,
    }
  })

const writes = has('wrk_writes.txt') ? wrk('wrk_writes.txt') : null
const bareWrites = writes ? read('bare_writes.json') : null
const apiWrites = writes && {
  request: 'POST /api/v1/requests (hotline intake, durable)',
  members,
  connections: 16,
  zhijia: writes,
  bare_insert: { rows: bareWrites.rows, rows_per_s: round(bareWrites.rows_per_s, 1), transaction_rows: 1 },
  ratio: round(writes.rps / bareWrites.rows_per_s),
  target_ratio: 0.3,
}

// Workers' sign-in (bench/sign_in/run_sign_in.sh): alternating rounds against the bare server,
// the round with the median ratio reported, as for the reads.
function signIn() {
  if (!existsSync(`${dir}/sign_in.json`)) return null
  const info = read('sign_in.json')
  const row = (mode, request, bytes) => {
    const rounds = Array.from({ length: info.rounds }, (_, i) => {
      const zhijia = wrk(`wrk_sign_in_${mode}_zhijia_${i + 1}.txt`)
      const bare = wrk(`wrk_sign_in_${mode}_bare_${i + 1}.txt`)
      return { zhijia, bare, ratio: round(zhijia.rps / bare.rps) }
    })
    const median = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(rounds.length / 2)]
    return {
      request,
      body_bytes: bytes,
      connections: info.connections,
      duration_s: info.duration_s,
      rounds: rounds.map((r) => ({ zhijia_rps: r.zhijia.rps, bare_rps: r.bare.rps, ratio: r.ratio })),
      zhijia: median.zhijia,
      bare_server: median.bare,
      ratio: median.ratio,
    }
  }
  return [
    row('code', 'POST /api/v1/portal/sign-in/code (code stored hashed and queued for SMS, durable)', info.code_body_bytes),
    row('verify', 'POST /api/v1/portal/session (a wrong code: 401)', info.verify_body_bytes),
  ]
}
const signInRows = signIn()

// A park competition at the seed's scale and ten times it (bench/competitions/run_competitions.sh).
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]
function competition(scale) {
  if (!has(`competitions_${scale}.json`)) return null
  const info = read(`competitions_${scale}.json`)
  const marks = wrk(`wrk_judges_${scale}_zhijia.txt`)
  const bareMarks = wrk(`wrk_judges_${scale}_bare.txt`)
  const page = Object.values(read(`ranking_${scale}_zhijia.json`))[0]
  const barePage = Object.values(read(`ranking_${scale}_bare.json`))[0]
  const publish = median(info.publish_s)
  const bareSelect = median(info.bare_select_s)
  return {
    scale,
    members: info.members,
    entries: info.entries,
    scores: info.scores,
    judges: info.judges,
    publish: {
      request: 'POST /api/v1/competitions/{id}/publish (read, rank by z-score, write results and certificates)',
      rounds_s: info.publish_s,
      seconds: publish,
      target_s: info.publish_target_s,
      ratio_to_target: round(publish / info.publish_target_s),
      bare_select_rounds_s: info.bare_select_s,
      bare_select_s: bareSelect,
      ratio_to_bare_select: round(publish / bareSelect, 1),
    },
    marks: {
      request: 'PUT /api/v1/judging/{entry} (a mark revised, with its audit entry, durable)',
      connections: info.judges,
      duration_s: info.duration_s,
      zhijia: marks,
      bare_server: bareMarks,
      p99_ratio: round(marks.p99_ms / bareMarks.p99_ms, 1),
    },
    ranking_page: {
      request: 'GET /api/v1/competitions/{id}/ranking (published, every entry)',
      bytes: info.ranking_bytes,
      samples: info.samples,
      zhijia: { p50_ms: page.p50_ms, p95_ms: page.p95_ms, p99_ms: page.p99_ms },
      bare_server: { p50_ms: barePage.p50_ms, p95_ms: barePage.p95_ms, p99_ms: barePage.p99_ms },
      p95_ratio: round(page.p95_ms / barePage.p95_ms, 1),
    },
  }
}
const competitions = ['seed', 'ten'].map(competition).filter(Boolean)

const small = has('dashboards_small.json') ? read('dashboards_small.json') : {}
const large = has('dashboards_large.json') ? read('dashboards_large.json') : {}
const scopeName = (path, scopes) =>
  path.includes('/workbench')
    ? 'city (the administrator)'
    : path.includes(scopes.city)
      ? 'city'
      : path.includes(scopes.district)
        ? 'district (东城区)'
        : 'street (东华门街道)'
const smallScopes = has('scopes_small.json') ? read('scopes_small.json') : {}
const largeScopes = has('scopes_large.json') ? read('scopes_large.json') : {}
const kinds = (path) =>
  path.includes('/workbench')
    ? 'workbench'
    : path.includes('/coverage')
      ? 'coverage'
      : path.includes('/hardship/')
        ? 'hardship (files and grants 1/10 too)'
        : path.includes('/activities/reach')
          ? 'reach of activities'
          : 'service'
const dashboards = Object.keys(small).map((smallPath) => {
  const scope = scopeName(smallPath, smallScopes)
  const largePath = Object.keys(large).find((p) => kinds(p) === kinds(smallPath) && scopeName(p, largeScopes) === scope)
  const s = small[smallPath]
  const l = large[largePath]
  return {
    dashboard: kinds(smallPath),
    scope,
    small: { members: smallMembers, p50_ms: s.p50_ms, p95_ms: s.p95_ms, p99_ms: s.p99_ms },
    large: { members, p50_ms: l.p50_ms, p95_ms: l.p95_ms, p99_ms: l.p99_ms },
    ratio_p95: round(l.p95_ms / s.p95_ms),
    target_ratio: 2,
    p95_target_ms: 50,
  }
})

const searchRaw = has('search.json') ? read('search.json') : {}
const search = Object.entries(searchRaw).map(([path, v]) => ({
  query: decodeURIComponent(/q=([^&]+)/.exec(path)[1]),
  scope: 'district (东城区)',
  members,
  p50_ms: v.p50_ms,
  p95_ms: v.p95_ms,
  p95_target_ms: 50,
}))

// The talent pool's search (issue 22): each page's p95 at both sizes (pools of a tenth of the
// members); the page reads in its index's order, so the ratio should stay ≤ 2.
const talentSmall = has('talent_small.json') ? read('talent_small.json') : {}
const talentLarge = has('talent_large.json') ? read('talent_large.json') : {}
const talentScopes = ['city', 'district (东城区)', 'street (东华门)', 'district (东城区)']
// Both sizes ask the same four searches in the same order (bench/run.sh talent).
const talent = Object.entries(talentLarge).map(([path, large], i) => {
  const small = Object.values(talentSmall)[i]
  return {
    search: decodeURIComponent(path.replace(/^.*\?org_id=\d+&/, '')),
    scope: talentScopes[i] ?? '',
    small: small ? { entries: smallMembers / 10, p50_ms: small.p50_ms, p95_ms: small.p95_ms } : null,
    large: { entries: members / 10, p50_ms: large.p50_ms, p95_ms: large.p95_ms, p99_ms: large.p99_ms },
    ratio_p95: small ? round(large.p95_ms / small.p95_ms) : null,
    target_ratio: 2,
    p95_target_ms: 50,
  }
})

const result = {
  machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, date: new Date().toISOString() },
  scale: a.scale,
  api_reads: apiReads,
  api_writes: apiWrites,
  dashboards,
  search,
  talent,
  memory: has('memory.json') ? read('memory.json') : null,
  sign_in: signInRows,
  competitions,
  my_requests: has('my_requests.json') ? read('my_requests.json') : null,
  double_aid: has('double_aid.json') ? read('double_aid.json') : null,
  registration_burst: has('burst.json') ? read('burst.json') : null,
  member_import: has('import.json') ? read('import.json') : null,
  member_import_postgresql: has('import_pg.json') ? read('import_pg.json') : null,
  member_import_http: has('import_http.json') ? read('import_http.json') : null,
  micro: (has('micro.json') ? read('micro.json').benchmarks : []).map((b) => ({
    name: b.name,
    ns_per_item: round(b.cpu_time, 1),
    items_per_second: Math.round(b.items_per_second ?? 0),
  })),
}
writeFileSync(a['out-json'], JSON.stringify(result, null, 2) + '\n')

const ok = (good) => (good ? 'met' : 'MISSED')
const n = (v) => Number(v).toLocaleString('en')
const section = (present, rows) => (present ? [...rows, ''] : [])
const lines = [
  `Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.date}; scale ${a.scale} (${n(members)} members)`,
  '',
  ...section(apiReads.length > 0, [
  `| API read (${a.connections} conn., random ids; the median of ${apiReads[0]?.rounds.length ?? 1} alternating ${a.duration} s rounds) | zhijia req/s | p50 / p99 ms | bare server req/s | ratio (≥ 0.4) | each round's ratio | p99 < 10 ms |`,
  '|---|---:|---:|---:|---:|---|---|',
  ...apiReads.map(
    (r) =>
      `| ${r.request} (${r.body_bytes} B, ${r.distinct_paths} ids) | ${Math.round(r.zhijia.rps)} | ${r.zhijia.p50_ms} / ${r.zhijia.p99_ms} | ${Math.round(r.bare_server.rps)} | **${r.ratio}** ${ok(r.ratio >= r.target_ratio)} | ${r.rounds.map((x) => x.ratio).join(', ')} | ${ok(r.zhijia.p99_ms < r.p99_target_ms)} |`,
  ),
  ]),
  ...section(apiWrites, [
  '| API write | zhijia req/s | p50 / p99 ms | bare insert rows/s (1 per commit) | ratio (≥ 0.3) |',
  '|---|---:|---:|---:|---:|',
  apiWrites && `| ${apiWrites.request}, 16 conn. | ${Math.round(writes.rps)} | ${writes.p50_ms} / ${writes.p99_ms} | ${apiWrites.bare_insert.rows_per_s} | **${apiWrites.ratio}** ${ok(apiWrites.ratio >= apiWrites.target_ratio)} |`,
  ]),
  ...section(dashboards.length > 0, [
  `| dashboard | ${n(smallMembers)} members p50 / p95 / p99 ms | ${n(members)} members p50 / p95 / p99 ms | p95 ratio (≤ 2) | p95 < 50 ms |`,
  '|---|---:|---:|---:|---|',
  ...dashboards.map(
    (d) =>
      `| ${d.dashboard}, ${d.scope} | ${d.small.p50_ms} / ${d.small.p95_ms} / ${d.small.p99_ms} | ${d.large.p50_ms} / ${d.large.p95_ms} / ${d.large.p99_ms} | **${d.ratio_p95}** ${ok(d.ratio_p95 <= d.target_ratio)} | ${ok(d.large.p95_ms < d.p95_target_ms)} |`,
  ),
  ]),
  ...section(search.length > 0, [
  `| member search in a district (${n(members)} members) | p50 ms | p95 ms | p95 < 50 ms |`,
  '|---|---:|---:|---|',
  ...search.map((s) => `| q=${s.query} | ${s.p50_ms} | ${s.p95_ms} | ${ok(s.p95_ms < s.p95_target_ms)} |`),
  ]),
  ...section(talent.length > 0, [
  `| talent pool search page (50) | ${n(smallMembers / 10)} entries p50 / p95 ms | ${n(members / 10)} entries p50 / p95 / p99 ms | p95 ratio (≤ 2) | p95 < 50 ms |`,
  '|---|---:|---:|---:|---|',
  ...talent.map(
    (x) =>
      `| ${x.search.replace(/&limit=50$/, '')}, ${x.scope} | ${x.small ? `${x.small.p50_ms} / ${x.small.p95_ms}` : '–'} | ${x.large.p50_ms} / ${x.large.p95_ms} / ${x.large.p99_ms} | **${x.ratio_p95 ?? '–'}** ${x.ratio_p95 === null ? '' : ok(x.ratio_p95 <= x.target_ratio)} | ${ok(x.large.p95_ms < x.p95_target_ms)} |`,
  ),
  ]),
  ...section(result.memory, [
  result.memory && `Server memory with ${n(members)} members: RSS idle ${result.memory.idle_rss_mib} MiB, peak after the load ${result.memory.peak_rss_mib} MiB.`,
  ]),
]
if (signInRows) {
  lines.push(
    `| worker sign-in (${signInRows[0].connections} conn., a new phone per request; the median of ${signInRows[0].rounds.length} alternating ${signInRows[0].duration_s} s rounds) | zhijia req/s | p50 / p99 ms | bare server req/s | ratio | each round's ratio |`,
    '|---|---:|---:|---:|---:|---|',
    ...signInRows.map(
      (r) =>
        `| ${r.request} (${r.body_bytes} B) | ${Math.round(r.zhijia.rps)} | ${r.zhijia.p50_ms} / ${r.zhijia.p99_ms} | ${Math.round(r.bare_server.rps)} | **${r.ratio}** | ${r.rounds.map((x) => x.ratio).join(', ')} |`,
    ),
    '',
  )
}
if (competitions.length > 0) {
  lines.push(
    '| park competition (SQLite) | zhijia | limit in the same run | ratio | target |',
    '|---|---:|---:|---:|---|',
    ...competitions.flatMap((c) => {
      const at = `${c.scale === 'seed' ? "seed's scale" : 'ten times'}: ${n(c.entries)} entries, ${n(c.scores)} marks`
      return [
        `| publish, ${at} (median of ${c.publish.rounds_s.join(', ')} s) | ${c.publish.seconds} s | bare SELECT of the rows read: ${c.publish.bare_select_s} s | ${c.publish.ratio_to_bare_select} × | **${c.publish.ratio_to_target}** of ${c.publish.target_s} s ${ok(c.publish.seconds < c.publish.target_s)} |`,
        `| judges' marks p99, ${c.marks.connections} judges at once (${c.marks.duration_s} s; ${Math.round(c.marks.zhijia.rps)} req/s) | ${c.marks.zhijia.p99_ms} ms (p50 ${c.marks.zhijia.p50_ms}) | bare server p99: ${c.marks.bare_server.p99_ms} ms | ${c.marks.p99_ratio} × | |`,
        `| ranking page p95 (${n(c.ranking_page.bytes)} B, ${c.ranking_page.samples} samples) | ${c.ranking_page.zhijia.p95_ms} ms (p50 ${c.ranking_page.zhijia.p50_ms}) | bare server p95: ${c.ranking_page.bare_server.p95_ms} ms | ${c.ranking_page.p95_ratio} × | |`,
      ]
    }),
    '',
  )
}
const mine = result.my_requests
if (mine) {
  lines.push(
    `| My requests, a worker with ${mine.worker_requests} requests (${n(mine.members)} members) | p50 ms | p95 ms | p99 ms | p99 < ${mine.p99_target_ms} ms |`,
    '|---|---:|---:|---:|---|',
    ...mine.rows.map((r) => `| GET ${r.path} (${r.bytes} B) | ${r.p50_ms} | ${r.p95_ms} | ${r.p99_ms} | ${ok(r.p99_ms < mine.p99_target_ms)} |`),
    '',
  )
}
const aid = result.double_aid
if (aid) {
  lines.push(
    `| aid grant, the no-double-aid check among ${n(aid.grants_in_data_set)} grants (${n(aid.aid_once_rows)} aid_once rows), one after another | n | mean ms | p50 / p99 ms | ratio to the bare insert |`,
    '|---|---:|---:|---:|---:|',
    `| POST /api/v1/aid/grants, granted (the check passes; grant, aid_once rows, audit, counters) | ${aid.api.n} | ${aid.api.mean_ms} | ${aid.api.p50_ms} / ${aid.api.p99_ms} | **${aid.ratio_mean}** |`,
    `| the same, proposed again: 409 already granted (the check refusing) | ${aid.refused.n} | ${aid.refused.mean_ms} | ${aid.refused.p50_ms} / ${aid.refused.p99_ms} | |`,
    `| bare prepared insert of the same grant rows, 1 per commit, no check (limit) | ${aid.bare_insert.rows} | ${aid.bare_insert.per_grant_ms} | | |`,
    '',
  )
}
const burst = result.registration_burst
if (burst) {
  lines.push(
    `| registration burst: ${n(burst.n)} registrations within ${burst.seconds} s for ${n(burst.seats)} seats | p50 ms | p95 ms | p99 ms | max ms | checked |`,
    '|---|---:|---:|---:|---:|---|',
    `| POST /api/v1/me/activities/{id}/registration (${n(burst.n)} signed-in workers) | ${burst.zhijia.p50_ms} | ${burst.zhijia.p95_ms} | **${burst.zhijia.p99_ms}** | ${burst.zhijia.max_ms} | ${
      burst.failed
        ? `**FAILED**: ${burst.problems.join('; ')} (refused: ${JSON.stringify(burst.refused)})`
        : `seats ${n(burst.checked.seats_taken)} exactly, waitlist places 1..${n(burst.checked.waitlist_places[1])}, no member twice`
    } |`,
    ...(burst.bare
      ? [`| bare server at the same instants (limit) | ${burst.bare.p50_ms} | ${burst.bare.p95_ms} | ${burst.bare.p99_ms} | ${burst.bare.max_ms} | p99 ratio ${burst.ratio_p99} |`]
      : []),
    '',
  )
}
const imp = result.member_import
if (imp) {
  lines.push(
    `| member import (${n(imp.rows)} rows, SQLite) | rows/s | seconds | peak RSS MiB |`,
    '|---|---:|---:|---:|',
    `| zhijia members import | ${imp.zhijia.rows_per_s} | ${imp.zhijia.seconds} | ${imp.zhijia.peak_rss_mib} ${ok(imp.zhijia.peak_rss_mib < imp.rss_limit_mib)} |`,
    `| bare prepared insert, same table and indexes (limit) | ${imp.bare_insert.rows_per_s} | ${imp.bare_insert.seconds} | |`,
    ...(imp.bare_insert_crypto
      ? [`| bare insert sealing and blind-indexing each row, no search indexes (physical limit) | ${imp.bare_insert_crypto.rows_per_s} | ${imp.bare_insert_crypto.seconds} | |`]
      : []),
    `| ratio to the same-table insert (target ≥ ${imp.target_ratio}; RSS < ${imp.rss_limit_mib} MiB) | **${imp.ratio}** ${ok(imp.ratio >= imp.target_ratio)} | | |`,
    ...(imp.bare_insert_crypto ? [`| ratio to the physical limit | **${imp.ratio_crypto}** | | |`] : []),
    ...(imp.target_rows_per_s
      ? [`| rows/s (target ≥ ${n(imp.target_rows_per_s)}) | **${imp.zhijia.rows_per_s}** ${ok(imp.zhijia.rows_per_s >= imp.target_rows_per_s)} | | |`]
      : []),
    '',
  )
}
const pg = result.member_import_postgresql
if (pg) {
  lines.push(
    `| member import (${n(pg.rows)} rows, PostgreSQL 15) | rows/s | seconds | peak RSS MiB |`,
    '|---|---:|---:|---:|',
    `| zhijia members import | ${pg.zhijia.rows_per_s} | ${pg.zhijia.seconds} | ${pg.zhijia.peak_rss_mib} ${ok(pg.zhijia.peak_rss_mib < pg.rss_limit_mib)} |`,
    `| COPY of the same rows (limit) | ${pg.copy.rows_per_s} | ${pg.copy.seconds} | |`,
    `| ratio (target ≥ ${pg.target_ratio}) | **${pg.ratio}** ${ok(pg.ratio >= pg.target_ratio)} | | |`,
    '',
  )
}
const web = result.member_import_http
if (web) {
  const idle = web.member_get.idle
  const busy = web.member_get.during_import
  lines.push(
    `| member import through the web (${n(web.rows)} rows, SQLite) | rows/s | seconds | peak RSS MiB |`,
    '|---|---:|---:|---:|',
    `| POST /api/v1/members/imports (upload ${web.http.upload_seconds} s, then the background job) | ${web.http.rows_per_s} | ${web.http.seconds} | ${web.http.server_peak_rss_mib} (server) ${ok(web.http.server_peak_rss_mib < 300)} |`,
    `| zhijia members import of the same file | ${web.cli.rows_per_s} | ${web.cli.seconds} | ${web.cli.peak_rss_mib} |`,
    '',
    '| GET /api/v1/members/{id}, one client | n | p50 ms | p99 ms | p99 < 10 ms |',
    '|---|---:|---:|---:|---|',
    `| server idle | ${idle.n} | ${idle.p50_ms} | ${idle.p99_ms} | ${ok(idle.p99_ms < 10)} |`,
    `| while the import runs | ${busy.n} | ${busy.p50_ms} | ${busy.p99_ms} | ${ok(busy.p99_ms < 10)} |`,
    '',
  )
}
if (result.micro.length > 0) {
  lines.push(
    '| micro-benchmark | ns/item | items/s |',
    '|---|---:|---:|',
    ...result.micro.map((m) => `| ${m.name} | ${m.ns_per_item} | ${n(m.items_per_second)} |`),
    '',
  )
}
writeFileSync(a['out-md'], lines.join('\n'))
