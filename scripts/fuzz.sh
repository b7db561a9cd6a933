#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz: CSV and XLSX readers, JSON bodies, national IDs,
# dates; clang-19 with AddressSanitizer + UBSan) into BUILD_DIR and runs each for FUZZ_SECONDS
# (default 30) on its corpus (tests/fuzz/corpus/<target>, read only: what a run finds goes to a
# scratch folder). Fails on the first crash, leak, timeout or sanitizer report, naming the
# input it kept (replay it: BUILD_DIR/fuzz_<target> FILE).
# Usage: scripts/fuzz.sh [BUILD_DIR] [TARGET...]      (default build-fuzz, every target)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$(realpath -m "${1:-$root/build-fuzz}")"  # absolute: the targets run elsewhere
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(csv xlsx json_body national_id date)
seconds="${FUZZ_SECONDS:-30}"

export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
CC=clang-19 CXX=clang++-19 cmake -S "$root/tests/fuzz" -B "$build_dir" -G Ninja >/dev/null
cmake --build "$build_dir"

# A failed check (abort) is reported with ASan's symbolised stack; UB stops the run.
export ASAN_OPTIONS="${ASAN_OPTIONS:-handle_abort=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/zhijia-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
for target in "${targets[@]}"; do
  mkdir -p "$scratch/$target" "$scratch/found"
  echo "fuzz: $target for ${seconds}s"
  # -rss_limit_mb: a parser that swallows memory is a finding too; -timeout: so is one that
  # hangs on an input. -max_len 64 KiB leaves room for the seed workbooks.
  if ! (cd "$scratch" && "$build_dir/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$scratch/found/$target-" "$scratch/$target" \
      "$root/tests/fuzz/corpus/$target" >"$scratch/$target.log" 2>&1); then
    tail -n 60 "$scratch/$target.log" >&2
    mkdir -p "$build_dir/found"
    cp "$scratch/found/"* "$build_dir/found/" 2>/dev/null || true
    echo "fuzz: $target failed; the input is in $build_dir/found/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$scratch/$target.log" |
    tr '\n' ' ' && echo
done
echo "fuzz: no findings"
