#!/usr/bin/env bash
# House checks on the C++ sources: clang-format on every file (no diff allowed), and clang-tidy
# (.clang-tidy) on the C++ files changed since BASE (default: the previous commit), using the
# compile commands of BUILD_DIR. `ZHIJIA_TIDY_ALL=1` checks every file instead. clang-tidy 19,
# because older ones cannot parse libstdc++ 12's std::expected.
# Usage: scripts/lint.sh [BUILD_DIR] [BASE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build}"
base="${2:-HEAD~1}"
cd "$root"

mapfile -t all < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
clang-format --dry-run --Werror "${all[@]}"
echo "lint: clang-format: ${#all[@]} files formatted"

if [ "${ZHIJIA_TIDY_ALL:-0}" = 1 ]; then
  mapfile -t changed < <(git ls-files 'src/*.cpp' 'bench/*.cpp')
elif git rev-parse --verify -q "$base" >/dev/null; then
  mapfile -t changed < <(git diff --name-only --diff-filter=d "$base" -- 'src/*.cpp' 'bench/*.cpp')
else
  changed=()
fi
if [ "${#changed[@]}" -eq 0 ]; then
  echo "lint: clang-tidy: no changed C++ sources"
  exit 0
fi
printf '%s\n' "${changed[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy-19 --quiet -p "$build_dir" 2>/dev/null
echo "lint: clang-tidy: ${#changed[@]} changed files clean"
