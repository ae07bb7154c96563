#!/usr/bin/env bash
# Makes the README's picture of fields (issue 15: farmers in fields), with oyster-generate and
# oyster-render: docs/previews/fields.png, "a village with wheat fields at harvest" --seed 2,
# each of its two fields seen from 12 m off its corner, 2 s into the farmers' work, side by side.
# Usage: scripts/make-field-previews.sh [BIN]   (BIN: folder with the tools, default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release}
WORK=$(mktemp -d /tmp/oyster-fields.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
"$BIN/oyster-generate" -q "a village with wheat fields at harvest" --seed 2 -o "$WORK/fields.glb"
# Each field's centre, from its node; a camera 8.5 m east and south of it, 3.5 m up.
python3 - "$WORK/fields.glb" > "$WORK/views" <<'PY'
import json, struct, sys
data = open(sys.argv[1], "rb").read()
g = json.loads(data[20:20 + struct.unpack("<I", data[12:16])[0]])
for n in sorted((n for n in g["nodes"] if n.get("name", "").startswith("Field_")), key=lambda n: n["name"]):
    x, y, z = n["translation"]
    print(f"{x + 8.5:.2f},{y + 3.5:.2f},{z + 8.5:.2f} {x:.2f},{y + 0.4:.2f},{z:.2f}")
PY
i=0
while read -r FROM AT; do
  "$BIN/oyster-render" -q "$WORK/fields.glb" --time 2 --from="$FROM" --at="$AT" --size 640x400 -o "$WORK/field$i.png"
  i=$((i + 1))
done < "$WORK/views"
python3 - "$WORK" docs/previews/fields.png <<'PY'
import glob, sys
from PIL import Image
shots = [Image.open(p) for p in sorted(glob.glob(sys.argv[1] + "/field*.png"))]
sheet = Image.new("RGB", (sum(s.width for s in shots), shots[0].height))
x = 0
for s in shots:
    sheet.paste(s, (x, 0))
    x += s.width
sheet.save(sys.argv[2])
PY
echo "wrote docs/previews/fields.png"
