#!/usr/bin/env bash
# Builds the release dist/ for static hosting (relative URLs: any sub-path works).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --skip-version-check
