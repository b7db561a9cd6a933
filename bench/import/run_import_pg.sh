#!/usr/bin/env bash
# The member import benchmark on PostgreSQL 15 (issue 8): `zhijia members import` of the roster
# that run_import.sh generated, into a throwaway cluster (tests/integration/pg_cluster.sh: unix
# socket only, fsync off for both sides alike), against `COPY` of the very rows the import
# stored (ciphertexts, blind indexes, card numbers as written) into the same table after it is
# emptied. Writes a JSON object with both rates, their ratio (target ≥ 0.5) and the import's
# peak RSS (limit 300 MiB).
# Usage: bench/import/run_import_pg.sh BUILD_DIR WORK_DIR ROWS OUT.json (WORK_DIR/roster.csv exists)
set -euo pipefail
build="$1"; work="$2"; rows="$3"; out="$4"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cluster="$(sh "$root/tests/integration/pg_cluster.sh" start)"
trap 'sh "$root/tests/integration/pg_cluster.sh" stop "$cluster"' EXIT
uri="$(cat "$cluster/uri")"
psql_() { PGOPTIONS="-c client_min_messages=warning" psql "$uri" -v ON_ERROR_STOP=1 -q "$@"; }
zhijia=("$build/src/zhijia" --db "$uri" --key-file "$work/import.key" --log-level warn)
"${zhijia[@]}" demo --admin-password "Bench-Pass-2026" --scale 0 >/dev/null
"${zhijia[@]}" orgs add --code BENCH-U1 --name 基准测试工会 --kind grassroots --parent 110101001 >/dev/null
echo "==> member import on PostgreSQL: zhijia members import ($rows rows)"
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/import_pg.time" "${zhijia[@]}" members import --union BENCH-U1 \
  "$work/roster.csv" --json >"$work/import_pg.out"
end=$(date +%s.%N)
echo "==> member import on PostgreSQL: COPY of the same rows"
copy="$work/members.copy"
psql_ -c "\\copy (SELECT * FROM members ORDER BY id) TO '$copy'"
# Emptied with what refers to it (events, import outcomes), so the COPY meets the same indexes,
# constraints and foreign keys as the import did.
psql_ -c "TRUNCATE members CASCADE"
copy_start=$(date +%s.%N)
psql_ -c "\\copy members FROM '$copy'"
copy_end=$(date +%s.%N)
node - "$work" "$start" "$end" "$copy_start" "$copy_end" "$rows" "$out" <<'JS'
const [work, start, end, copyStart, copyEnd, rows, out] = process.argv.slice(2)
const fs = require('node:fs')
const imported = JSON.parse(fs.readFileSync(`${work}/import_pg.out`, 'utf8'))
const time = fs.readFileSync(`${work}/import_pg.time`, 'utf8')
const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)[1])
if (imported.accepted !== Number(rows)) throw new Error(`import accepted ${imported.accepted} of ${rows}`)
const seconds = Number(end) - Number(start)
const copySeconds = Number(copyEnd) - Number(copyStart)
const zhijia = { seconds: Number(seconds.toFixed(3)), rows_per_s: Math.round(Number(rows) / seconds), peak_rss_mib: Number((rssKb / 1024).toFixed(1)) }
const copy = { seconds: Number(copySeconds.toFixed(3)), rows_per_s: Math.round(Number(rows) / copySeconds) }
const result = {
  rows: Number(rows),
  zhijia,
  copy,
  ratio: Number((zhijia.rows_per_s / copy.rows_per_s).toFixed(3)),
  target_ratio: 0.5,
  rss_limit_mib: 300,
  command: `zhijia members import --union BENCH-U1 roster.csv --json (PostgreSQL 15, ${rows} rows)`,
}
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
console.log(JSON.stringify(result))
JS
