#!/usr/bin/env bash
# Prints keystroke-to-painted-diagnostics figures (scripts/keystroke-paint.mjs) for the release
# dist/ served from a sub-path; builds dist/ first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
port="${KEYSTROKE_PORT:-8799}"
[ -f dist/index.html ] || bash scripts/build.sh
bash scripts/e2e-site.sh "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/playground/" >/dev/null && break
  sleep 0.2
done
node scripts/keystroke-paint.mjs "$port"
