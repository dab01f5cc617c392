#!/usr/bin/env bash
# Prints big-paste figures (scripts/big-paste.mjs: time to the verdict, to every ordering row,
# longest task) for the release dist/ served from a sub-path; builds dist/ first when it is missing.
set -euo pipefail
exec bash "$(dirname "$0")/browser-figures.sh" scripts/big-paste.mjs "${BIG_PASTE_PORT:-8797}"
