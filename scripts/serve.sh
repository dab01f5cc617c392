#!/usr/bin/env bash
# Sets everything up, then serves the playground at http://127.0.0.1:8080/ with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
mkdir -p target artifacts # trunk refuses watch-ignore paths that do not exist yet
printf '\n==> starting trunk serve: open http://127.0.0.1:8080/ (Ctrl+C stops it)\n'
exec trunk serve --skip-version-check --public-url / --dist target/serve-dist
