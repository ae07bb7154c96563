#!/usr/bin/env bash
# Validation of the 1M-triangle GLB with every data check (issue 4): MB/s and peak memory.
set -euo pipefail
GLB="$OUT/bench-1m.glb"
[ -f "$GLB" ] || { [ -f "$OUT/bench-1m.obj" ] || python3 "$SHARED/tools/make_obj.py" "$OUT/bench-1m.obj" 708 8 >/dev/null; "$BIN/oyster-convert" -q "$OUT/bench-1m.obj" "$GLB"; }
size=$(stat -c %s "$GLB")
echo "input: $GLB ($((size / 1048576)) MiB)"
python3 "$HERE/timing.py" --runs 7 --label "oyster-validate (all data checks)" --bytes "$size" -- "$BIN/oyster-validate" -q "$GLB"
# The tool's own timer excludes process start-up; the median of its reports:
bash "$HERE/validate.sh" "$GLB" "$BIN" | tail -2
