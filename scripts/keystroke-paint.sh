#!/usr/bin/env bash
# Prints keystroke-to-painted-diagnostics figures (scripts/keystroke-paint.mjs) for the release
# dist/ served from a sub-path; builds dist/ first when it is missing.
set -euo pipefail
exec bash "$(dirname "$0")/browser-figures.sh" scripts/keystroke-paint.mjs "${KEYSTROKE_PORT:-8799}"
