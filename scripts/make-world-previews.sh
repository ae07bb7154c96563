#!/usr/bin/env bash
# The unbounded world in pictures (issue 12): Blender renders of the default scene and of a
# 3 x 3 block of chunks of a village world, and oyster-render stills of five prompts of our own,
# each from its establishing camera with land to the horizon.
#
# usage: scripts/make-world-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/world-previews; not committed)
# Writes docs/previews/{valley,alpine,island,dungeon}.png (Blender Cycles, each scene from its
# camera; the default scene, the alpine-dusk and island-night fixture recipes, a dungeon),
# docs/previews/chunks.png (Blender Cycles, tiles -1..1 x -1..1 of "a village by a river with
# a windmill", seed 7, imported tile by tile; the script also checks every shared border) and
# docs/previews/prompts.png (oyster-render, 2 x 3 grid, the prompt under each picture).
# Needs python3 with bpy==4.5.3 and Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/world-previews}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "make-world-previews: $tool not built in $BIN (swift build -c release)" >&2; exit 2; }
done
python3 -c "import bpy, PIL" 2>/dev/null || { echo "make-world-previews: needs python3 with bpy==4.5.3 and pillow" >&2; exit 2; }

# The README's preview table: Blender Cycles, 12 samples, 512 wide, each from its own camera.
for entry in "valley|" "alpine|--recipe $ROOT/Fixtures/recipes/alpine-dusk.json" "island|--recipe $ROOT/Fixtures/recipes/island-night.json" \
             "dungeon|a dark dungeon with three rooms and torches"; do
  IFS='|' read -r name gen <<<"$entry"
  if [[ $gen == --recipe* ]]; then "$BIN/oyster-generate" -q --recipe "${gen#--recipe }" -o "$WORK/$name.glb"
  elif [ -n "$gen" ]; then "$BIN/oyster-generate" -q "$gen" -o "$WORK/$name.glb"
  else "$BIN/oyster-generate" -q -o "$WORK/$name.glb"; fi
  python3 "$ROOT/docs/previews/render.py" "$WORK/$name.glb" "$ROOT/docs/previews/$name.png" camera 12 512 >"$WORK/$name.log" 2>&1
  echo "wrote docs/previews/$name.png"
done

python3 "$ROOT/scripts/clients/chunk_seams.py" "$BIN/oyster-generate" "$WORK/chunks" --prompt "a village by a river with a windmill" \
  --seed 7 --block 3 --origin=-1,-1 --render "$ROOT/docs/previews/chunks.png" --samples 12 2>/dev/null | grep '^{'
echo "wrote docs/previews/chunks.png"

PROMPTS=(
  "a fishing village on a rocky coast with a lighthouse"
  "a castle on a hill above a river valley"
  "pine forest around a frozen lake in the mountains"
  "a desert oasis with ruins"
  "a windmill and a village among meadows at dusk"
  "tropical island with a pier"
)
shots=()
for i in "${!PROMPTS[@]}"; do
  "$BIN/oyster-generate" -q "${PROMPTS[$i]}" -o "$WORK/prompt$i.glb"
  "$BIN/oyster-render" -q "$WORK/prompt$i.glb" -o "$WORK/prompt$i.png" --size 640x360
  shots+=("$WORK/prompt$i.png" "${PROMPTS[$i]}")
done
python3 "$ROOT/scripts/contact_sheet.py" "$ROOT/docs/previews/prompts.png" "${shots[@]}"
echo "wrote docs/previews/prompts.png"
