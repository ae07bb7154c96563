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
echo "  (goal: at most 2 s including the horizon)"
# Towns (issue 16): a market town and a city, whole scenes with their horizon, as the default.
run "a town (GLB)" "$TOOL" -q "a town" -o "$OUT/town.glb"
run "a city (GLB)" "$TOOL" -q "a city" -o "$OUT/city.glb"
echo "  (goal: a 256 m town region at most 3 s)"
# Prompt reading (issue 16): 100 KB of lexicon words, nearest meanings, a phrase and nonsense,
# read and explained (no world is made). Linear in the prompt's length.
piece="a misty copse by the lake with a log cabin and a spaceship, zorblax at twilight; "
prompt=$(for _ in $(seq 1235); do printf '%s' "$piece"; done)
run "100 KB prompt (--explain)" "$TOOL" -q --explain "$prompt"
echo "  (goal: about a second)"
# Random access (issue 12): a tile far out costs what a tile near home costs; neither needs
# its neighbours generated first. One process per tile: start-up, world plan, writing.
run "chunk (0,0) 64 m (GLB)" "$TOOL" -q --chunk 0,0 -o "$OUT/chunk.glb"
run "chunk (1000,-3000) (GLB)" "$TOOL" -q --chunk 1000,-3000 -o "$OUT/chunk.glb"
# Streaming: a block of 8 x 8 tiles in one process, as a game's generator thread would make
# them (one world plan, kit meshes converted once). The tool prints ms per tile; median of
# RUNS, with the run's peak memory. Near home (villages, roads, rivers, lakes) and far out.
block() { # label, first tile X,Z, last tile X,Z, and the prompt (none: the default world)
    local label=$1 from=$2 to=$3 per_tile=() peak=()
    local prompt=(); [ -n "${4:-}" ] && prompt=("$4")
    for _ in $(seq "$RUNS"); do
        line=$(/usr/bin/time -f "peak %M" "$TOOL" "${prompt[@]}" --chunks "$from:$to" -o "$OUT/tiles/t.glb" 2>&1 | tail -2 | tr '\n' ' ')
        per_tile+=("$(echo "$line" | sed -E 's/.*: ([0-9.]+) ms per tile, ([0-9.]+) ms of it generation.*/\1 \2/')")
        peak+=("$(echo "$line" | sed -E 's/.*peak ([0-9]+).*/\1/')")
        rm -rf "$OUT/tiles"
    done
    printf '%-28s median %8.1f ms per tile written, %.1f ms of it generation (64 tiles, goal 10 ms), peak %.0f MiB\n' "$label" \
        "$(printf '%s\n' "${per_tile[@]}" | awk '{print $1}' | median)" "$(printf '%s\n' "${per_tile[@]}" | awk '{print $2}' | median)" \
        "$(printf '%s\n' "${peak[@]}" | median | awk '{print $1 / 1024}')"
}
block "chunks 8x8 round home" -4,-4 3,3
block "chunks 8x8 at (1000,-3000)" 1000,-3000 1007,-2993
# A town streamed: its tiles round home (the town plan is made once per world).
block "chunks 8x8 of a town" -4,-4 3,3 "a town"
