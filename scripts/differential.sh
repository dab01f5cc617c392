#!/usr/bin/env bash
# Differential testing against a reference binary of kube-apiserver's load path (a development
# tool; no normal test needs it). Generates and mutates files with a fixed seed and prints every
# disagreement with enccfg-core as a ready test.
#   ENCCFG_ORACLE=/tmp/kube-encryption-oracle scripts/differential.sh [--cases N] [--seed S]
#       [--minor 30,37] [--reload off|on|both] [--jobs J] [--out DIR] [--show K] [--first I]
# Build the reference with `bash ../shared/oracle/build.sh`. Exit 0 when nothing disagrees.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ENCCFG_ORACLE:-}" ]; then
  echo "set ENCCFG_ORACLE to the reference binary (bash ../shared/oracle/build.sh builds one)" >&2
  exit 2
fi
cargo build --quiet --release -p enccfg-differential
exec target/release/enccfg-differential "$@"
