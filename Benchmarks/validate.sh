#!/usr/bin/env bash
# Times oyster-validate (every data check on) over a GLB: throughput and peak memory.
# usage: bash Benchmarks/validate.sh [FILE.glb] [BIN_DIR]
#   FILE.glb  defaults to a generated 1M-triangle grid (Benchmarks/make_grid_glb.py)
#   BIN_DIR   defaults to .build/release
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
GLB="${1:-}"
BIN="${2:-.build/release}"
if [ -z "$GLB" ]; then
    GLB="${TMPDIR:-/tmp}/oyster-bench-grid1m.glb"
    [ -f "$GLB" ] || python3 "$here/make_grid_glb.py" "$GLB" 1000000
fi
[ -x "$BIN/oyster-validate" ] || { echo "bench: $BIN/oyster-validate not built (swift build -c release --product oyster-validate)" >&2; exit 2; }
size=$(stat -c %s "$GLB" 2>/dev/null || stat -f %z "$GLB")
echo "bench: $GLB ($size bytes)"
best=""
for run in 1 2 3 4 5; do
    line=$("$BIN/oyster-validate" -q --timing "$GLB" 2>&1 >/dev/null | grep 'validated' || true)
    echo "  run $run: ${line#oyster-validate: }"
done
if command -v /usr/bin/time >/dev/null 2>&1; then
    /usr/bin/time -f "  whole process: %e s wall, %M KB peak RSS" "$BIN/oyster-validate" -q "$GLB" >/dev/null
fi
