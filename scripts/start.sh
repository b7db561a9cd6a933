#!/usr/bin/env bash
# The newcomer's first command: installs everything, builds, creates ./data/zhijia.db with the
# demo federation, and serves Zhijia on http://127.0.0.1:8080 until Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/install-deps.sh
bash scripts/build.sh

db="${ZHIJIA_DB:-sqlite:./data/zhijia.db}"
listen="${ZHIJIA_LISTEN:-127.0.0.1:8080}"
./build/src/zhijia --db "$db" demo
echo
echo "Zhijia (职工之家) is starting on http://$listen  — sign in as the demo administrator above."
echo "Stop it with Ctrl-C."
exec ./build/src/zhijia --db "$db" serve --listen "$listen" --web-root web/dist
