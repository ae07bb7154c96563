#!/usr/bin/env bash
# Oyster and Blender EEVEE, side by side, for each docs/previews scene (issue 13).
#
# usage: scripts/make-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds and single frames (default out/previews; not committed)
#
# For each scene: generate the world with oyster-generate, render Oyster's frame with
# oyster-render and Blender 4.5 EEVEE's frame with docs/previews/render.py, both from the
# scene's camera ("Camera") at 640x360 with the same exposure and the same tone mapping
# (Khronos PBR Neutral, oyster-render's default; Blender's view transform set to match),
# then write docs/previews/compare-<scene>.png (left Oyster, right EEVEE) and print the
# figures of scripts/compare_previews.py (mean colours, 64x36 difference, correlation). Both
# draw the environment's sky and fog (render.py builds the sky as Blender's world and the
# height fog in the compositor).
#
# Needs python3 with bpy==4.5.3 and Pillow. EEVEE draws with OpenGL through EGL (Mesa's
# llvmpipe without a GPU); a frame takes 10-20 s on 2 cores, the snowy alpine world about
# 100 s, and the first run compiles shaders for longer (Mesa then keeps them in
# ~/.cache/mesa_shader_cache).
# EEVEE_SAMPLES (default 1, as in the issue's speed comparison) sets EEVEE's samples;
# oyster-render uses its still default (1 sample and FXAA since d4cc28c). Each further EEVEE
# sample of the snowy alpine world takes minutes here.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/previews}
SAMPLES=${EEVEE_SAMPLES:-1}
SIZE=640x360
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "make-previews: $tool not built in $BIN (swift build -c release)" >&2; exit 2; }
done
python3 -c "import bpy, PIL" 2>/dev/null || { echo "make-previews: needs python3 with bpy==4.5.3 and pillow" >&2; exit 2; }

# scene | exposure (EV, both renderers) | oyster-generate arguments
# The README's preview table: the default world, alpine dusk in snow, the tropical island
# at night (render.py's two stops for an outdoor night), a three-room dungeon.
SCENES=(
  "valley|0|"
  "alpine|0|--recipe $ROOT/Fixtures/recipes/alpine-dusk.json"
  "island|2|--recipe $ROOT/Fixtures/recipes/island-night.json"
  "dungeon|0|a dark dungeon with three rooms and torches"
)

for entry in "${SCENES[@]}"; do
  IFS='|' read -r name ev gen <<<"$entry"
  world="$WORK/$name.glb"
  if [[ $gen == --recipe* ]]; then
    "$BIN/oyster-generate" -q --recipe "${gen#--recipe }" -o "$world"
  elif [ -n "$gen" ]; then
    "$BIN/oyster-generate" -q "$gen" -o "$world"
  else
    "$BIN/oyster-generate" -q -o "$world"
  fi
  t0=$(date +%s.%N)
  "$BIN/oyster-render" -q "$world" -o "$WORK/$name-oyster.png" --camera Camera --size "$SIZE" --exposure "$ev"
  t1=$(date +%s.%N)
  python3 "$ROOT/docs/previews/render.py" "$world" "$WORK/$name-eevee.png" camera "$SAMPLES" "${SIZE%x*}" \
    --engine eevee --view-transform "Khronos PBR Neutral" --exposure "$ev" >"$WORK/$name-eevee.log" 2>&1 \
    || { echo "make-previews: Blender failed on $name, see $WORK/$name-eevee.log" >&2; exit 1; }
  t2=$(date +%s.%N)
  call=$(sed -n 's/^render call 1: \([0-9.]*\) s$/\1/p' "$WORK/$name-eevee.log")
  printf '%s: oyster-render %.2f s per process; Blender EEVEE %.1f s per process, %s s in its render call (EEVEE samples: %s)\n' \
    "$name" "$(awk "BEGIN {print $t1 - $t0}")" "$(awk "BEGIN {print $t2 - $t1}")" "$call" "$SAMPLES"
  python3 "$ROOT/scripts/compare_previews.py" "$ROOT/docs/previews/compare-$name.png" \
    "$WORK/$name-oyster.png" "$WORK/$name-eevee.png" --name "$name" \
    --left-label "Oyster" --right-label "Blender 4.5 EEVEE ($SAMPLES sample$([ "$SAMPLES" = 1 ] || echo s))"
done
echo "make-previews: wrote docs/previews/compare-{valley,alpine,island,dungeon}.png"
