#!/usr/bin/env bash
# make demo: generate the default world, export it as a drop-in package, render a still,
# validate every file, and print where everything is.
set -euo pipefail
BIN=${1:-.build/release}
OUT=${2:-demo-out}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

echo "demo: generating the default world (a temperate valley: lake, river, forest, village, road)"
"$BIN/oyster-generate" --seed 1 -o "$OUT/world/world.gltf"

echo "demo: exporting it for Godot (GLB with colliders and LODs, atlas pages, manifest; add OBJ by dropping --no-obj)"
"$BIN/oyster-export" "$OUT/world/world.gltf" --target godot --no-obj -o "$OUT/godot"

echo "demo: rendering a still of the master scene from its camera (headless OpenGL)"
"$BIN/oyster-render" "$OUT/world/world.gltf" -o "$OUT/preview.png" --size 1280x720

echo "demo: validating the master scene and the package"
"$BIN/oyster-validate" "$OUT/world/world.gltf" "$OUT/godot"

echo
echo "demo: master scene   $OUT/world/world.gltf (+ .bin and PNG textures beside it)"
echo "demo: Godot package  $OUT/godot/ (open the .glb in Godot, Blender, three.js; manifest.json lists every file; preview.png)"
echo "demo: still          $OUT/preview.png"
