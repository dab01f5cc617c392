#!/usr/bin/env bash
# Serves the release dist/ from a sub-path (scripts/e2e-site.sh; builds dist/ first when it is
# missing) and runs a measuring script against it: node SCRIPT PORT. Used by keystroke-paint.sh
# and big-paste.sh.
#   scripts/browser-figures.sh SCRIPT PORT
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
script="$1"
port="$2"
[ -f dist/index.html ] || bash scripts/build.sh
bash scripts/e2e-site.sh "$port" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/playground/" >/dev/null && break
  sleep 0.2
done
node "$script" "$port"
