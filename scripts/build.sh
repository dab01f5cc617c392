#!/usr/bin/env bash
# Builds the release dist/ for static hosting (relative URLs: any sub-path works), then adds the
# Content-Security-Policy (scripts/csp.py hashes trunk's inline loader into it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# trunk copies wasm-bindgen's snippets directory whole, and wasm-bindgen never deletes a snippet
# an earlier build wrote there: an inline script the code no longer has would ship, be cached
# by the offline copy and be counted in the budget.
rm -rf target/wasm-bindgen/release/snippets
trunk build --release --skip-version-check
python3 scripts/csp.py dist/index.html
