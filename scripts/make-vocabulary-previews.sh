#!/usr/bin/env bash
# Ten prompts in words the lexicon does not have (issue 16): each is read through the
# nearest-meaning table ("archipelago" → isle, "nightfall" → dusk, "stronghold" → castle,
# "downpour" → rain…), generated with seed 3 and rendered by oyster-render from its
# establishing camera, the prompt under its picture. The script prints each prompt's reading
# (oyster-generate's one-line summary), so the sheet can be checked against what was understood.
#
# usage: scripts/make-vocabulary-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/vocabulary-previews; not committed)
# Writes docs/previews/vocabulary.png. Needs python3 with Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/vocabulary-previews}

PROMPTS=(
  "an archipelago at nightfall"
  "a citadel on a crag in a blizzard"
  "a frostbitten stronghold"
  "a tranquil lagoon at sundown"
  "a riverside mill in the downpour"
  "a boggy fen at eventide"
  "a caldera isle with obsidian shores"
  "a snowbound hamlet among the fjords"
  "an autumnal glen with a mill"
  "a bustling bazaar town"
)
mkdir -p "$WORK"
for prompt in "${PROMPTS[@]}"; do
  printf '%s: ' "$prompt"
  "$BIN/oyster-generate" "$prompt" --seed 3 -o "$WORK/reading.glb" 2>&1 | sed -n 's/^oyster-generate: understood: //p'
done
bash "$ROOT/scripts/prompt-sheet.sh" "$BIN" "$WORK" "$ROOT/docs/previews/vocabulary.png" 3 "${PROMPTS[@]}"
