#!/usr/bin/env bash
# The second command: installs everything, builds, checks formatting and clang-tidy, and runs
# every test: C++ unit and integration tests on SQLite and on a throwaway PostgreSQL 15 cluster
# (ctest), the same again under AddressSanitizer + UBSan, the web front end's type check and unit tests, the browser
# end-to-end tests in Debian's chromium against a real `zhijia serve`, and the fuzz targets.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="$(nproc)"

started=$SECONDS
step() { printf '\n==> [%4ds] %s\n' "$((SECONDS - started))" "$*"; }

step "installing dependencies"
bash scripts/install-deps.sh

step "building (release with debug info)"
bash scripts/build.sh "$root/build"

step "lint: clang-format on every C++ file, clang-tidy on the ones the last commit changed"
bash scripts/lint.sh "$root/build"

step "C++ tests: unit, integration on SQLite and PostgreSQL 15"
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"

step "C++ tests again under AddressSanitizer + UBSan (debug build)"
BUILD_TYPE=Debug SKIP_WEB_BUILD=1 bash scripts/build.sh "$root/build-asan" -DZHIJIA_SANITIZE=ON
# tests/lsan.supp: other libraries' own leaks (fontconfig, cairo's PDF surface), never ours.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$root/tests/lsan.supp" \
  ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs"

step "web: type check and unit tests"
(cd web && npm run --silent typecheck && npm run --silent test)

step "browser end-to-end tests (chromium) against zhijia serve"
(cd web && ZHIJIA_BIN="$root/build/src/zhijia" npm run --silent e2e)

step "fuzzing: each libFuzzer target for ${FUZZ_SECONDS:-30} s (clang-19, ASan + UBSan)"
bash scripts/fuzz.sh "$root/build-fuzz"

step "all tests passed"
