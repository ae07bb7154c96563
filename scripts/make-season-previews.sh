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

# One village, one seed: only the season words differ, so the four pictures are one place.
PLACE="a village by a lake with an oak forest"
PROMPTS=(
  "$PLACE in spring"
  "$PLACE in summer"
  "$PLACE in autumn"
  "$PLACE in winter"
)
bash "$ROOT/scripts/prompt-sheet.sh" "$BIN" "$WORK" "$ROOT/docs/previews/seasons.png" 4 "${PROMPTS[@]}"
