#!/usr/bin/env bash
# oyster-render (issue 13): a still of the default generated world from its camera, per
# process from start-up (scene read, GL context, texture upload, draw, PNG), medians at
# 640x360 and 1280x720 (goal for a still's first frame: <= 1.5 s); turntable videos of it
# with --stats (frames per second end to end and rendering alone, triangles per frame) and
# their peak memory; and Blender 4.5 EEVEE's frame of the same world from the same camera
# (bpy, 1 sample, docs/previews/render.py --engine eevee), timed per render call and per
# process, with the ratio to Oyster (goal: >= 200x faster per frame). Then a streamed 3x3-chunk
# village world: oyster-render --world walking Fixtures/actions/walk.json with the 3x3 tiles
# round the camera loaded (--world-radius 1 --world-ahead 0), tiles generated and dropped as it
# goes, at 640x360 (frames per second end to end, medians of WORLD_RUNS runs, default 3), its
# peak memory and streaming figures, and its ratios to the default world's turntable and EEVEE.
# EEVEE_RUNS (default 3; each takes 20-60 s here) sets how many Blender processes are timed.
set -euo pipefail
HERE=${HERE:-$(cd "$(dirname "$0")" && pwd)}
BIN=${BIN:-$(cd "${1:-.build/release}" && pwd)}
OUT=${OUT:-$(pwd)/bench-out}
DIR="$OUT/render"
EEVEE_RUNS=${EEVEE_RUNS:-3}
WORLD_RUNS=${WORLD_RUNS:-3}
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

# A streamed world: "a village" (seed 1) walked by Fixtures/actions/walk.json from the default
# scene's camera, 216 frames at 24 fps, H.264, with the 3x3 tiles round the camera loaded: the
# walk crosses into the next tiles, so tiles are generated, staged, uploaded and dropped while
# it renders. Medians of WORLD_RUNS runs, each its own process.
world_fps=""
world_ok=1
for i in $(seq "$WORLD_RUNS"); do
  /usr/bin/time -f "%M %e" -o "$DIR/world-$i.time" \
    "$BIN/oyster-render" --world "a village" --seed 1 --actions "$HERE/../Fixtures/actions/walk.json" \
    --world-radius 1 --world-ahead 0 --size 640x360 --fps 24 -o "$DIR/world-$i.mp4" --stats \
    >/dev/null 2>"$DIR/world-$i.err" || { echo "render: streamed world failed: $(tail -1 "$DIR/world-$i.err")"; world_ok=0; break; }
done
if [ "$world_ok" = 1 ] && [ "$WORLD_RUNS" -gt 0 ]; then
  world_fps=$(python3 - "$DIR" "$WORLD_RUNS" "$video_fps" <<'EOF'
import re, statistics, sys
d, runs, video_fps = sys.argv[1], int(sys.argv[2]), sys.argv[3]
fps, alone, mem, secs, tiles, loaded, gen, tex, stage, upload, wait = ([] for _ in range(11))
for i in range(1, runs + 1):
    err = open(f"{d}/world-{i}.err").read()
    m = re.search(r"stats: ([0-9.]+) frames/s end to end \(([0-9.]+) rendering alone\), ([0-9]+) triangles", err)
    fps.append(float(m.group(1))); alone.append(float(m.group(2))); tris = int(m.group(3))
    m = re.search(r"streamed (\d+) tiles of 64 m \(at most (\d+) loaded.*?([0-9.]+) ms generation, ([0-9.]+) ms textures, "
                  r"([0-9.]+) ms staging; ([0-9.]+) ms upload per tile; ([0-9.]+) s waiting", err)
    tiles.append(int(m.group(1))); loaded.append(int(m.group(2))); gen.append(float(m.group(3))); tex.append(float(m.group(4)))
    stage.append(float(m.group(5))); upload.append(float(m.group(6))); wait.append(float(m.group(7)))
    kib, s = open(f"{d}/world-{i}.time").read().split()[-2:]
    mem.append(int(kib) / 1024); secs.append(float(s))
med = statistics.median
span = lambda v, f="%.1f": f"median {f % med(v)} (min {f % min(v)}, max {f % max(v)})"
out = sys.stderr
print(f"streamed 3x3-chunk village world 640x360 ('a village', seed 1, Fixtures/actions/walk.json, 216 frames, H.264, "
      f"{runs} run{'s' if runs > 1 else ''}):", file=out)
print(f"  {span(fps)} frames/s end to end, {span(alone)} rendering alone; {tris} triangles per frame; "
      f"process {span(secs)} s, peak {span(mem, '%.0f')} MiB", file=out)
print(f"  {med(tiles)} tiles streamed, at most {max(loaded)} loaded at once; per tile on the worker threads {med(gen):.1f} ms generation, "
      f"{med(tex):.1f} ms textures (each kind baked once), {med(stage):.1f} ms levels of detail; {med(upload):.1f} ms upload; "
      f"{med(wait):.2f} s waiting for tiles (mostly the first 3x3)", file=out)
if video_fps:
    print(f"  ratio to the default world's turntable ({float(video_fps):.1f} frames/s): {med(fps) / float(video_fps):.2f}x", file=out)
print(f"{med(fps)}")
EOF
  )
fi

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
python3 - "$DIR" "$EEVEE_RUNS" "$still" "$video_fps" "$world_fps" <<'EOF'
import json, re, statistics, sys
d, runs, still, video_fps, world_fps = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
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
if world_fps:
    f = 1 / float(world_fps)
    print(f"  ratio EEVEE second render call (default world) / Oyster streamed 3x3-chunk world frame (640x360, {f * 1000:.0f} ms end to end): "
          f"{m(warm) / f:.0f}x")
EOF
