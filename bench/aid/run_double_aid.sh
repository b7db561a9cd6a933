#!/usr/bin/env bash
# The no-double-aid check's cost per grant (issue 20): aid grants proposed through `zhijia serve`
# (POST /api/v1/aid/grants: the check probes the aid_once rows of every household member's blind
# index for the kind and period and writes the grant's own, with the grant, its audit entry and
# counters, committed before the 201) against a data set holding FILES active hardship files
# with 4 grants each (`demo --cases`: 200,000 grants and their aid_once rows at 50,000 files),
# beside the same grant rows inserted bare (zhijia_bare_insert … 1 aid_grants: one prepared
# INSERT per committed transaction into a copy of the database taken before, no check, no
# aid_once rows, zhijia's connection settings). Also the check refusing: the first 200 files
# proposed again, every answer 409 error.aid.already_granted.
# The rules, limits and budgets are the sample file's (`zhijia aid load
# docs/samples/aid-rules-beijing.csv`), the 低保 lines a sample of 16 districts' for 2025–2026.
# Usage: bench/aid/run_double_aid.sh BUILD WORK OUT_DIR [FILES] [N] [MEMBERS]
# Writes OUT_DIR/double_aid.json. SQLite (the server's store in the suite).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$1" work="$2" out="$3" files="${4:-50000}" n="${5:-1000}" members="${6:-20000}"
mkdir -p "$work" "$out"
db="sqlite:$work/aid.db"
key="$work/aid.key"
password="Bench-Pass-2026"
port=18496
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log($1)})"; }
zhijia() { "$build/src/zhijia" --db "$db" --key-file "$key" --log-level warn "$@"; }

rm -f "$work/aid.db"* "$work/aid_before.db"*
echo "==> data: $files hardship files with 4 grants each, $members members"
zhijia demo --admin-password "$password" --scale 1 --members "$members" --cases "$files" >/dev/null
{
  echo "region_code,year,dibao_monthly_yuan,source"
  for d in 110101 110102 110105 110106 110107 110108 110109 110111 110112 110113 110114 110115 \
           110116 110117 110118 110119; do
    echo "$d,2025,1450,样例数据"
    echo "$d,2026,1480,样例数据"
  done
} >"$work/standards.csv"
zhijia standards load "$work/standards.csv" >/dev/null
zhijia aid load "$root/docs/samples/aid-rules-beijing.csv" >/dev/null
grants_before="$(sqlite3 "$work/aid.db" "SELECT COUNT(*) FROM aid_grants")"
once_before="$(sqlite3 "$work/aid.db" "SELECT COUNT(*) FROM aid_once")"
sqlite3 "$work/aid.db" "SELECT id FROM hardship_files WHERE status = 'open' ORDER BY id LIMIT $n" \
  >"$work/aid_files.txt"
[ "$(wc -l <"$work/aid_files.txt")" = "$n" ] || { echo "run_double_aid.sh: fewer than $n open files" >&2; exit 1; }
sqlite3 "$work/aid.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$work/aid.db" "$work/aid_before.db"
# On disk before anything is timed: else the first checkpoint of either side writes back the
# whole freshly written file.
sync "$work/aid.db" "$work/aid_before.db"

if curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1; then
  echo "run_double_aid.sh: port $port is taken by another server" >&2; exit 1
fi
"$build/src/zhijia" --db "$db" --key-file "$key" serve --listen "127.0.0.1:$port" \
  >"$work/aid_serve.out" 2>"$work/aid_serve.log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
answer="$(curl -fs -D "$work/headers" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/session")"
cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(zj_session=[^;]*\).*/\1/p' "$work/headers")"
csrf="$(echo "$answer" | json v.csrf_token)"

echo "==> double aid: $n grants proposed through the API among $grants_before grants ($once_before aid_once rows)"
node "$root/bench/aid/propose.mjs" --base "$base" --cookie "$cookie" --csrf "$csrf" \
  --files "$work/aid_files.txt" --out "$work/aid_api.json"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
"$build/bench/zhijia_bare_insert" "$work/aid.db" "$work/aid_before.db" 1 aid_grants >"$work/aid_bare.json"
node -e '
const [api, bare, grants, once] = [require(process.argv[1]), require(process.argv[2]), Number(process.argv[3]), Number(process.argv[4])]
const bare_ms = Math.round((bare.seconds * 1000 / bare.rows) * 1000) / 1000
console.log(JSON.stringify({
  grants_in_data_set: grants, aid_once_rows: once,
  api: api.granted, refused: api.refused,
  bare_insert: { rows: bare.rows, per_grant_ms: bare_ms, rows_per_s: bare.rows_per_s },
  ratio_mean: Math.round(api.granted.mean_ms / bare_ms * 100) / 100,
}, null, 2))
' "$work/aid_api.json" "$work/aid_bare.json" "$grants_before" "$once_before" >"$out/double_aid.json"
rm -f "$work/aid_before.db"*
cat "$out/double_aid.json"
