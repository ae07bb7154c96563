#!/usr/bin/env bash
# Makes the README's screenshot of oyster-play: the page in headless Chromium (through
# scripts/clients/play_page.py) on "a village" --seed 1 at 640x360, after walking a few
# seconds and the Direct commands the client check types (make it night, add a tower here,
# camera: orbit the tower), with the HUD, the replies and the Save and Export buttons:
#   docs/play/page.png
# Usage: scripts/make-play-screenshot.sh [BIN]   (BIN: folder with the tools, default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release}
mkdir -p docs/play
python3 scripts/clients/play_page.py "$BIN/oyster-play" --prompt "a village" --seed 1 --size 640x360 --hold 4 \
  --no-export --direct-screenshot docs/play/page.png >/dev/null
ls -l docs/play/page.png
