#!/usr/bin/env bash
# Sets everything up, then runs every check: format, clippy, host tests, wasm tests in headless
# Chromium, the core's dependency rule, the release build with its size budget, and Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n==> %s (at %ss)\n' "$*" "$((SECONDS - started))"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings (host, wasm32, and the page as index.html builds it)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --workspace --exclude enccfg-cli --exclude enccfg-differential --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p enccfg-playground --features lazy-engine --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "core dependency rule"
bash scripts/check-core-deps.sh

step "host tests"
cargo test --workspace

step "wasm tests (core in Node, app in headless Chromium)"
cargo test --workspace --exclude enccfg-cli --exclude enccfg-differential --target wasm32-unknown-unknown

step "release build and size budget"
bash scripts/budget.sh

step "Playwright e2e against dist/ on a sub-path"
npx playwright test

step "the playground command: trunk serve answers"
bash scripts/serve-smoke.sh

step "all checks passed in $((SECONDS - started))s"
