#!/usr/bin/env bash
# Towns in pictures (issue 16): oyster-render stills of town prompts, each from its establishing
# camera, and one across the first town's square to its church.
#
# usage: scripts/make-town-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/town-previews; not committed)
# Writes docs/previews/town.png (2 x 3 grid, the prompt under each picture) and
# docs/previews/town-street.png (960 x 540, across the square of "a town" to its church).
# Needs python3 with Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/town-previews}

PROMPTS=(
  "a town"
  "a castle town"
  "a harbour town by the sea"
  "a city at night"
  "an old town on steep hills"
  "a town on a river"
)
bash "$ROOT/scripts/prompt-sheet.sh" "$BIN" "$WORK" "$ROOT/docs/previews/town.png" - "${PROMPTS[@]}"

# Across the square of the first town: from the main street's side, past the fountain and the
# market stalls, to the church.
read -r FROM AT < <(python3 - "$WORK/prompt0.glb" <<'PY'
import json, math, struct, sys
d = open(sys.argv[1], "rb").read()
n = struct.unpack("<I", d[12:16])[0]
nodes = json.loads(d[20:20 + n])["nodes"]
at = {x["name"]: x.get("translation", [0, 0, 0]) for x in nodes if "name" in x}
f, c = at["Fountain_01"], at["Church_01"]
dx, dz = f[0] - c[0], f[2] - c[2]
k = 12 / math.hypot(dx, dz)
print(f"{f[0] + dx * k:.2f},{f[1] + 3.5:.2f},{f[2] + dz * k:.2f} {c[0]:.2f},{c[1] + 7:.2f},{c[2]:.2f}")
PY
)
"$BIN/oyster-render" -q "$WORK/prompt0.glb" -o "$ROOT/docs/previews/town-street.png" --size 960x540 --from="$FROM" --at="$AT"
echo "wrote docs/previews/town-street.png"
