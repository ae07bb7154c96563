#!/usr/bin/env bash
# Times oyster-generate: the default scene (textured, written as GLB) and one 64 m chunk
# (shared textures baked beforehand, so the chunk time is generation + writing only).
# Prints the median of RUNS runs for each. Usage: Benchmarks/generate.sh [BIN_DIR] [RUNS]
set -euo pipefail
BIN=${1:-.build/release}
RUNS=${2:-5}
TOOL="$BIN/oyster-generate"
[ -x "$TOOL" ] || { echo "generate.sh: build first: swift build -c release --product oyster-generate" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1e6}'; }

run() { # label, then the command
    local label=$1; shift
    local times=()
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(now_ms); "$@" >/dev/null; t1=$(now_ms)
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')")
    done
    printf '%-28s median %8.1f ms  (runs: %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

"$TOOL" -q -o "$OUT/default.glb"
"$TOOL" -q --chunk 0,0 -o "$OUT/warm.glb" # bakes the shared chunk textures once
stats=$("$TOOL" -o "$OUT/default.glb" 2>&1 | tail -1)
echo "default scene: ${stats#*: }"
run "default scene (GLB)" "$TOOL" -q -o "$OUT/default.glb"
run "chunk 64 m (GLB)" "$TOOL" -q --chunk 3,-2 -o "$OUT/chunk.glb"
# Streaming: a block of 8 x 8 tiles in one process, as a game's generator thread would make
# them (kit cache warm after the first tile). The tool prints ms per tile; median of RUNS.
per_tile=()
for _ in $(seq "$RUNS"); do
    line=$("$TOOL" --chunks 0,0:7,7 -o "$OUT/tiles/t.glb" 2>&1 | tail -1)
    per_tile+=("$(echo "$line" | sed -E 's/.*: ([0-9.]+) ms per tile, ([0-9.]+) ms of it generation/\1 \2/')")
done
printf '%-28s median %8.1f ms per tile written, %.1f ms of it generation (64 tiles, goal 16 ms)\n' "chunks 8x8 in one process" \
    "$(printf '%s\n' "${per_tile[@]}" | awk '{print $1}' | median)" "$(printf '%s\n' "${per_tile[@]}" | awk '{print $2}' | median)"
