#!/usr/bin/env bash
# The roster import through the web's path (issue 17): the generated roster uploaded to
# `zhijia serve` (POST /api/v1/members/imports: the body sealed to disk as it arrives, then
# imported by the server's background job) beside `zhijia members import` of the same file
# into a copy of the same fresh database. Reported: rows/s (upload to the run's end) and the
# peak RSS of the server and of the command, and the p99 of a member GET from one client
# (random ids of 200 members) with the server idle and while the import runs.
# Usage: bench/import/run_import_http.sh BUILD_DIR WORK_DIR ROWS OUT.json
set -euo pipefail
build="$1"; work="$2"; rows="$3"; out="$4"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${BENCH_HTTP_IMPORT_PORT:-18490}"
password="Bench-Pass-2026"
mkdir -p "$work"
roster="$work/roster_http.csv"
db="$work/http.db"
rm -rf "$db" "$db-wal" "$db-shm" "$work/cli.db" "$work/cli.db-wal" "$work/cli.db-shm" \
  "$work/files" "$work/http_done"
echo "==> member import over HTTP: generating $rows rows"
node "$here/gen_roster.mjs" --rows "$rows" "$roster"
zhijia=("$build/src/zhijia" --key-file "$work/http.key" --log-level warn)
# Members to read while the import runs (and their unions), then the union the roster goes to.
"${zhijia[@]}" --db "sqlite:$db" demo --admin-password "$password" --scale 1 --members 20000 >/dev/null
"${zhijia[@]}" --db "sqlite:$db" orgs add --code BENCH-U1 --name 基准测试工会 --kind grassroots \
  --parent 110101001 >/dev/null
cp "$db" "$work/cli.db"
[ -f "$db-wal" ] && cp "$db-wal" "$work/cli.db-wal"

echo "==> member import over HTTP: zhijia members import ($rows rows), for comparison"
cli_start=$(date +%s.%N)
/usr/bin/time -v -o "$work/cli.time" "${zhijia[@]}" --db "sqlite:$work/cli.db" members import \
  --union BENCH-U1 "$roster" --json >"$work/cli.out"
cli_end=$(date +%s.%N)
rm -f "$work/cli.db" "$work/cli.db-wal" "$work/cli.db-shm"

if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
  echo "run_import_http.sh: port $port is taken by another server" >&2; exit 1
fi
"${zhijia[@]}" --db "sqlite:$db" serve --listen "127.0.0.1:$port" --files-dir "$work/files" \
  --max-upload-bytes $((4 * 1024 * 1024 * 1024)) >"$work/serve_http.out" 2>"$work/serve_http.log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 300); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
base="http://127.0.0.1:$port"
answer="$(curl -fs -D "$work/headers" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/session")"
cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(zj_session=[^;]*\).*/\1/p' "$work/headers")"
csrf="$(node -e 'console.log(JSON.parse(process.argv[1]).csrf_token)' "$answer")"
get() { curl -fs -H "Cookie: $cookie" "$base$1"; }
get "/api/v1/members?limit=200" | node -e \
  "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).items.map(m=>'/api/v1/members/'+m.id).join('\n')))" \
  >"$work/member.paths"
union="$(get "/api/v1/orgs?q=BENCH-U1" | node -e \
  "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).items.find(o=>o.code==='BENCH-U1').id))")"

echo "==> member import over HTTP: member GET p99 with the server idle (10 s)"
node "$here/member_gets.mjs" --base "$base" --cookie "$cookie" --paths "$work/member.paths" \
  --seconds 10 --out "$work/gets_idle.json"

echo "==> member import over HTTP: upload and import ($rows rows), member GETs beside it"
node "$here/member_gets.mjs" --base "$base" --cookie "$cookie" --paths "$work/member.paths" \
  --until-file "$work/http_done" --out "$work/gets_import.json" &
gets=$!
start=$(date +%s.%N)
# -T streams the file (curl -d would read it into memory first).
curl -fs -X POST -T "$roster" -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
  -H 'Content-Type: application/octet-stream' \
  "$base/api/v1/members/imports?union_id=$union&file_name=roster.csv" >"$work/upload.json"
uploaded=$(date +%s.%N)
id="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).id)' "$work/upload.json")"
while :; do
  get "/api/v1/members/imports/$id" >"$work/run.json"
  status="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).status)' "$work/run.json")"
  case "$status" in queued|running|interrupted) sleep 0.5 ;; *) break ;; esac
done
end=$(date +%s.%N)
touch "$work/http_done"
wait "$gets"
server_rss_kb="$(awk '$1=="VmHWM:" {print $2}' "/proc/$server/status")"

node - "$work" "$rows" "$out" "$start" "$uploaded" "$end" "$cli_start" "$cli_end" "$server_rss_kb" <<'JS'
const [work, rows, out, start, uploaded, end, cliStart, cliEnd, serverRssKb] = process.argv.slice(2)
const fs = require('node:fs')
const read = (f) => JSON.parse(fs.readFileSync(`${work}/${f}`, 'utf8'))
const run = read('run.json')
const cli = read('cli.out')
if (run.status !== 'done' || run.accepted !== Number(rows)) throw new Error(`HTTP import: ${run.status}, accepted ${run.accepted} of ${rows}`)
if (cli.accepted !== Number(rows)) throw new Error(`CLI import accepted ${cli.accepted} of ${rows}`)
const cliRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(`${work}/cli.time`, 'utf8'))[1])
const secs = (a, b) => Number((Number(b) - Number(a)).toFixed(3))
const mib = (kb) => Number((Number(kb) / 1024).toFixed(1))
const result = {
  rows: Number(rows),
  http: {
    seconds: secs(start, end),
    upload_seconds: secs(start, uploaded),
    rows_per_s: Math.round(Number(rows) / secs(start, end)),
    server_peak_rss_mib: mib(serverRssKb),
  },
  cli: { seconds: secs(cliStart, cliEnd), rows_per_s: Math.round(Number(rows) / secs(cliStart, cliEnd)), peak_rss_mib: mib(cliRssKb) },
  member_get: { idle: read('gets_idle.json'), during_import: read('gets_import.json') },
  command: `POST /api/v1/members/imports (${rows} rows, SQLite, server with 20,000 members) beside zhijia members import`,
}
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
console.log(JSON.stringify(result))
JS
