#!/usr/bin/env bash
# Makes the README's pictures of people (issue 15), with oyster-generate and oyster-render:
#   docs/previews/characters.png          every role in a row ("a village" --seed 3), idle, 1280x480
#   docs/previews/characters-walk.png     the same lineup walking, seen from the side, 960x400
#   docs/previews/characters-village.png  "a busy village with three knights" --seed 4 round its
#                                         well, 2 s into its clips and routes, 960x480
#   docs/previews/animals.png             every animal in a row ("a village" --seed 3), idle, 1280x480
#   docs/previews/animals-walk.png        a horse walking (one clip plays per picture), from the side, 960x400
#   docs/previews/animals-herd.png        "a village with a herd of horses and sheep" --seed 4: the
#                                         sheep grazing on their meadow, 3 s in, 960x480
#   docs/previews/birds.png               every bird and fish in a row ("a village" --seed 3), the crow
#                                         flapping (crow-fly), from above, 1280x480
#   docs/previews/birds-flock.png         "a flock of crows over a forest by a lake with fish in the lake"
#                                         --seed 4: the flock circling over the woods, 3 s in, 960x480
#   docs/previews/birds-flight.png        the same world: one crow banking round its loop, from 3 m, 960x480
#   docs/previews/fish-lake.png           the same world: its trout seen through the lake's surface, 1 s in, 960x480
# Usage: scripts/make-character-previews.sh [BIN] [birds]   (BIN: folder with the tools, default
# .build/release; "birds": only the bird and fish pictures)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release}
OUT=docs/previews
WORK=$(mktemp -d /tmp/oyster-people.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$WORK/idle" "$WORK/walk"
if [ "${2:-}" != birds ]; then
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
# Animals: the row (the horse idle, the rest at rest: one clip plays per picture), a horse
# walking, and a herd in its world, framed from the file.
"$BIN/oyster-generate" -q "a village" --seed 3 --characters animals -o "$WORK/animals.glb"
mkdir -p "$WORK/aidle" "$WORK/awalk"
"$BIN/oyster-render" -q "$WORK/animals.glb" --animation horse-idle --fps 1 --size 1280x480 \
  --from 2.5,1.9,7.2 --at 0,0.75,0 -o "$WORK/aidle/%03d.png"
cp "$WORK/aidle/000.png" "$OUT/animals.png"
"$BIN/oyster-generate" -q "a village" --seed 3 --characters horse -o "$WORK/horse.glb"
"$BIN/oyster-render" -q "$WORK/horse.glb" --animation horse-walk --fps 8 --size 960x400 \
  --from 4.6,1.3,0.6 --at 0,0.85,0.35 -o "$WORK/awalk/%03d.png"
cp "$WORK/awalk/003.png" "$OUT/animals-walk.png"
"$BIN/oyster-generate" -q "a village with a herd of horses and sheep" --seed 4 -o "$WORK/herd.glb"
# The sheep's middle, from their rig nodes, and a camera 14 m off to the south-west, 6 m up.
read -r FROM AT < <(python3 - "$WORK/herd.glb" <<'PY'
import json, struct, sys
data = open(sys.argv[1], "rb").read()
g = json.loads(data[20:20 + struct.unpack("<I", data[12:16])[0]])
pts = [n["translation"] for n in g["nodes"] if n.get("name", "").startswith("Sheep_") and n["name"].endswith("Rig")]
x, y, z = (sum(p[i] for p in pts) / len(pts) for i in range(3))
print(f"{x - 10:.2f},{y + 6:.2f},{z - 10:.2f} {x:.2f},{y + 0.4:.2f},{z:.2f}")
PY
)
"$BIN/oyster-render" -q "$WORK/herd.glb" --time 3 --from "$FROM" --at "$AT" --size 960x480 -o "$OUT/animals-herd.png"
fi
# Birds and fish: the row with the crow mid-beat (one clip plays per picture: the others rest,
# wings spread), then a flock in its world, framed from the file.
"$BIN/oyster-generate" -q "a village" --seed 3 --characters birds,fish -o "$WORK/birds.glb"
mkdir -p "$WORK/bfly"
"$BIN/oyster-render" -q "$WORK/birds.glb" --animation crow-fly --fps 16 --size 1280x480 \
  --from=0.6,1.5,2.6 --at=0.2,0.3,0 -o "$WORK/bfly/%03d.png"
cp "$WORK/bfly/001.png" "$OUT/birds.png"
"$BIN/oyster-generate" -q "a flock of crows over a forest by a lake with fish in the lake" --seed 4 -o "$WORK/flock.glb"
# The flock's middle (its rigs at time 0) seen from 65 m off and 20 m below, over the trees;
# and the first crow from 3 m behind and above its right wing.
# And the trout's middle from 5 m off and 3 m above, looking down through the surface.
read -r FROM AT NEAR BIRD ABOVE FISH < <(python3 - "$WORK/flock.glb" <<'PY'
import json, struct, sys
data = open(sys.argv[1], "rb").read()
g = json.loads(data[20:20 + struct.unpack("<I", data[12:16])[0]])
def rigs(prefix):
    return [n["translation"] for n in g["nodes"] if n.get("name", "").startswith(prefix) and n["name"].endswith("Rig")]
def middle(pts):
    return [sum(p[i] for p in pts) / len(pts) for i in range(3)]
pts = rigs("Crow_")
x, y, z = middle(pts)
a = pts[0]
fx, fy, fz = middle(rigs("Trout_"))
print(f"{x + 42:.2f},{y - 20:.2f},{z + 48:.2f} {x:.2f},{y - 5:.2f},{z:.2f} "
      f"{a[0] + 1.6:.2f},{a[1] + 0.8:.2f},{a[2] + 2.3:.2f} {a[0]:.2f},{a[1] - 0.1:.2f},{a[2]:.2f} "
      f"{fx + 1.4:.2f},{fy + 2.9:.2f},{fz + 4.2:.2f} {fx:.2f},{fy - 0.1:.2f},{fz:.2f}")
PY
)
"$BIN/oyster-render" -q "$WORK/flock.glb" --time 3 --from="$FROM" --at="$AT" --size 960x480 -o "$OUT/birds-flock.png"
"$BIN/oyster-render" -q "$WORK/flock.glb" --time 0 --from="$NEAR" --at="$BIRD" --size 960x480 -o "$OUT/birds-flight.png"
"$BIN/oyster-render" -q "$WORK/flock.glb" --time 1 --from="$ABOVE" --at="$FISH" --size 960x480 -o "$OUT/fish-lake.png"
ls -l "$OUT"/characters*.png "$OUT"/animals*.png "$OUT"/birds*.png "$OUT"/fish*.png
