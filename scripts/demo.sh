#!/usr/bin/env bash
# make demo: run the main job that exists so far on the default input, print where outputs are.
set -euo pipefail
BIN=${1:-.build/release}
OUT=${2:-demo-out}
mkdir -p "$OUT"
"$BIN/oyster-convert" Fixtures/blender/rich.glb "$OUT/rich.gltf"
echo "demo: wrote $(pwd)/$OUT/rich.gltf (with its .bin and textures beside it)"
