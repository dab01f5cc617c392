#!/usr/bin/env bash
# Prints big-paste figures (scripts/big-paste.mjs: time to the verdict, to every ordering row,
# longest task) for the release dist/ served from a sub-path; builds dist/ first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
port="${BIG_PASTE_PORT:-8797}"
[ -f dist/index.html ] || bash scripts/build.sh
bash scripts/e2e-site.sh "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/playground/" >/dev/null && break
  sleep 0.2
done
node scripts/big-paste.mjs "$port"
