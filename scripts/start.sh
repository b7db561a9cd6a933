#!/usr/bin/env bash
# The newcomer's first command: installs everything, builds, creates ./data/zhijia.db with the
# demo federation a year into service (zhijia demo --history: members, a year of requests, work
# waiting for each demo account; the first time only), prints the demo accounts with what each
# can try, and serves Zhijia on http://127.0.0.1:8080 until Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/install-deps.sh
bash scripts/build.sh

db="${ZHIJIA_DB:-sqlite:./data/zhijia.db}"
listen="${ZHIJIA_LISTEN:-127.0.0.1:8080}"
./build/src/zhijia --db "$db" demo --history
echo
echo "Zhijia (职工之家) is starting on http://$listen  — sign in with one of the demo accounts above."
echo "Stop it with Ctrl-C."
exec ./build/src/zhijia --db "$db" serve --listen "$listen" --web-root web/dist
