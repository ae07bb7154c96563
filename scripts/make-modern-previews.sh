#!/usr/bin/env bash
# The modern town in pictures (issue 16): oyster-render stills of modern prompts, each from its
# establishing camera, and one down a modern street at eye height.
#
# usage: scripts/make-modern-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/modern-previews; not committed)
# Writes docs/previews/modern.png (2 x 3 grid, the prompt under each picture) and
# docs/previews/modern-street.png (960 x 540, along a street of "a modern city" by its park).
# Needs python3 with Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/modern-previews}

PROMPTS=(
  "a modern city"
  "a modern town"
  "a modern city at night"
  "a contemporary town on a river"
  "a modern harbour town by the sea"
  "a modern village"
)
bash "$ROOT/scripts/prompt-sheet.sh" "$BIN" "$WORK" "$ROOT/docs/previews/modern.png" 2 "${PROMPTS[@]}"

# Down a street of the city: from the stretch nearest the park's fountain, 1.7 m up, along the
# street to the next stretch.
read -r FROM AT < <(python3 - "$WORK/prompt0.glb" <<'PY'
import json, math, struct, sys
d = open(sys.argv[1], "rb").read()
n = struct.unpack("<I", d[12:16])[0]
nodes = json.loads(d[20:20 + n])["nodes"]
at = {x["name"]: x.get("translation", [0, 0, 0]) for x in nodes if "name" in x}
f = at["Fountain_01"]
streets = sorted(k for k in at if k.startswith("Street_"))
best = None
for a, b in zip(streets, streets[1:]):
    p, q = at[a], at[b]
    if math.dist(p, q) > 30:
        continue
    dist = math.hypot(p[0] - f[0], p[2] - f[2])
    if best is None or dist < best[0]:
        best = (dist, p, q)
_, p, q = best
dx, dz = q[0] - p[0], q[2] - p[2]
k = 1 / math.hypot(dx, dz)
# Back along the street a little and off its centre line, towards the kerb.
print(f"{p[0] - dx * k * 6 - dz * k * 1.2:.2f},{p[1] + 1.7:.2f},{p[2] - dz * k * 6 + dx * k * 1.2:.2f} {q[0]:.2f},{q[1] + 3:.2f},{q[2]:.2f}")
PY
)
"$BIN/oyster-render" -q "$WORK/prompt0.glb" -o "$ROOT/docs/previews/modern-street.png" --size 960x540 --from="$FROM" --at="$AT"
echo "wrote docs/previews/modern-street.png"
