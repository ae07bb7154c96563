#!/usr/bin/env bash
# Building styles in pictures (issue 16): the same village in four styles and a nordic and a
# mediterranean town, each rendered by oyster-render from its establishing camera, on a
# 2 x 3 contact sheet.
#
# usage: scripts/make-style-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/style-previews; not committed)
# Writes docs/previews/styles.png (the prompt under each picture). Needs python3 with Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/style-previews}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "make-style-previews: $tool not built in $BIN (swift build -c release)" >&2; exit 2; }
done
python3 -c "import PIL" 2>/dev/null || { echo "make-style-previews: needs python3 with pillow" >&2; exit 2; }

# One village, one seed: only the style words differ, so the pictures are one place.
PROMPTS=(
  "a medieval village"
  "a rustic village"
  "a nordic village"
  "a mediterranean village"
  "a nordic town"
  "a mediterranean town"
)
shots=()
for i in "${!PROMPTS[@]}"; do
  "$BIN/oyster-generate" -q "${PROMPTS[$i]}" --seed 2 -o "$WORK/style$i.glb"
  "$BIN/oyster-render" -q "$WORK/style$i.glb" -o "$WORK/style$i.png" --size 640x360
  shots+=("$WORK/style$i.png" "${PROMPTS[$i]}")
done
python3 "$ROOT/scripts/contact_sheet.py" "$ROOT/docs/previews/styles.png" "${shots[@]}"
echo "wrote docs/previews/styles.png"
