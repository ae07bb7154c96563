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

PROMPTS=(
  "a volcanic island with black sand beaches and a smoking crater"
  "a volcanic island with black sand beaches and a smoking crater at night"
)
bash "$ROOT/scripts/prompt-sheet.sh" "$BIN" "$WORK" "$ROOT/docs/previews/volcano.png" - "${PROMPTS[@]}"
