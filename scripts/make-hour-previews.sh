#!/usr/bin/env bash
# One village at dawn, noon, dusk and night, in Oyster and in Blender (issue 12, "light that
# reads as the hour"): writes docs/previews/hours.png, a strip with Oyster's frames on top and
# Blender 4.5 EEVEE's below, and prints each hour's light and mean frame colours.
#
# usage: scripts/make-hour-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds and single frames (default out/hours; not committed)
#
# Each hour is the prompt "a quiet valley village at HOUR" (the prompt picks the hour, the
# hour the sun, sky and lamps), seen from its establishing camera ("Camera") at 640x360 with
# the same exposure (0 EV: the hours' own brightness, no night boost) and tone mapping (Khronos
# PBR Neutral) in both renderers; Blender's world is the sky docs/previews/render.py builds
# from asset.extras.environment. Needs python3 with bpy==4.5.3 and Pillow; EEVEE takes
# 15-60 s a frame on 2 cores.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/hours}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "make-hour-previews: $tool not built in $BIN (swift build -c release)" >&2; exit 2; }
done
python3 -c "import bpy, PIL" 2>/dev/null || { echo "make-hour-previews: needs python3 with bpy==4.5.3 and pillow" >&2; exit 2; }

HOURS=(dawn noon dusk night)
for hour in "${HOURS[@]}"; do
  world="$WORK/$hour.glb"
  "$BIN/oyster-generate" -q "a quiet valley village at $hour" -o "$world"
  "$BIN/oyster-render" -q "$world" -o "$WORK/$hour-oyster.png" --camera Camera --size 640x360 --exposure 0
  python3 "$ROOT/docs/previews/render.py" "$world" "$WORK/$hour-eevee.png" camera 1 640 \
    --engine eevee --view-transform "Khronos PBR Neutral" --exposure 0 >"$WORK/$hour-eevee.log" 2>&1 \
    || { echo "make-hour-previews: Blender failed at $hour, see $WORK/$hour-eevee.log" >&2; exit 1; }
done
python3 "$ROOT/scripts/hour_strip.py" "$ROOT/docs/previews/hours.png" "$WORK" "${HOURS[@]}"
echo "make-hour-previews: wrote docs/previews/hours.png"
