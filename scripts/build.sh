#!/usr/bin/env bash
# Builds the release dist/ for static hosting (relative URLs: any sub-path works), then adds the
# Content-Security-Policy (scripts/csp.py hashes trunk's inline loader into it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --skip-version-check
python3 scripts/csp.py dist/index.html
