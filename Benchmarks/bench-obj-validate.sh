#!/usr/bin/env bash
# OBJ validation (issue 11): oyster-validate of the 1,002,528-triangle OBJ from make_obj.py
# (the OBJ reader's validation mode: same parser, nothing built) against oyster-convert of
# the same file to GLB. Medians of RUNS (default 5) runs after one warm-up, and the ratio.
# Goal: validating is no slower than converting.
#
# usage: Benchmarks/bench-obj-validate.sh [BIN_DIR] [SHARED_DIR]   (run.sh sets BIN, SHARED, HERE, OUT)
set -euo pipefail
HERE=${HERE:-$(cd "$(dirname "$0")" && pwd)}
BIN=${BIN:-$(cd "${1:-.build/release}" && pwd)}
SHARED=${SHARED:-$(cd "${2:-../shared}" && pwd)}
OUT=${OUT:-$(pwd)/bench-out}
RUNS=${RUNS:-5}
DIR="$OUT/obj-1m"   # shared with bench-obj.sh: generated once
mkdir -p "$DIR"
for tool in oyster-validate oyster-convert; do
  [ -x "$BIN/$tool" ] || { echo "$tool not built in $BIN; skipped"; exit 0; }
done
[ -f "$DIR/scene.obj" ] || python3 "$SHARED/tools/make_obj.py" "$DIR" 708 8 >/dev/null
size=$(stat -c %s "$DIR/scene.obj")
echo "input: $DIR/scene.obj ($((size / 1048576)) MiB, 1002528 triangles, 8 textures)"

T="python3 $HERE/timing.py --runs $RUNS --json --bytes $size"
validate=$($T --label "oyster-validate obj" -- "$BIN/oyster-validate" -q "$DIR/scene.obj")
convert=$($T --label "oyster-convert obj->glb" -- "$BIN/oyster-convert" -q "$DIR/scene.obj" "$DIR/validate-compare.glb")
python3 - "$validate" "$convert" <<'PY'
import json, sys
v, c = (json.loads(a) for a in sys.argv[1:3])
for r in (v, c):
    print(f"{r['label']}: median {r['median_s']:.3f} s (min {r['min_s']:.3f}, max {r['max_s']:.3f}), "
          f"peak {r['peak_mib']:.1f} MiB, {r['mb_per_s']:.1f} MB/s")
print(f"validate / convert: time {v['median_s'] / c['median_s']:.2f}, memory {v['peak_mib'] / c['peak_mib']:.2f}")
PY
