#!/usr/bin/env bash
# Where the page's WebAssembly bytes go, for size work (a development tool; no test needs it).
# Builds the release dist/ when it is missing, optimises the same wasm the way the page does but
# keeps function names, and prints twiggy's largest items and monomorphised generics.
#   bash scripts/bundle-top.sh [N]        N rows of each table (default 25)
# twiggy is installed into ~/.cargo/bin on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
rows=${1:-25}
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
[ -d dist ] || bash scripts/build.sh
wasm=target/wasm32-unknown-unknown/release/enccfg-playground.wasm
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --keep-debug --no-typescript --out-dir "$work" "$wasm"
# The page's wasm-opt flags (scripts/optimize-wasm.py, without its renaming), plus -g to keep the names.
read -ra flags <<<"$(python3 scripts/optimize-wasm.py --flags)"
wasm-opt "${flags[@]}" -g "$work/enccfg-playground_bg.wasm" -o "$work/named.wasm"
twiggy top -n "$rows" "$work/named.wasm"
echo
twiggy monos -m 3 -n "$rows" "$work/named.wasm"
