#!/usr/bin/env bash
# Real-client checks (run by `make test` after the Swift suite). Each check skips cleanly when
# its client is not installed; a client that is installed and disagrees fails the run.
# usage: scripts/test-clients.sh BIN_DIR [SHARED_DIR]
set -uo pipefail
BIN=$(cd "${1:-.build/debug}" && pwd)
SHARED=${2:-../shared}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/oyster-clients.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
status=0
have_py() { python3 -c "import $1" >/dev/null 2>&1; }

echo "clients: Khronos assets -> GLB -> pygltflib"
if [ -d "$SHARED/conformance/khronos-validator" ]; then
  python3 "$ROOT/scripts/clients/khronos_pygltflib.py" "$BIN/oyster-convert" "$SHARED/conformance/khronos-validator"
  rc=$?; [ $rc = 0 ] || [ $rc = 77 ] || status=1
else
  echo "  skipped: no shared conformance folder"
fi

echo "clients: Blender asset .glb -> .gltf (separate files) -> .glb, counts in every client"
"$BIN/oyster-convert" -q "$ROOT/Fixtures/blender/rich.glb" "$WORK/sep/rich.gltf" &&
  "$BIN/oyster-convert" -q "$WORK/sep/rich.gltf" "$WORK/rich.glb" || status=1
python3 "$ROOT/scripts/clients/compare.py" "$ROOT/Fixtures/blender/rich.glb" "$WORK/rich.glb" 2>/dev/null || status=1

echo "clients: generated worlds (outdoor and indoor) against the scene rule in every client"
python3 "$ROOT/scripts/clients/check_world.py" "$BIN" "$WORK/worlds" 3 \
  "a quiet fishing hamlet on a rocky coast at dawn" "a dark crypt with five rooms, candles and treasure" || status=1

echo "clients: characters (every role, every animal) keep skins, joint names and clips through every target; Blender's walks keep planted feet still"
python3 "$ROOT/scripts/clients/characters.py" "$BIN" "$WORK/characters" || status=1

echo "clients: a frozen lake gets a collider in every engine package, open water none"
python3 "$ROOT/scripts/clients/export_colliders.py" "$BIN" "$WORK/colliders" || status=1

echo "clients: a 3 x 3 block of chunks round a village (roads, river) in Blender shares its borders exactly"
python3 "$ROOT/scripts/clients/chunk_seams.py" "$BIN/oyster-generate" "$WORK/chunks" --prompt "a village by a river" --seed 5 --block 3 --origin=-1,-1 2>/dev/null | grep '^{'
rc=${PIPESTATUS[0]}
if [ $rc = 77 ]; then echo "  skipped: Blender (bpy) not installed"; elif [ $rc != 0 ]; then status=1; fi

echo "clients: oyster-render videos play in headless Chromium (WebM; MP4 where the build has H.264)"
for ext in webm mp4; do
  "$BIN/oyster-render" "$ROOT/Fixtures/blender/rich.glb" --turntable 2 --fps 24 --size 320x180 -q -o "$WORK/video/spin.$ext" || status=1
done
command -v ffprobe >/dev/null || echo "  skipped: ffprobe (Debian ffmpeg) not installed"
for ext in webm mp4; do
  command -v ffprobe >/dev/null || break
  # codec, size, frames and duration as ffprobe reads them: what was asked for
  probe=$(ffprobe -v error -select_streams v:0 -count_frames -show_entries stream=codec_name,width,height,nb_read_frames \
    -show_entries format=duration -of compact=p=0:nk=1 "$WORK/video/spin.$ext" 2>&1 | tr '\n' ' ')
  echo "  ffprobe spin.$ext: $probe"
  case "$ext:$probe" in
    "webm:vp9|320|180|48 2.000000 "|"mp4:h264|320|180|48 2.000000 ") ;;
    *) echo "  FAILED: expected $([ $ext = webm ] && echo vp9 || echo h264)|320|180|48 2.000000"; status=1 ;;
  esac
done
python3 "$ROOT/scripts/clients/video_plays.py" --size 320x180 --frames 48 "$WORK/video/spin.webm" "$WORK/video/spin.mp4" >/dev/null
rc=$?
if [ $rc = 77 ]; then echo "  skipped: chromium, chromium-driver or selenium not installed"; elif [ $rc != 0 ]; then status=1; fi

echo "clients: oyster-play's page in headless Chromium: frames arrive, holding W walks, Save returns the script, 'make it night' darkens the view, 'camera: orbit the tower' turns it, Export gives a valid zip with the tower"
python3 "$ROOT/scripts/clients/play_page.py" "$BIN/oyster-play" --size 160x90 --hold 4
rc=$?
if [ $rc = 77 ]; then echo "  skipped: chromium, chromium-driver or selenium not installed"; elif [ $rc != 0 ]; then status=1; fi

[ $status = 0 ] && echo "clients: all checks passed" || echo "clients: FAILED"
exit $status
