#!/usr/bin/env bash
# Builds the release dist/, prints raw/gzip/brotli sizes of every file, and fails when what a
# first visit downloads exceeds the brotli budget in budget.json.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/build.sh
python3 scripts/budget.py dist budget.json
