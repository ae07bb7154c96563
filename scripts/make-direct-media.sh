#!/usr/bin/env bash
# Makes the README's picture of an action script changing a world as it plays
# (Fixtures/actions/direct.json over "a quiet valley village": a tower spawned ahead, the
# hour run to dusk and on to night, snow coming in, an oak spawned on the way):
#   docs/render/direct.png   four moments (0, 4, 7 and 9.5 s) side by side, 2x2 at 320x180
#   docs/render/direct.webm  the whole walk, 640x360, 24 fps, VP9
# Usage: scripts/make-direct-media.sh [BIN]   (BIN: folder with the tools, default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release}
OUT=docs/render
WORK=$(mktemp -d /tmp/oyster-direct.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
WORLD=(--world "a quiet valley village" --seed 3 --actions Fixtures/actions/direct.json)
"$BIN/oyster-render" "${WORLD[@]}" --fps 2 --size 320x180 -o "$WORK/frames/%03d.png"
for i in 000 008 014 019; do cp "$WORK/frames/$i.png" "$WORK/pick_$i.png"; done
ffmpeg -v error -y -pattern_type glob -i "$WORK/pick_*.png" -vf "tile=2x2" -frames:v 1 "$OUT/direct.png"
"$BIN/oyster-render" "${WORLD[@]}" --fps 24 --size 640x360 --stats -o "$OUT/direct.webm"
ls -l "$OUT/direct.png" "$OUT/direct.webm"
