#!/usr/bin/env bash
# oyster-export (issue 7): export time per target for the default generated scene
# (oyster-generate --seed 1), median of EXPORT_RUNS (default 3) runs, and the
# package's triangles, draw calls, images and bytes before/after from its manifest.
#
# usage: Benchmarks/bench-export.sh [BIN_DIR]   (run.sh sets BIN, OUT, HERE, SHARED)
set -euo pipefail
HERE=${HERE:-$(cd "$(dirname "$0")" && pwd)}
BIN=${BIN:-$(cd "${1:-.build/release}" && pwd)}
OUT=${OUT:-$(pwd)/bench-out}
RUNS=${EXPORT_RUNS:-3}   # an export of the default world takes tens of seconds; 3 runs keep make bench bounded
DIR="$OUT/export"
mkdir -p "$DIR/world"
for tool in oyster-generate oyster-export; do
  [ -x "$BIN/$tool" ] || { echo "$tool not built in $BIN; skipped"; exit 0; }
done
[ -f "$DIR/world/scene.gltf" ] || "$BIN/oyster-generate" -q --seed 1 -o "$DIR/world/scene.gltf"
src_bytes=$(du -cb "$DIR"/world/* | tail -1 | cut -f1)
echo "input: default generated world (seed 1), $src_bytes bytes (.gltf + .bin + PNGs)"

for target in godot unity unreal blender web generic; do
  pkg="$DIR/$target"
  python3 "$HERE/timing.py" --runs "$RUNS" --warmup "${WARMUP:-0}" --label "oyster-export --target $target" --bytes "$src_bytes" -- \
    "$BIN/oyster-export" -q "$DIR/world/scene.gltf" --target "$target" -o "$pkg"
  python3 - "$pkg/manifest.json" "$src_bytes" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
b, a = m["statistics"]["before"], m["statistics"]["after"]
glb = sum(f["size"] for f in m["files"] if f["path"].endswith(".glb"))
total = sum(f["size"] for f in m["files"])
print(f"  {m['target']}: triangles {b['triangles']} -> {a['triangles']} (drawn at once {a['renderedTriangles']}), "
      f"draw calls {b['drawCalls']} -> {a['drawCalls']} (drawn at once {a['renderedDrawCalls']}), "
      f"images {b['images']} -> {a['images']}, texture memory {b['textureBytes']} -> {a['textureBytes']} B, "
      f"bytes {sys.argv[2]} -> glb {glb}, package {total}, atlas pages {m['atlas']['pages']}")
PY
done
