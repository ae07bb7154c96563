#!/usr/bin/env bash
# Seasons in pictures (issue 16): the same village in spring, summer, autumn and winter, each
# rendered by oyster-render from its establishing camera, on a 2 x 2 contact sheet.
#
# usage: scripts/make-season-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/season-previews; not committed)
# Writes docs/previews/seasons.png (the prompt under each picture). Needs python3 with Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/season-previews}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "make-season-previews: $tool not built in $BIN (swift build -c release)" >&2; exit 2; }
done
python3 -c "import PIL" 2>/dev/null || { echo "make-season-previews: needs python3 with pillow" >&2; exit 2; }

# One village, one seed: only the season words differ, so the four pictures are one place.
PLACE="a village by a lake with an oak forest"
PROMPTS=(
  "$PLACE in spring"
  "$PLACE in summer"
  "$PLACE in autumn"
  "$PLACE in winter"
)
shots=()
for i in "${!PROMPTS[@]}"; do
  "$BIN/oyster-generate" -q "${PROMPTS[$i]}" --seed 4 -o "$WORK/season$i.glb"
  "$BIN/oyster-render" -q "$WORK/season$i.glb" -o "$WORK/season$i.png" --size 640x360
  shots+=("$WORK/season$i.png" "${PROMPTS[$i]}")
done
python3 "$ROOT/scripts/contact_sheet.py" "$ROOT/docs/previews/seasons.png" "${shots[@]}"
echo "wrote docs/previews/seasons.png"
