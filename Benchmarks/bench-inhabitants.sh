#!/usr/bin/env bash
# People and animals (issue 15): "a village" --seed 4 with its own people and animals (the cast
# its features imply), and with 40 people and 20 animals, against the same recipe with nobody.
# Generation (median wall and CPU seconds of RUNS runs), the GLB's size, and a 2 s turntable of
# each file rendered (frames per second).
# Goal: generation no more than 15 % above the world without them.
set -euo pipefail
TOOL="$BIN/oyster-generate"
RENDER="$BIN/oyster-render"
RUNS=${INHABITANT_RUNS:-5}
OUT_DIR=$(mktemp -d)
trap 'rm -rf "$OUT_DIR"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

# The village's own recipe (its cast spelled out by --explain), the same with nobody, and with
# 40 people and 20 animals: only the characters section differs.
"$TOOL" "a village" --seed 4 --explain 2>/dev/null > "$OUT_DIR/explain.json"
python3 - "$OUT_DIR" <<'EOF'
import json, sys
d = sys.argv[1]
r = json.load(open(f"{d}/explain.json"))
r.pop("words", None)
json.dump(r, open(f"{d}/own.json", "w"))
print(sum(g["count"] for g in r["characters"] if "role" in g), sum(g["count"] for g in r["characters"] if "animal" in g), file=open(f"{d}/own.txt", "w"))
r["characters"] = []
json.dump(r, open(f"{d}/without.json", "w"))
r["characters"] = [
    {"role": "villager", "count": 24}, {"role": "merchant", "count": 4}, {"role": "farmer", "count": 4},
    {"role": "guard", "count": 4}, {"role": "knight", "count": 2}, {"role": "monk", "count": 2},
    {"animal": "deer", "count": 6}, {"animal": "horse", "count": 5}, {"animal": "sheep", "count": 8}, {"animal": "dog", "count": 1},
]
json.dump(r, open(f"{d}/with.json", "w"))
EOF

measure() { # name → "wall cpu" medians
    local wall=() cpu=()
    for _ in $(seq "$RUNS"); do
        line=$(/usr/bin/time -f "%e %U %S" "$TOOL" -q --recipe "$OUT_DIR/$1.json" -o "$OUT_DIR/$1.glb" 2>&1 | tail -1)
        wall+=("$(echo "$line" | awk '{print $1}')")
        cpu+=("$(echo "$line" | awk '{print $2 + $3}')")
    done
    echo "$(printf '%s\n' "${wall[@]}" | median) $(printf '%s\n' "${cpu[@]}" | median)"
}
read -r w0 c0 < <(measure without)
read -r wo co < <(measure own)
read -r w1 c1 < <(measure with)
read -r own_people own_animals < "$OUT_DIR/own.txt"
s0=$(stat -c %s "$OUT_DIR/without.glb"); so=$(stat -c %s "$OUT_DIR/own.glb"); s1=$(stat -c %s "$OUT_DIR/with.glb")
mb() { awk -v s="$1" 'BEGIN {print s / 1e6}'; }
printf 'village with nobody         median %6.2f s wall, %6.2f s CPU, %6.1f MB GLB\n' "$w0" "$c0" "$(mb "$s0")"
printf 'its own %2d people, %2d animals median %6.2f s wall, %6.2f s CPU, %6.1f MB GLB\n' "$own_people" "$own_animals" "$wo" "$co" "$(mb "$so")"
awk -v w0="$w0" -v w1="$wo" -v c0="$c0" -v c1="$co" -v s0="$s0" -v s1="$so" 'BEGIN {
    printf "  generation +%.1f %% wall, +%.1f %% CPU; GLB +%.1f %%\n", (w1 / w0 - 1) * 100, (c1 / c0 - 1) * 100, (s1 / s0 - 1) * 100 }'
printf 'with 40 people, 20 animals  median %6.2f s wall, %6.2f s CPU, %6.1f MB GLB\n' "$w1" "$c1" "$(mb "$s1")"
awk -v w0="$w0" -v w1="$w1" -v c0="$c0" -v c1="$c1" -v s0="$s0" -v s1="$s1" 'BEGIN {
    printf "  generation +%.1f %% wall, +%.1f %% CPU (goal: at most +15 %%); GLB +%.1f %%\n", (w1 / w0 - 1) * 100, (c1 / c0 - 1) * 100, (s1 / s0 - 1) * 100 }'

# Rendering: the same 2 s turntable (48 frames at 640x360) of each file, frames per second.
if "$RENDER" --help >/dev/null 2>&1; then
    fps() {
        local t0 t1
        t0=$(date +%s%N)
        "$RENDER" "$OUT_DIR/$1.glb" --turntable 2 --fps 24 --size 640x360 -o "$OUT_DIR/$1.mp4" >/dev/null 2>&1 || { echo 0; return; }
        t1=$(date +%s%N)
        awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", 48 / ((b - a) / 1e9)}'
    }
    f0=$(fps without); fo=$(fps own); f1=$(fps with)
    printf 'turntable 640x360, 48 frames  nobody %s fps, its own %s fps, 40 + 20 %s fps (process, load included)\n' "$f0" "$fo" "$f1"
fi
