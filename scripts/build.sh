#!/usr/bin/env bash
# Builds the zhijia program (CMake + Ninja, ccache when present) and the web front end.
# Usage: scripts/build.sh [BUILD_DIR] [extra cmake options...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build}"
shift || true

# Compile results are shared between clones of the repository: paths are hashed relative to
# the clone, so a second checkout (as CI makes) reuses what the first compiled.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true

cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$build_dir"

if [ "${SKIP_WEB_BUILD:-0}" != 1 ]; then
  (cd "$root/web" && npm run --silent build)
fi
