#!/usr/bin/env bash
# Installs everything Zhijia needs on Debian bookworm, idempotently: Debian packages through
# apt-get, front-end packages through npm for web/. Safe to run again; does nothing twice.
# Nothing is downloaded outside Debian's archive and the npm registry (no browsers, no
# toolchains): the browser tests use Debian's chromium.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages, grouped by what needs them.
packages=(
  # build
  build-essential cmake ninja-build ccache pkg-config git
  # C++ libraries (see DESIGN.md "Chosen components")
  libboost-dev nlohmann-json3-dev rapidjson-dev libcli11-dev libspdlog-dev libfmt-dev libsodium-dev
  libicu-dev icu-devtools libsqlite3-dev sqlite3 libpq-dev
  # XLSX: libxlsxwriter writes exports; libzip + pugixml read imported workbooks, expat streams
  # big sheets (SAX) for the member import, zlib inflates their members (counting for bombs)
  libxlsxwriter-dev libzip-dev libpugixml-dev libexpat1-dev zlib1g-dev
  # CSV imports (GBK decoding is ICU's, above)
  libcsv-dev
  # certificates as PDF: cairo + pango (Chinese through fonts-noto-cjk, below), QR codes;
  # poppler-utils (pdftotext) lets the tests read the PDF back
  libcairo2-dev libpango1.0-dev libqrencode-dev poppler-utils
  # notifications by e-mail (libcurl's SMTP)
  libcurl4-openssl-dev
  # tests and checks
  libgtest-dev libgmock-dev libbenchmark-dev clang-format clang-tidy-19
  # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes
  clang-19 libfuzzer-19-dev libclang-rt-19-dev
  # benchmarks (bench/run.sh): an HTTP load generator
  wrk
  # /usr/bin/time -v: peak RSS of the member import benchmark
  time
  # PostgreSQL 15 server binaries for the integration tests' throwaway cluster
  postgresql-15 postgresql-client-15
  # browser tests: Debian's chromium, and CJK fonts so Chinese is not drawn as boxes
  chromium fonts-noto-cjk
  # browser tests: LibreOffice Calc (headless) makes the XLSX rosters the member import test uploads
  libreoffice-calc-nogui
  # process tools used by the scripts (curl for readiness checks, procps for ps)
  curl procps ca-certificates
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# Node.js and npm: the image may ship a newer Node (NodeSource) whose npm conflicts with
# Debian's npm package, so install Debian's only where node is missing altogether.
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: Debian packages already installed"
fi

# Vite 8 and its plugins need Node >= 20.19.
node_version="$(node -p 'process.versions.node')"
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "install-deps: Node.js $node_version is too old: the web front end needs Node >= 20.19." >&2
  echo "install-deps: install a newer nodejs (e.g. from bookworm-backports or NodeSource) and run again." >&2
  exit 1
fi

# Front-end packages, exactly as locked. Skipped when node_modules matches the lock file.
cd "$root/web"
stamp="node_modules/.zhijia-lock-hash"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "install-deps: installing npm packages for web/"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
else
  echo "install-deps: npm packages already installed"
fi
