#!/usr/bin/env bash
# My requests of a signed-in worker (issue 19): the latency (p50/p95/p99) of the worker's pages
# through `zhijia serve` on a large registry, for the demo worker (worker.demo, bound to the demo
# member 李明华) with N requests of their own among everyone else's: the first page (20), one page
# of 50, and one request with its timeline. The requests are registered by the hotline for the
# member (the administrator, POST /api/v1/requests with member_id), which makes them the worker's
# as a cadre's registration does; the worker signs in with the code from the server's log.
# Usage: bench/sign_in/run_my_requests.sh BUILD WORK OUT_DIR [MEMBERS] [N] [SAMPLES]
# Uses WORK/my_requests.db when it exists (run.sh passes its large data set), else loads the
# demo with MEMBERS members (1,000,000) and 50,000 requests into it. Writes OUT_DIR/my_requests.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$1" work="$2" out="$3" members="${4:-1000000}" n="${5:-50}" samples="${6:-1000}"
mkdir -p "$work" "$out"
db="sqlite:$work/my_requests.db"
key="$work/my_requests.key"
[ -f "$work/zhijia.key" ] && [ ! -f "$key" ] && cp "$work/zhijia.key" "$key"
password="Bench-Pass-2026"
port=18492
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log($1)})"; }

if [ ! -f "$work/my_requests.db" ]; then
  echo "==> data: $members members, 50,000 requests"
  "$build/src/zhijia" --db "$db" --key-file "$key" --log-level warn demo --admin-password "$password" \
    --scale 2 --members "$members" --requests 50000 >/dev/null
fi
if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
  echo "run_my_requests.sh: port $port is taken by another server" >&2; exit 1
fi
"$build/src/zhijia" --db "$db" --key-file "$key" serve --listen "127.0.0.1:$port" \
  >"$work/my_requests_serve.out" 2>"$work/my_requests_serve.log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

# The administrator registers the worker's requests for the demo member.
answer="$(curl -fs -D "$work/headers" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/session")"
cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(zj_session=[^;]*\).*/\1/p' "$work/headers")"
csrf="$(echo "$answer" | json v.csrf_token)"
member="$(curl -fs -H "Cookie: $cookie" "$base/api/v1/members?q=%E6%9D%8E%E6%98%8E%E5%8D%8E&limit=5" | json 'v.items[0].id')"
street=110101001  # 东华门街道, where the demo member's union is
have="$(curl -fs -H "Cookie: $cookie" "$base/api/v1/members/$member/requests" | json 'v.items.length')"
for i in $(seq $((have + 1)) "$n"); do
  curl -fs -o /dev/null -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"channel\":\"hotline\",\"category\":\"consultation\",\"title\":\"咨询 $i\",\"description\":\"年休假怎么算\",\"contact_name\":\"李明华\",\"contact_phone\":\"13600001019\",\"region_code\":\"$street\",\"member_id\":\"$member\"}" \
    "$base/api/v1/requests"
done

# The worker signs in with the code the log sender wrote.
curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"phone":"13600001019"}' "$base/api/v1/portal/sign-in/code"
code=""
for _ in $(seq 100); do
  code="$(sed -n 's/.*sign-in code \([0-9]\{6\}\) for 136\*\*\*\*1019.*/\1/p' "$work/my_requests_serve.log" "$work/my_requests_serve.out" | tail -1)"
  [ -n "$code" ] && break
  sleep 0.1
done
[ -n "$code" ] || { echo "run_my_requests.sh: no sign-in code in the server log" >&2; exit 1; }
curl -fs -D "$work/headers" -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"phone\":\"13600001019\",\"code\":\"$code\"}" "$base/api/v1/portal/session"
worker="$(sed -n 's/^[Ss]et-[Cc]ookie: \(zj_worker=[^;]*\).*/\1/p' "$work/headers")"
mine="$(curl -fs -H "Cookie: $worker" "$base/api/v1/me/requests?limit=100" | json 'v.items.length')"
[ "$mine" -ge "$n" ] || { echo "run_my_requests.sh: the worker has $mine requests, not $n" >&2; exit 1; }
one="$(curl -fs -H "Cookie: $worker" "$base/api/v1/me/requests?limit=1" | json 'v.items[0].id')"

echo "==> My requests: $mine requests of the worker, $members members, $samples samples each"
node "$root/bench/http_latency.mjs" --base "$base" --cookie "$worker" --n "$samples" \
  --out "$work/my_requests_latency.json" \
  "/api/v1/me/requests" "/api/v1/me/requests?limit=50" "/api/v1/me/requests/$one"
node -e '
const [latency, members, mine] = [require(process.argv[1]), Number(process.argv[2]), Number(process.argv[3])]
const rows = Object.entries(latency).map(([path, v]) => ({ path: path.replace(/\/\d+$/, "/{id}"), ...v }))
console.log(JSON.stringify({ members, worker_requests: mine, p99_target_ms: 50, rows }, null, 2))
' "$work/my_requests_latency.json" "$members" "$mine" >"$out/my_requests.json"
cat "$out/my_requests.json"
