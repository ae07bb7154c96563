#!/usr/bin/env bash
# Khronos glTF-Validator conformance gate (issue 4).
# usage: bash scripts/test-conformance.sh <bin dir, e.g. .build/debug> <shared dir>
# Runs the shared scorer over the Khronos test assets with oyster-validate and fails when the
# number of exactly matching cases drops below the bar. Skips when shared/ or python3 is missing.
set -euo pipefail

BIN="${1:-.build/debug}"
SHARED="${2:-../shared}"
# Exact cases required out of the 221 in CASES.txt (we reach 221; the bar leaves a little room).
BAR="${CONFORMANCE_BAR:-215}"

SCORER="$SHARED/tools/khronos_conformance.py"
CASES_DIR="$SHARED/conformance/khronos-validator"
if ! command -v python3 >/dev/null 2>&1; then
    echo "conformance: python3 not found; skipped"
    exit 0
fi
if [ ! -f "$SCORER" ] || [ ! -d "$CASES_DIR" ]; then
    echo "conformance: $SHARED has no Khronos test assets; skipped"
    exit 0
fi
if [ ! -x "$BIN/oyster-validate" ]; then
    echo "conformance: $BIN/oyster-validate not built" >&2
    exit 1
fi

out="$(python3 "$SCORER" --validator "$BIN/oyster-validate --format json -q" "$CASES_DIR" ${VERBOSE:+--verbose})"
echo "$out"
summary="$(printf '%s\n' "$out" | grep '^conformance:' | tail -1)"
exact="$(printf '%s\n' "$summary" | sed -E 's/^conformance: ([0-9]+)\/.*/\1/')"
if [ -z "$exact" ] || [ "$exact" -lt "$BAR" ]; then
    echo "conformance: FAILED, ${exact:-0} exact cases is below the bar of $BAR" >&2
    exit 1
fi
echo "conformance: ok ($exact >= $BAR)"
