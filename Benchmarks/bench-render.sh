#!/usr/bin/env bash
# oyster-render (issue 13, first slice): a still of the default generated world from its
# camera, per process from start-up (scene read, GL context, texture upload, draw, PNG),
# medians at 640x360 and 1280x720. Goal for a still's first frame: <= 1.5 s.
set -euo pipefail
HERE=${HERE:-$(cd "$(dirname "$0")" && pwd)}
BIN=${BIN:-$(cd "${1:-.build/release}" && pwd)}
OUT=${OUT:-$(pwd)/bench-out}
DIR="$OUT/render"
mkdir -p "$DIR/world"
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "$tool not built in $BIN; skipped"; exit 0; }
done
[ -f "$DIR/world/scene.gltf" ] || "$BIN/oyster-generate" -q --seed 1 -o "$DIR/world/scene.gltf"
if ! "$BIN/oyster-render" -q "$DIR/world/scene.gltf" -o "$DIR/probe.png" --size 16x16 2>"$DIR/probe.err"; then
  echo "render: skipped ($(head -1 "$DIR/probe.err"))"
  exit 0
fi
for size in 640x360 1280x720; do
  python3 "$HERE/timing.py" --runs 5 --label "oyster-render default world $size (process)" -- \
    "$BIN/oyster-render" -q "$DIR/world/scene.gltf" -o "$DIR/still-$size.png" --size "$size"
done
