#!/usr/bin/env bash
# Volcanoes in pictures (issue 16): oyster-render stills of the issue's volcanic island from its
# establishing camera, by day and at night (where the lava glows and lights the smoke), side by
# side.
#
# usage: scripts/make-volcano-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/volcano-previews; not committed)
# Writes docs/previews/volcano.png (two 640 x 360 stills, the prompt under each).
# Needs python3 with Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/volcano-previews}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "make-volcano-previews: $tool not built in $BIN (swift build -c release)" >&2; exit 2; }
done
python3 -c "import PIL" 2>/dev/null || { echo "make-volcano-previews: needs python3 with pillow" >&2; exit 2; }

PROMPTS=(
  "a volcanic island with black sand beaches and a smoking crater"
  "a volcanic island with black sand beaches and a smoking crater at night"
)
shots=()
for i in "${!PROMPTS[@]}"; do
  "$BIN/oyster-generate" -q "${PROMPTS[$i]}" -o "$WORK/volcano$i.glb"
  "$BIN/oyster-render" -q "$WORK/volcano$i.glb" -o "$WORK/volcano$i.png" --size 640x360
  shots+=("$WORK/volcano$i.png" "${PROMPTS[$i]}")
done
python3 "$ROOT/scripts/contact_sheet.py" "$ROOT/docs/previews/volcano.png" "${shots[@]}"
echo "wrote docs/previews/volcano.png"
