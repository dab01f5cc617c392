#!/usr/bin/env bash
# Checks the README's first command end to end: `trunk serve` (as scripts/serve.sh runs it)
# starts, builds, and serves the page and its wasm on 127.0.0.1. Stops the server afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mkdir -p target artifacts
port="${SERVE_SMOKE_PORT:-8089}"
log=target/serve-smoke.log
trunk serve --skip-version-check --public-url / --dist target/serve-dist --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "serve-smoke: trunk serve exited early:"; cat "$log"; exit 1
  fi
  if page=$(curl -fsS "http://127.0.0.1:$port/" 2>/dev/null) && grep -q '_bg.wasm' <<<"$page"; then
    wasm=$(grep -o "[A-Za-z0-9_./-]*_bg\.wasm" <<<"$page" | head -1)
    wasm=${wasm#./}
    wasm=${wasm#/}
    curl -fsS -o /dev/null "http://127.0.0.1:$port/$wasm"
    echo "serve-smoke: trunk serve answers on http://127.0.0.1:$port/ with the page and $wasm"
    exit 0
  fi
  sleep 2
done
echo "serve-smoke: no page after 240 s:"; cat "$log"; exit 1
