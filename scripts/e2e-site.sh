#!/usr/bin/env bash
# Serves the release dist/ under the sub-path /playground/ on 127.0.0.1:$1, as a docs site would.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8765}"
[ -f dist/index.html ] || { echo "e2e-site: dist/ is missing; run scripts/budget.sh (trunk build --release) first" >&2; exit 1; }
site=target/e2e-site
rm -rf "$site" && mkdir -p "$site"
ln -s "$PWD/dist" "$site/playground"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
