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

# One village, one seed: only the style words differ, so the pictures are one place.
PROMPTS=(
  "a medieval village"
  "a rustic village"
  "a nordic village"
  "a mediterranean village"
  "a nordic town"
  "a mediterranean town"
)
bash "$ROOT/scripts/prompt-sheet.sh" "$BIN" "$WORK" "$ROOT/docs/previews/styles.png" 2 "${PROMPTS[@]}"
