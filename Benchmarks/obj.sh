#!/usr/bin/env bash
# OBJ -> GLB (issue 3): the 1,002,528-triangle OBJ from make_obj.py (8 materials, 8 PNGs)
# converted by oyster-convert, gltfpack (-noq: no quantization) and assimp, in the same run.
# Median of RUNS (default 5) runs each after one warm-up: wall time, peak RSS, and ratios
# against gltfpack. Goal: both ratios <= 1.0.
#
# usage: Benchmarks/obj.sh [BIN_DIR] [SHARED_DIR]   (run.sh passes BIN, SHARED, HERE, OUT)
set -euo pipefail
HERE=${HERE:-$(cd "$(dirname "$0")" && pwd)}
BIN=${BIN:-$(cd "${1:-.build/release}" && pwd)}
SHARED=${SHARED:-$(cd "${2:-../shared}" && pwd)}
OUT=${OUT:-$(pwd)/bench-out}
RUNS=${RUNS:-5}
DIR="$OUT/obj-1m"
mkdir -p "$DIR"
[ -f "$DIR/scene.obj" ] || python3 "$SHARED/tools/make_obj.py" "$DIR" 708 8 >/dev/null
size=$(stat -c %s "$DIR/scene.obj")
echo "input: $DIR/scene.obj ($((size / 1048576)) MiB, 1002528 triangles, 8 textures)"

T="python3 $HERE/timing.py --runs $RUNS --json --bytes $size"
results=()
cd "$DIR"   # gltfpack and assimp resolve the MTL and textures from the working folder

if "$BIN/oyster-convert" -q scene.obj "$DIR/oyster.glb" 2>/dev/null; then
  results+=("$($T --label "oyster-convert obj->glb" -- "$BIN/oyster-convert" -q scene.obj "$DIR/oyster.glb")")
else
  echo "oyster-convert cannot convert OBJ to GLB here (not built or not implemented); skipped"
fi
if command -v gltfpack >/dev/null; then
  results+=("$($T --label "gltfpack -noq" -- gltfpack -i scene.obj -o "$DIR/gltfpack.glb" -noq)")
else
  echo "gltfpack not installed; skipped"
fi
if command -v assimp >/dev/null; then
  results+=("$($T --label "assimp export" -- assimp export scene.obj "$DIR/assimp.glb")")
else
  echo "assimp not installed; skipped"
fi

printf '%s\n' "${results[@]}" > "$DIR/results.jsonl"
python3 - "$DIR/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ref = next((r for r in rows if r["label"].startswith("gltfpack")), None)
print("%-26s %9s %7s %9s %7s %10s %9s" % ("tool", "median s", "min s", "peak MiB", "MB/s", "time ratio", "mem ratio"))
for r in rows:
    tr = "%.2f" % (r["median_s"] / ref["median_s"]) if ref else "-"
    mr = "%.2f" % (r["peak_mib"] / ref["peak_mib"]) if ref else "-"
    print("%-26s %9.3f %7.3f %9.1f %7.1f %10s %9s" % (r["label"], r["median_s"], r["min_s"], r["peak_mib"], r["mb_per_s"], tr, mr))
print("(ratios against gltfpack -noq; <= 1.00 meets the goal)")
PY
if [ -f "$DIR/oyster.glb" ] && command -v python3 >/dev/null; then
  python3 - "$DIR/oyster.glb" <<'PY'
import json, struct, sys
data = open(sys.argv[1], "rb").read()
magic, version, length = struct.unpack_from("<III", data, 0)
jlen, _ = struct.unpack_from("<II", data, 12)
doc = json.loads(data[20:20 + jlen])
tris = sum(doc["accessors"][p["indices"]]["count"] // 3 for m in doc["meshes"] for p in m["primitives"])
embedded = sum(1 for i in doc.get("images", []) if "bufferView" in i)
print(f"oyster.glb: {tris} triangles, {embedded} embedded images, {length} bytes")
PY
fi
