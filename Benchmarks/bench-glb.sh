#!/usr/bin/env bash
# GLB -> GLB through the scene model (issue 2): MB/s and peak memory, against gltfpack's
# own GLB -> GLB (-noq: no quantization) when installed.
set -euo pipefail
T="python3 $HERE/timing.py --runs 5"
OBJ="$OUT/obj-1m/scene.obj"
GLB="$OUT/bench-1m.glb"
[ -f "$OBJ" ] || python3 "$SHARED/tools/make_obj.py" "$OUT/obj-1m" 708 8 >/dev/null
[ -f "$GLB" ] || "$BIN/oyster-convert" -q "$OBJ" "$GLB"
size=$(stat -c %s "$GLB")
echo "input: $GLB ($((size / 1048576)) MiB)"
$T --label "oyster-convert glb->glb" --bytes "$size" -- "$BIN/oyster-convert" -q "$GLB" "$OUT/glb-roundtrip.glb"
if command -v gltfpack >/dev/null; then
  $T --label "gltfpack -noq glb->glb" --bytes "$size" -- gltfpack -noq -i "$GLB" -o "$OUT/glb-gltfpack.glb"
fi
