#!/usr/bin/env bash
# The core crate must stay free of web dependencies (ARCHITECTURE.md, invariants).
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree -p enccfg-core -e normal --prefix none --target all)
bad=$(grep -E '^(yew|web-sys|js-sys|wasm-bindgen|gloo)[- ]' <<<"$tree" || true)
if [ -n "$bad" ]; then
  echo "enccfg-core depends on web crates:"; echo "$bad"; exit 1
fi
echo "enccfg-core dependencies are web-free ($(wc -l <<<"$tree") crates checked)"
