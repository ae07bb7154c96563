#!/usr/bin/env bash
# Makes the README's pictures of people (issue 15), with oyster-generate and oyster-render:
#   docs/previews/characters.png          every role in a row ("a village" --seed 3), idle, 1280x480
#   docs/previews/characters-walk.png     the same lineup walking, seen from the side, 960x400
#   docs/previews/characters-village.png  "a busy village with three knights" --seed 4 round its
#                                         well, 2 s into its clips and routes, 960x480
# Usage: scripts/make-character-previews.sh [BIN]   (BIN: folder with the tools, default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release}
OUT=docs/previews
WORK=$(mktemp -d /tmp/oyster-people.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$WORK/idle" "$WORK/walk"
"$BIN/oyster-generate" -q "a village" --seed 3 --characters all -o "$WORK/people.glb"
# A still plays every clip at once: the idle and walk pictures are frames of one clip each.
"$BIN/oyster-render" -q "$WORK/people.glb" --animation idle --fps 1 --size 1280x480 -o "$WORK/idle/%03d.png"
cp "$WORK/idle/000.png" "$OUT/characters.png"
"$BIN/oyster-render" -q "$WORK/people.glb" --animation walk --fps 8 --size 960x400 \
  --from 6.8,1.5,1.7 --at 1.2,0.95,0 -o "$WORK/walk/%03d.png"
cp "$WORK/walk/003.png" "$OUT/characters-walk.png"
# The home well of this world stands at about (4.4, 21.1, -33.7).
"$BIN/oyster-generate" -q "a busy village with three knights" --seed 4 -o "$WORK/village.glb"
"$BIN/oyster-render" -q "$WORK/village.glb" --time 2 --from 9,29,-17 --at 3,21.5,-36 --size 960x480 -o "$OUT/characters-village.png"
ls -l "$OUT"/characters*.png
