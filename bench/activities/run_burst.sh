#!/usr/bin/env bash
# Issue 22's registration burst: N registrations (10,000) arriving within SECONDS (60) for an
# activity of SEATS seats (2,000) through `zhijia serve`, from N signed-in workers, each on its
# own request at its own instant (bench/activities/burst.mjs), against zhijia_bare_server fired
# at the same instants; then, with the server stopped, the database must hold exactly SEATS
# seats, N − SEATS waitlisted in places 1..N − SEATS, and no member twice — the run fails loudly
# otherwise.
# The workers: N members of the demo registry (demo --members 2N) get portal accounts bound to
# them by zhijia_bench_workers (bench-only: the account opened as a first sign-in opens it and
# bound as a cadre's decision binds it, without the binding request); they then sign in through
# the server with the code the log sender writes, as run_my_requests.sh does for one worker.
# Usage: bench/activities/run_burst.sh BUILD WORK OUT_DIR [N] [SEATS] [SECONDS]
# Writes OUT_DIR/burst.json. SQLite (the server's store in the suite).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$1" work="$2" out="$3" n="${4:-10000}" seats="${5:-2000}" seconds="${6:-60}"
mkdir -p "$work" "$out"
db="sqlite:$work/burst.db"
key="$work/burst.key"
password="Bench-Pass-2026"
port=18494
bare_port=18495
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log($1)})"; }

# The data once per WORK (kept as burst_setup.db: a rerun starts from it, before any sign-in).
rm -f "$work/burst.db"*
if [ ! -f "$work/burst_setup.db" ] || [ "$(wc -l <"$work/phones.txt" 2>/dev/null)" != "$n" ]; then
  echo "==> data: the demo federation with $((2 * n)) members, $n of them signed-in workers"
  "$build/src/zhijia" --db "$db" --key-file "$key" --log-level warn demo --admin-password "$password" \
    --scale 1 --members "$((2 * n))" >/dev/null
  "$build/bench/zhijia_bench_workers" "$db" "$key" "$n" 1390000 >"$work/phones.txt"
  sqlite3 "$work/burst.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  cp "$work/burst.db" "$work/burst_setup.db"
else
  cp "$work/burst_setup.db" "$work/burst.db"
fi
sync "$work/burst.db"  # on disk before anything is timed

for p in $port $bare_port; do
  if curl -fs "http://127.0.0.1:$p/" >/dev/null 2>&1; then
    echo "run_burst.sh: port $p is taken by another server" >&2; exit 1
  fi
done
"$build/src/zhijia" --db "$db" --key-file "$key" serve --trust-proxy 127.0.0.1 \
  --listen "127.0.0.1:$port" >"$work/burst_serve.out" 2>"$work/burst_serve.log" &
server_pid=$!
bare_pid=""
trap 'kill $server_pid $bare_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
answer="$(curl -fs -D "$work/headers" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/session")"
cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(zj_session=[^;]*\).*/\1/p' "$work/headers")"
csrf="$(echo "$answer" | json v.csrf_token)"
[ -n "$cookie" ] || { echo "run_burst.sh: the administrator could not sign in" >&2; exit 1; }

# The bare server answers a body of the size of a registration's answer (measured by a probe
# of the same shape: the activity as the worker sees it, about 600 bytes).
threads="$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))"
"$build/bench/zhijia_bare_server" "$bare_port" 600 "$threads" >/dev/null &
bare_pid=$!
sleep 0.3

echo "==> registration burst: $n registrations within ${seconds}s for $seats seats"
answers_ok=1
node "$root/bench/activities/burst.mjs" --base "$base" --cookie "$cookie" --csrf "$csrf" \
  --phones "$work/phones.txt" --logs "$work/burst_serve.log,$work/burst_serve.out" --n "$n" \
  --seats "$seats" --seconds "$seconds" --bare "http://127.0.0.1:$bare_port" \
  --out "$work/burst_http.json" || answers_ok=0
kill "$server_pid" "$bare_pid"; wait "$server_pid" "$bare_pid" 2>/dev/null || true
[ -f "$work/burst_http.json" ] || { echo "run_burst.sh: the burst did not run" >&2; exit 1; }

# What the database holds, read with the server stopped.
activity="$(json v.activity_id <"$work/burst_http.json")"
q() { sqlite3 "$work/burst.db" "$1"; }
counters="$(q "SELECT seats_taken || ' ' || waitlisted FROM activities WHERE id = $activity")"
seated="$(q "SELECT COUNT(*) FROM activity_registrations WHERE activity_id = $activity AND state = 'seated'")"
waitlist="$(q "SELECT COUNT(*) || ' ' || COUNT(DISTINCT position) || ' ' || MIN(position) || ' ' || MAX(position) FROM activity_registrations WHERE activity_id = $activity AND state = 'waitlisted'")"
members="$(q "SELECT COUNT(*) || ' ' || COUNT(DISTINCT member_id) FROM activity_registrations WHERE activity_id = $activity")"
waiting=$((n - seats))
problems=()
[ "$answers_ok" = 1 ] || problems+=("not every registration was answered with a seat or a waitlist place")
[ "$counters" = "$seats $waiting" ] || problems+=("seats_taken and waitlisted are $counters, not $seats $waiting")
[ "$seated" = "$seats" ] || problems+=("$seated seated registrations, not $seats")
[ "$waitlist" = "$waiting $waiting 1 $waiting" ] || problems+=("the waitlist (count, distinct places, first, last) is $waitlist, not $waiting $waiting 1 $waiting")
[ "$members" = "$n $n" ] || problems+=("registrations and distinct members are $members, not $n $n")
printf '%s\n' "${problems[@]}" >"$work/burst_problems.txt"
node -e '
const fs = require("fs")
const r = require(process.argv[1])
const [counters, waitlist, members] = [process.argv[2], process.argv[3], process.argv[4]].map((t) => t.split(" ").map(Number))
r.checked = {
  seats_taken: counters[0], waitlisted: counters[1], waitlist_places: [waitlist[2], waitlist[3]],
  distinct_places: waitlist[1], registrations: members[0], members_twice: members[0] - members[1],
}
r.problems = fs.readFileSync(process.argv[5], "utf8").split("\n").filter(Boolean)
r.failed = r.problems.length > 0
r.ratio_p99 = r.bare ? Math.round((r.zhijia.p99_ms / r.bare.p99_ms) * 100) / 100 : null
console.log(JSON.stringify(r, null, 2))
' "$work/burst_http.json" "$counters" "$waitlist" "$members" "$work/burst_problems.txt" >"$out/burst.json"
cat "$out/burst.json"
if [ "${#problems[@]}" -gt 0 ]; then
  printf 'run_burst.sh: FAILED: %s\n' "${problems[@]}" >&2
  exit 1
fi
