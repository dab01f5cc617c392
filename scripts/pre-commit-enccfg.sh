#!/usr/bin/env bash
# The `enccfg-check` hook of .pre-commit-hooks.yaml: builds enccfg from this repository (once;
# later runs reuse the build) and checks the files pre-commit passes. Extra `args:` from the
# hook's configuration come before the files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec cargo run --quiet --release --locked --manifest-path "$here/crates/enccfg-cli/Cargo.toml" \
  --bin enccfg -- check "$@"
