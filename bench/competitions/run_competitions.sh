#!/usr/bin/env bash
# A park labour competition at the seed's scale or ten times it (issue 21), through `zhijia
# serve` on SQLite: the data set is `zhijia demo --members M --competition seed|ten` (400 / 4,000
# enterprises, 42,000 / 420,000 workers in 4,000 / 40,000 teams, 400 / 4,000 individuals, 50
# judges, every entry marked by 5 of its group's judges, the list frozen). Measured:
#   judges   PUT /api/v1/judging/{entry} by all the judges at once (wrk, one connection per judge,
#            each request a random (judge, entry) of the judges' own, marks revised: the row and
#            its audit entry committed), beside zhijia_bare_server answering a body of the same
#            size with the same connections: p50/p99 and rates of both;
#   publish  POST /api/v1/competitions/{id}/publish (every score read, ranked by z-score per
#            group, results and certificates written in one transaction), beside a bare SELECT
#            of the same rows (the competition's entries and scores, sqlite3 CLI) on the same file;
#            targets < 1 s (seed) and < 10 s (ten times);
#   ranking  p50/p95/p99 of GET /api/v1/competitions/{id}/ranking once published (the whole
#            ranking, every entry), beside the bare server answering a body of the same size.
# Usage: bench/competitions/run_competitions.sh BUILD WORK OUT_DIR seed|ten [DURATION] [SAMPLES]
#          [ROUNDS]   (publication: ROUNDS runs, 3 by default, each on a fresh copy; the median)
# Writes OUT_DIR/competitions_SCALE.json, wrk_judges_SCALE_{zhijia,bare}.txt and
# ranking_SCALE_{zhijia,bare}.json (report.mjs reads them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$1" work="$2" out="$3" scale="$4" duration="${5:-10}" samples="${6:-200}" rounds="${7:-3}"
case "$scale" in
  seed) members=42000; target_s=1 ;;
  ten) members=420000; target_s=10 ;;
  *) echo "run_competitions.sh: the scale is seed or ten, not $scale" >&2; exit 2 ;;
esac
mkdir -p "$work" "$out"
password="Bench-Pass-2026"
db="$work/competition_$scale.db"
key="$work/competition.key"
port=18564
bare_port=18565
for p in $port $bare_port; do
  if curl -fs "http://127.0.0.1:$p/" >/dev/null 2>&1; then
    echo "run_competitions.sh: port $p is taken by another server" >&2; exit 1
  fi
done

echo "==> competition ($scale): data set with $members members"
rm -f "$db" "$db-wal" "$db-shm"
start=$(date +%s.%N)
"$build/src/zhijia" --db "sqlite:$db" --key-file "$key" --log-level warn demo \
  --admin-password "$password" --scale 1 --members "$members" --competition "$scale" \
  >"$work/competition_$scale.load"
load_s=$(echo "$(date +%s.%N) - $start" | bc)
grep -i "competition" "$work/competition_$scale.load" | sed 's/^/    /'

server_pid=""
bare_pid=""
trap 'kill $server_pid $bare_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
# serve: starts zhijia serve on the data set (server_pid, base).
serve() {
  "$build/src/zhijia" --db "sqlite:$db" --key-file "$key" serve --listen "127.0.0.1:$port" \
    >>"$work/competition_serve.out" 2>>"$work/competition_serve.log" &
  server_pid=$!
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
serve
base="http://127.0.0.1:$port"
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=JSON.parse(s);console.log($1)})"; }
# sign_in USER: prints "cookie<TAB>csrf".
sign_in() {
  local answer cookie
  answer="$(curl -fs -D "$work/headers" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" "$base/api/v1/session")"
  cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(zj_session=[^;]*\).*/\1/p' "$work/headers")"
  printf '%s\t%s\n' "$cookie" "$(echo "$answer" | json v.csrf_token)"
}
IFS=$'\t' read -r cookie csrf < <(sign_in admin)
title="$([ "$scale" = seed ] && echo '2026年“园区杯”劳动竞赛' || echo '“园区杯”劳动竞赛（十倍规模）')"
id="$(curl -fs -H "Cookie: $cookie" "$base/api/v1/competitions" |
  json "v.items.find(c=>c.title==='$title').id")"
read -r entries scores < <(sqlite3 "$db" \
  "SELECT (SELECT count(*) FROM comp_entries WHERE competition_id = $id),
          (SELECT count(*) FROM comp_scores s JOIN comp_entries e ON e.id = s.entry_id
            WHERE e.competition_id = $id);" | tr '|' ' ')

# The judges' own (judge, entry) pairs, 40 of each judge, with the judge's session.
echo "==> judges sign in and mark ($duration s, one connection per judge)"
: >"$work/marks_$scale.lines"
sqlite3 -separator ' ' "$db" "SELECT u.username, group_concat(s.entry_id, ',') FROM comp_judges j
  JOIN users u ON u.id = j.user_id JOIN comp_scores s ON s.judge_id = j.id
  WHERE j.competition_id = $id GROUP BY u.username ORDER BY u.username;" >"$work/judges_$scale.txt"
judges=0
while read -r username list; do
  IFS=$'\t' read -r jc jx < <(sign_in "$username")
  echo "$list" | tr ',' '\n' | awk 'NR <= 40' | while read -r entry; do
    printf '%s\t%s\t%s\n' "$jc" "$jx" "$entry"
  done >>"$work/marks_$scale.lines"
  judges=$((judges + 1))
done <"$work/judges_$scale.txt"
first="$(head -1 "$work/marks_$scale.lines")"
IFS=$'\t' read -r jc jx je <<<"$first"
answer_bytes="$(curl -fs -X PUT -H "Cookie: $jc" -H "X-CSRF-Token: $jx" -H 'Content-Type: application/json' \
  -d '{"marks":{"quality":3000,"safety":3000,"innovation":2500}}' "$base/api/v1/judging/$je" | wc -c)"
MARKS_FILE="$work/marks_$scale.lines" wrk -t2 -c"$judges" -d2s -s "$root/bench/wrk/put_marks.lua" "$base" >/dev/null
MARKS_FILE="$work/marks_$scale.lines" wrk -t2 -c"$judges" -d"${duration}s" --latency \
  -s "$root/bench/wrk/put_marks.lua" "$base" >"$out/wrk_judges_${scale}_zhijia.txt"
if grep -q "Non-2xx" "$out/wrk_judges_${scale}_zhijia.txt"; then
  echo "run_competitions.sh: non-2xx answers to the marks:" >&2; cat "$out/wrk_judges_${scale}_zhijia.txt" >&2; exit 1
fi
threads="$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))"
"$build/bench/zhijia_bare_server" "$bare_port" "$answer_bytes" "$threads" >/dev/null &
bare_pid=$!
sleep 0.3
wrk -t2 -c"$judges" -d"${duration}s" --latency "http://127.0.0.1:$bare_port/" \
  >"$out/wrk_judges_${scale}_bare.txt"
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true; bare_pid=""

echo "==> publish ($rounds rounds, each on a copy of the frozen, marked list)"
stop
cp "$db" "$db.pre"
[ -f "$db-wal" ] && cp "$db-wal" "$db.pre-wal"
# The limit: the rows publication reads, selected bare (the same statements' columns and order).
bare_select() {
  printf '.output /dev/null\n.timer on\n%s\n%s\n' \
    "SELECT id, competition_id, group_id, number, entrant_kind, enterprise_id, member_id, team_name, federation_id, org_path, status, enrolled_by, enrolled_via, veto_code, veto_note, veto_by, veto_at, created_at FROM comp_entries WHERE competition_id = $id ORDER BY group_id, id;" \
    "SELECT s.entry_id, s.judge_id, s.marks_json, s.total_e4, s.submitted_at, s.revised_at FROM comp_scores s JOIN comp_entries e ON e.id = s.entry_id WHERE e.competition_id = $id ORDER BY s.entry_id, s.judge_id;" |
    sqlite3 "$db" 2>&1 | awk '/Run Time/ {s += $4} END {printf "%.4f", s}'
}
publish_rounds=""
select_rounds=""
for round in $(seq "$rounds"); do
  rm -f "$db-wal" "$db-shm"
  cp "$db.pre" "$db"
  [ -f "$db.pre-wal" ] && cp "$db.pre-wal" "$db-wal"
  select_rounds="$select_rounds${select_rounds:+,}$(bare_select)"
  serve
  IFS=$'\t' read -r cookie csrf < <(sign_in admin)
  t="$(curl -fs -o "$work/published_$scale.json" -w '%{time_total}' -X POST -H "Cookie: $cookie" \
    -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{}' "$base/api/v1/competitions/$id/publish")"
  publish_rounds="$publish_rounds${publish_rounds:+,}$t"
  if [ "$round" -lt "$rounds" ]; then stop; fi
done
rm -f "$db.pre" "$db.pre-wal"
ranked="$(json 'v.lines.length' <"$work/published_$scale.json")"
echo "    published $ranked ranked entries: $publish_rounds s (bare select: $select_rounds s)"

echo "==> ranking page ($samples samples)"
node "$root/bench/http_latency.mjs" --base "$base" --cookie "$cookie" --n "$samples" --warmup 5 \
  --out "$out/ranking_${scale}_zhijia.json" "/api/v1/competitions/$id/ranking"
ranking_bytes="$(json 'Object.values(v)[0].bytes' <"$out/ranking_${scale}_zhijia.json")"
"$build/bench/zhijia_bare_server" "$bare_port" "$ranking_bytes" "$threads" >/dev/null &
bare_pid=$!
sleep 0.3
node "$root/bench/http_latency.mjs" --base "http://127.0.0.1:$bare_port" --cookie x --n "$samples" \
  --warmup 5 --out "$out/ranking_${scale}_bare.json" "/"
cat >"$out/competitions_$scale.json" <<EOF
{"scale": "$scale", "members": $members, "entries": $entries, "scores": $scores,
 "judges": $judges, "load_s": $load_s, "publish_s": [$publish_rounds], "publish_target_s": $target_s,
 "bare_select_s": [$select_rounds], "ranked": $ranked, "answer_bytes": $answer_bytes,
 "ranking_bytes": $ranking_bytes, "duration_s": $duration, "samples": $samples}
EOF
