#!/usr/bin/env bash
# Builds the release dist/ and, with the same tools and profile, a blank Yew app
# (benchmarks/blank-yew); prints raw/gzip/brotli sizes of every file, the first visit as a
# multiple of the blank app's, and fails when what a first visit downloads exceeds the brotli
# budget in budget.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/build.sh
blank_dist="$PWD/target/blank-yew-dist"
# Both apps share target/wasm-bindgen/: without this the blank dist/ would also carry the
# playground's JS snippets (trunk copies that snippets directory whole).
rm -rf target/wasm-bindgen/release/snippets "$blank_dist"
(cd benchmarks/blank-yew && trunk build --release --skip-version-check --dist "$blank_dist")
blank_wasm=("$blank_dist"/blank-yew-*_bg.wasm)
python3 scripts/optimize-wasm.py "${blank_wasm[0]}" "${blank_wasm[0]%_bg.wasm}.js" "$blank_dist/index.html"
python3 scripts/minify-js.py "$blank_dist" release blank-yew
python3 scripts/budget.py dist budget.json "$blank_dist"
