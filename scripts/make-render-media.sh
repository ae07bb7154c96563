#!/usr/bin/env bash
# Makes the README's oyster-render still and clip from the default world:
#   docs/render/still.png      1280x720 from the scene's camera
#   docs/render/turntable.webm 8 s orbit, 640x360, VP9
#   docs/render/turntable.gif  the same orbit as a small GIF (400x225, 8 fps) for the README
# Usage: scripts/make-render-media.sh [BIN]   (BIN: folder with the tools, default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release}
OUT=docs/render
WORK=$(mktemp -d /tmp/oyster-media.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
"$BIN/oyster-generate" -q -o "$WORK/world.glb"
"$BIN/oyster-render" "$WORK/world.glb" --size 1280x720 -o "$OUT/still.png"
"$BIN/oyster-render" "$WORK/world.glb" --turntable 8 --fps 24 --size 640x360 -o "$OUT/turntable.webm"
ffmpeg -v error -y -i "$OUT/turntable.webm" \
  -vf "fps=8,scale=400:225:flags=lanczos,split[a][b];[a]palettegen=max_colors=96[p];[b][p]paletteuse=dither=bayer:bayer_scale=4" \
  -loop 0 "$OUT/turntable.gif"
ls -l "$OUT"
