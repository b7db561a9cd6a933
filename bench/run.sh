#!/usr/bin/env bash
# The benchmark suite: builds in release mode, loads the demo data, runs every benchmark beside
# the limit it is measured against in the same run, and writes bench/results/latest.json and
# bench/results/latest.md (each figure with the machine's CPU, core count and the date).
# Usage: bench/run.sh [--duration SECONDS] [--connections N] [--rows N]
# What it measures so far (the suite grows with the capabilities):
#   1. micro: Google Benchmark micro-benchmarks of the per-row hot path;
#   2. api_reads: authenticated GET of an account by id through `zhijia serve`, driven by wrk
#      over loopback with keep-alive, against zhijia_bare_server answering a fixed JSON body of
#      the same size with the same Beast stack and thread count;
#   3. member_import: `zhijia members import` of --rows generated rows (default 1,000,000) into
#      SQLite against a bare prepared-statement insert of the same rows (bench/import/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=10
connections=64
rows=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

bash "$root/scripts/install-deps.sh"
# The release build the README's commands use (RelWithDebInfo: -O2 with symbols, so perf can
# name functions). -O3 is not used: GCC 12 reports false -Wrestrict warnings at -O3.
build="$root/build"
echo "==> building (release with debug info) in $build"
SKIP_WEB_BUILD=1 bash "$root/scripts/build.sh" "$build" >/dev/null

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$root/bench/results"

echo "==> micro-benchmarks"
"$build/bench/zhijia_micro_bench" --benchmark_min_time=0.5 --benchmark_format=json \
  >"$work/micro.json" 2>/dev/null

echo "==> demo data and server"
password="Bench-Pass-2026"
zhijia=("$build/src/zhijia" --db "sqlite:$work/bench.db" --key-file "$work/zhijia.key")
"${zhijia[@]}" --log-level warn demo --admin-password "$password" >/dev/null
port_zhijia=18480
port_bare=18481
"${zhijia[@]}" serve --listen "127.0.0.1:$port_zhijia" >"$work/serve.out" 2>"$work/serve.log" &
pids+=($!)
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port_zhijia/healthz" >/dev/null && break
  sleep 0.1
done
cookie="$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port_zhijia/api/v1/session" | sed -n 's/^[Ss]et-[Cc]ookie: \(zj_session=[^;]*\).*/\1/p')"
[ -n "$cookie" ] || { echo "bench/run.sh: could not sign in" >&2; exit 1; }
user_id="$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port_zhijia/api/v1/users?q=staff.dongcheng" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].id))')"
target="/api/v1/users/$user_id"
body_bytes="$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port_zhijia$target" | wc -c)"
threads="$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))"
"$build/bench/zhijia_bare_server" "$port_bare" "$body_bytes" "$threads" >/dev/null &
pids+=($!)
sleep 0.3

echo "==> api reads: wrk, $connections connections, ${duration}s each, GET $target ($body_bytes bytes)"
wrk_threads=2
wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" \
  "http://127.0.0.1:$port_zhijia$target" >"$work/wrk_zhijia.txt"
wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency \
  "http://127.0.0.1:$port_bare/" >"$work/wrk_bare.txt"
grep -q "Non-2xx" "$work/wrk_zhijia.txt" && { echo "bench/run.sh: non-2xx answers:" >&2; cat "$work/wrk_zhijia.txt" >&2; exit 1; }

bash "$root/bench/import/run_import.sh" "$build" "$work/import" "$rows" "$work/import.json"

node "$root/bench/report.mjs" \
  --import "$work/import.json" \
  --micro "$work/micro.json" --wrk-zhijia "$work/wrk_zhijia.txt" --wrk-bare "$work/wrk_bare.txt" \
  --target "GET /api/v1/users/{id}" --body-bytes "$body_bytes" --connections "$connections" \
  --duration "$duration" --out-json "$root/bench/results/latest.json" --out-md "$root/bench/results/latest.md"
cat "$root/bench/results/latest.md"
