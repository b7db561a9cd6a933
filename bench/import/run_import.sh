#!/usr/bin/env bash
# The member import benchmark (issues 6, 8 and 17): `zhijia members import` of a generated
# roster into a fresh migrated SQLite database with one grassroots union, against two bare
# baselines on copies of that fresh database, both in transactions of the import's size (20,000
# rows, RosterImportHooks::batch_rows) with the import's page cache (128 MiB, kImportCacheMib):
#   bare_insert         the very rows the import stored, inserted with one prepared statement
#                       into the same table (all 13 indexes);
#   bare_insert_crypto  the same rows, each sealed and blind-indexed again as it is inserted
#                       (libsodium, as the vault), into the table with its blind index only:
#                       the physical limit of a member row with per-row encryption.
# Writes a JSON object with the rates, the ratios (target ≥ 0.5 of the same-table insert), the
# import's rate against its target (20,000 rows/s) and its peak RSS (limit 300 MiB).
# Usage: bench/import/run_import.sh BUILD_DIR WORK_DIR ROWS OUT.json
set -euo pipefail
build="$1"; work="$2"; rows="$3"; out="$4"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$work"
roster="$work/roster.csv"
db="$work/import.db"
rm -f "$db" "$db-wal" "$db-shm" "$work/fresh.db" "$work/fresh.db-wal" "$work/fresh.db-shm"
echo "==> member import: generating $rows rows"
node "$here/gen_roster.mjs" --rows "$rows" "$roster"
zhijia=("$build/src/zhijia" --db "sqlite:$db" --key-file "$work/import.key" --log-level warn)
"${zhijia[@]}" demo --admin-password "Bench-Pass-2026" --scale 0 >/dev/null
"${zhijia[@]}" orgs add --code BENCH-U1 --name 基准测试工会 --kind grassroots --parent 110101001 >/dev/null
for copy in fresh fresh_crypto; do
  cp "$db" "$work/$copy.db"
  if [ -f "$db-wal" ]; then cp "$db-wal" "$work/$copy.db-wal"; fi
done
echo "==> member import: zhijia members import ($rows rows)"
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/import.time" "${zhijia[@]}" members import --union BENCH-U1 "$roster" --json \
  >"$work/import.out"
end=$(date +%s.%N)
echo "==> member import: bare prepared-statement insert of the same rows"
"$build/bench/zhijia_bare_insert" --cache-mib 128 "$db" "$work/fresh.db" 20000 >"$work/bare.json"
echo "==> member import: bare insert sealing and blind-indexing each row (no search indexes)"
"$build/bench/zhijia_bare_insert" --cache-mib 128 --crypto "$db" "$work/fresh_crypto.db" 20000 \
  >"$work/bare_crypto.json"
node - "$work" "$start" "$end" "$rows" "$out" <<'JS'
const [work, start, end, rows, out] = process.argv.slice(2)
const fs = require('node:fs')
const imported = JSON.parse(fs.readFileSync(`${work}/import.out`, 'utf8'))
const time = fs.readFileSync(`${work}/import.time`, 'utf8')
const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)[1])
const bare = JSON.parse(fs.readFileSync(`${work}/bare.json`, 'utf8'))
const crypto = JSON.parse(fs.readFileSync(`${work}/bare_crypto.json`, 'utf8'))
const seconds = Number(end) - Number(start)
if (imported.accepted !== Number(rows)) throw new Error(`import accepted ${imported.accepted} of ${rows}`)
const zhijia = { seconds: Number(seconds.toFixed(3)), rows_per_s: Math.round(Number(rows) / seconds), peak_rss_mib: Number((rssKb / 1024).toFixed(1)) }
const result = {
  rows: Number(rows),
  zhijia,
  bare_insert: { seconds: bare.seconds, rows_per_s: Math.round(bare.rows_per_s) },
  bare_insert_crypto: { seconds: crypto.seconds, rows_per_s: Math.round(crypto.rows_per_s) },
  ratio: Number((zhijia.rows_per_s / bare.rows_per_s).toFixed(3)),
  ratio_crypto: Number((zhijia.rows_per_s / crypto.rows_per_s).toFixed(3)),
  target_ratio: 0.5,
  target_rows_per_s: 20000,
  transaction_rows: 20000,
  cache_mib: 128,
  rss_limit_mib: 300,
  command: `zhijia members import --union BENCH-U1 roster.csv --json (SQLite, ${rows} rows)`,
}
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
console.log(JSON.stringify(result))
JS
