#!/usr/bin/env bash
# Workers' sign-in on the portal (issue 19): sign-in code requests and code verifications per
# second through `zhijia serve`, each in alternating rounds against zhijia_bare_server (the same
# Beast stack answering a fixed body of the same size): the API's cost on top of the network.
# A code request is a durable write (the code's hash and its SMS in the outbox, committed before
# the 202; the log sender then writes it to the server log); a verification here is a code for a
# phone never sent one (401), the same work as a wrong code.
# Usage: bench/sign_in/run_sign_in.sh BUILD WORK OUT_DIR [DURATION] [ROUNDS] [CONNECTIONS]
# Writes OUT_DIR/wrk_sign_in_{code,verify}_{zhijia,bare}_N.txt and OUT_DIR/sign_in.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$1" work="$2" out="$3" duration="${4:-10}" rounds="${5:-3}" connections="${6:-16}"
mkdir -p "$work" "$out"
db="sqlite:$work/sign_in.db"
port=18490
bare_port=18491
"$build/src/zhijia" --db "$db" --key-file "$work/sign_in.key" --log-level warn demo \
  --admin-password "Bench-Pass-2026" --scale 0 >/dev/null
for p in $port $bare_port; do
  if curl -fs "http://127.0.0.1:$p/" >/dev/null 2>&1; then
    echo "run_sign_in.sh: port $p is taken by another server" >&2; exit 1
  fi
done
"$build/src/zhijia" --db "$db" --key-file "$work/sign_in.key" serve --trust-proxy 127.0.0.1 \
  --listen "127.0.0.1:$port" >"$work/sign_in_serve.out" 2>"$work/sign_in_serve.log" &
server_pid=$!
bare_pid=""
trap 'kill $server_pid $bare_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

# What each call answers (and that nothing is throttled): 202 for a code, 401 for a wrong one.
probe() {
  curl -s -o "$work/probe.body" -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: 192.0.2.$1" -d "$3" "$base$2"
}
[ "$(probe 1 /api/v1/portal/sign-in/code '{"phone":"13700000001"}')" = 202 ] || { echo "code request not 202" >&2; exit 1; }
code_bytes="$(wc -c <"$work/probe.body")"
[ "$(probe 2 /api/v1/portal/session '{"phone":"13700000002","code":"123456"}')" = 401 ] || { echo "verification not 401" >&2; exit 1; }
verify_bytes="$(wc -c <"$work/probe.body")"

threads="$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))"
run=0  # each wrk run its own phones and addresses (bench/wrk/sign_in.lua)
[ "$rounds" -le 4 ] || { echo "run_sign_in.sh: at most 4 rounds" >&2; exit 1; }
for mode in code verify; do
  bytes=$code_bytes
  [ "$mode" = verify ] && bytes=$verify_bytes
  "$build/bench/zhijia_bare_server" "$bare_port" "$bytes" "$threads" >/dev/null &
  bare_pid=$!
  sleep 0.3
  echo "==> sign-in: $mode, wrk $connections connections, $rounds rounds of ${duration}s each"
  MODE=$mode RUN=$run wrk -t2 -c"$connections" -d2s -s "$root/bench/wrk/sign_in.lua" "$base" >/dev/null
  run=$((run + 1))
  for round in $(seq "$rounds"); do
    MODE=$mode RUN=$run wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/wrk/sign_in.lua" \
      "$base" >"$out/wrk_sign_in_${mode}_zhijia_${round}.txt"
    run=$((run + 1))
    wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$bare_port/" \
      >"$out/wrk_sign_in_${mode}_bare_${round}.txt"
  done
  kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true
  bare_pid=""
done
# Nothing was throttled: every phone and address stayed under its limit.
throttled="$(grep -c '"status":429' "$work/sign_in_serve.log" || true)"
if [ "${throttled:-0}" != 0 ]; then
  echo "run_sign_in.sh: $throttled throttled answers (429) in the access log" >&2; exit 1
fi
echo "{\"rounds\":$rounds,\"connections\":$connections,\"duration_s\":$duration,\"code_body_bytes\":$code_bytes,\"verify_body_bytes\":$verify_bytes}" \
  >"$out/sign_in.json"
