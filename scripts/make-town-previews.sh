#!/usr/bin/env bash
# Towns in pictures (issue 16): oyster-render stills of town prompts, each from its establishing
# camera, and one from a street of the first town, looking down it from a pavement.
#
# usage: scripts/make-town-previews.sh [BIN_DIR] [WORK_DIR]
#   BIN_DIR   where oyster-generate and oyster-render are (default .build/release)
#   WORK_DIR  generated worlds (default out/town-previews; not committed)
# Writes docs/previews/town.png (2 x 3 grid, the prompt under each picture) and
# docs/previews/town-street.png (960 x 540, a street of "a market town").
# Needs python3 with Pillow.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${1:-$ROOT/.build/release}" && pwd)
WORK=${2:-$ROOT/out/town-previews}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "make-town-previews: $tool not built in $BIN (swift build -c release)" >&2; exit 2; }
done
python3 -c "import PIL" 2>/dev/null || { echo "make-town-previews: needs python3 with pillow" >&2; exit 2; }

PROMPTS=(
  "a market town"
  "a castle town"
  "a harbour town by the sea"
  "a city at night"
  "an old town on steep hills"
  "a town on a river"
)
shots=()
for i in "${!PROMPTS[@]}"; do
  "$BIN/oyster-generate" -q "${PROMPTS[$i]}" -o "$WORK/town$i.glb"
  "$BIN/oyster-render" -q "$WORK/town$i.glb" -o "$WORK/town$i.png" --size 640x360
  shots+=("$WORK/town$i.png" "${PROMPTS[$i]}")
done
python3 "$ROOT/scripts/contact_sheet.py" "$ROOT/docs/previews/town.png" "${shots[@]}"
echo "wrote docs/previews/town.png"

# Down the main street of the first town: from its first row's pavement towards the square's fountain.
read -r FROM AT < <(python3 - "$WORK/town0.glb" <<'PY'
import json, struct, sys
d = open(sys.argv[1], "rb").read()
n = struct.unpack("<I", d[12:16])[0]
nodes = json.loads(d[20:20 + n])["nodes"]
at = {x["name"]: x.get("translation", [0, 0, 0]) for x in nodes if "name" in x}
f = at["Fountain_01"]
r = min((v for k, v in at.items() if k.startswith("Terrace_")), key=lambda v: (v[0] - f[0]) ** 2 + (v[2] - f[2]) ** 2 + 400 * 0)
dx, dz = f[0] - r[0], f[2] - r[2]
print(f"{r[0] - dx * 0.6:.2f},{f[1] + 9:.2f},{r[2] - dz * 0.6:.2f} {f[0]:.2f},{f[1] + 2:.2f},{f[2]:.2f}")
PY
)
"$BIN/oyster-render" -q "$WORK/town0.glb" -o "$ROOT/docs/previews/town-street.png" --size 960x540 --from="$FROM" --at="$AT"
echo "wrote docs/previews/town-street.png"
