#!/usr/bin/env bash
# oyster-render (issue 13): a still of the default generated world from its camera, per
# process from start-up (scene read, GL context, texture upload, draw, PNG), medians at
# 640x360 and 1280x720 (goal for a still's first frame: <= 1.5 s); turntable videos of it
# with --stats (frames per second end to end and rendering alone, triangles per frame) and
# their peak memory; and Blender 4.5 EEVEE's frame of the same world from the same camera
# (bpy, 1 sample, docs/previews/render.py --engine eevee), timed per render call and per
# process, with the ratio to Oyster (goal: >= 200x faster per frame).
# EEVEE_RUNS (default 3; each takes 20-60 s here) sets how many Blender processes are timed.
set -euo pipefail
HERE=${HERE:-$(cd "$(dirname "$0")" && pwd)}
BIN=${BIN:-$(cd "${1:-.build/release}" && pwd)}
OUT=${OUT:-$(pwd)/bench-out}
DIR="$OUT/render"
EEVEE_RUNS=${EEVEE_RUNS:-3}
mkdir -p "$DIR/world"
for tool in oyster-generate oyster-render; do
  [ -x "$BIN/$tool" ] || { echo "$tool not built in $BIN; skipped"; exit 0; }
done
[ -f "$DIR/world/scene.gltf" ] || "$BIN/oyster-generate" -q --seed 1 -o "$DIR/world/scene.gltf"
[ -f "$DIR/default.glb" ] || "$BIN/oyster-generate" -q -o "$DIR/default.glb"
if ! "$BIN/oyster-render" -q "$DIR/world/scene.gltf" -o "$DIR/probe.png" --size 16x16 2>"$DIR/probe.err"; then
  echo "render: skipped ($(head -1 "$DIR/probe.err"))"
  exit 0
fi
for size in 640x360 1280x720; do
  python3 "$HERE/timing.py" --runs 5 --label "oyster-render default world $size (process)" -- \
    "$BIN/oyster-render" -q "$DIR/world/scene.gltf" -o "$DIR/still-$size.png" --size "$size"
done

# The still of default.glb (the same world as one GLB) from its camera, 640x360: process
# start to PNG written, the figure set against Blender below.
still=$(python3 "$HERE/timing.py" --runs 5 --json --label still -- \
  "$BIN/oyster-render" -q "$DIR/default.glb" -o "$DIR/still.png" --camera Camera --size 640x360)
python3 - "$still" <<'EOF'
import json, sys
r = json.loads(sys.argv[1])
print(f"first frame of a still, default.glb 640x360 from its camera (process start to PNG written): "
      f"median {r['median_s']:.3f} s (min {r['min_s']:.3f}, max {r['max_s']:.3f}), peak {r['peak_mib']:.1f} MiB (goal <= 1.5 s)")
EOF

# Videos: one turntable each, H.264, the tool's own --stats line, and GNU time's peak RSS.
video_fps=""
for size in 640x360 1280x720; do
  /usr/bin/time -f "%M %e" -o "$DIR/video-$size.time" \
    "$BIN/oyster-render" "$DIR/default.glb" --turntable 4 --fps 24 --size "$size" -o "$DIR/spin-$size.mp4" --stats \
    >/dev/null 2>"$DIR/video-$size.err" || { echo "render: turntable $size failed: $(tail -1 "$DIR/video-$size.err")"; continue; }
  read -r kib secs <"$DIR/video-$size.time"
  stats=$(grep 'stats:' "$DIR/video-$size.err" | sed 's/^oyster-render: stats: //')
  wrote=$(grep 'wrote' "$DIR/video-$size.err" | sed -E 's/^oyster-render: wrote [^ ]* \((.*)\)$/\1/')
  echo "turntable 4 s at 24 fps, $size (--stats): $stats"
  printf '  %s; process %.2f s, peak %.1f MiB\n' "$wrote" "$secs" "$(awk -v k="$kib" 'BEGIN {print k / 1024}')"
  if [ "$size" = 640x360 ]; then
    video_fps=$(echo "$stats" | sed -E 's/^([0-9.]+) frames\/s end to end.*/\1/')
  fi
done

# Blender 4.5 EEVEE: the same default.glb, camera and size, 1 sample. Each process renders
# the frame twice: the first render call includes EEVEE's shader compilation and scene sync,
# the second is a frame of a warm session.
if ! python3 -c "import bpy" >/dev/null 2>&1; then
  echo "Blender EEVEE: skipped (pip install bpy==4.5.3)"
  exit 0
fi
for i in $(seq "$EEVEE_RUNS"); do
  /usr/bin/time -f "%M %e" -o "$DIR/eevee-$i.time" python3 "$HERE/../docs/previews/render.py" "$DIR/default.glb" "$DIR/eevee.png" \
    camera 1 640 --engine eevee --repeat 2 >"$DIR/eevee-$i.log" 2>&1 \
    || { echo "Blender EEVEE: failed (see $DIR/eevee-$i.log)"; exit 1; }
done
python3 - "$DIR" "$EEVEE_RUNS" "$still" "$video_fps" <<'EOF'
import json, re, statistics, sys
d, runs, still, video_fps = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
first, warm, proc, mem = [], [], [], []
for i in range(1, runs + 1):
    calls = dict(re.findall(r"^render call (\d+): ([0-9.]+) s$", open(f"{d}/eevee-{i}.log").read(), re.M))
    first.append(float(calls["1"])); warm.append(float(calls["2"]))
    kib, secs = open(f"{d}/eevee-{i}.time").read().split()[-2:]
    proc.append(float(secs)); mem.append(int(kib) / 1024)
m = statistics.median
span = lambda v: f"median {m(v):.2f} s (min {min(v):.2f}, max {max(v):.2f})"
print(f"Blender 4.5 EEVEE, default.glb 640x360 from its camera, 1 sample, {runs} run{'s' if runs > 1 else ''}:")
print(f"  first render call {span(first)}; second render call {span(warm)}; "
      f"whole process {span(proc)}, peak {m(mem):.0f} MiB")
o = still["median_s"]
print(f"  ratio EEVEE / Oyster still (process start to PNG, {o:.3f} s): first render call {m(first) / o:.0f}x, "
      f"second render call {m(warm) / o:.0f}x, whole process {m(proc) / o:.0f}x (goal >= 200x)")
if video_fps:
    f = 1 / float(video_fps)
    print(f"  ratio EEVEE second render call / Oyster video frame (640x360 turntable, {f * 1000:.0f} ms end to end): "
          f"{m(warm) / f:.0f}x")
EOF
