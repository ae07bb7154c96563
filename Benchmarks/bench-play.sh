#!/usr/bin/env bash
# oyster-play (issue 14): the live page in headless Chromium at 640x360 walking through "a
# village" --seed 1 (scripts/clients/play_page.py: W held for PLAY_HOLD seconds, default 20,
# then W and D tapped ten times each): frames per second and key-to-frame latency as the page
# measures them (goals: >= 24 fps, median <= 100 ms, p95 <= 200 ms), and the server's own
# figures (drawing, JPEG, tiles, the longest frame that waited for a tile: goal <= 50 ms).
# Then memory over a long walk in one direction: oyster-play --headless flies PLAY_WALK_SECONDS
# (default 600) straight on at 4 m/s at 64x36 (small frames, so streaming is what is measured),
# its resident memory sampled every 2 s (goal: flat within 10 % after the first minute).
set -euo pipefail
HERE=${HERE:-$(cd "$(dirname "$0")" && pwd)}
BIN=${BIN:-$(cd "${1:-.build/release}" && pwd)}
OUT=${OUT:-$(pwd)/bench-out}
DIR="$OUT/play"
PLAY_HOLD=${PLAY_HOLD:-20}
PLAY_WALK_SECONDS=${PLAY_WALK_SECONDS:-600}
mkdir -p "$DIR"
[ -x "$BIN/oyster-play" ] || { echo "oyster-play not built in $BIN; skipped"; exit 0; }

set +e
python3 "$HERE/../scripts/clients/play_page.py" "$BIN/oyster-play" --prompt "a village" --seed 1 --size 640x360 \
  --hold "$PLAY_HOLD" --taps 10 --night-within 1 >"$DIR/page.json" 2>"$DIR/page.err"
page=$?
set -e
if [ $page = 77 ]; then
  echo "page: skipped ($(cat "$DIR/page.json"))"
elif ! python3 -c "import json,sys; json.load(open(sys.argv[1]))['latency_ms']" "$DIR/page.json" 2>/dev/null; then
  echo "page: failed: $(cat "$DIR/page.json")"; tail -5 "$DIR/page.err"
else
  python3 - "$DIR/page.json" "$DIR/page.err" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
lat = r["latency_ms"]
print(f"oyster-play page, 640x360, 'a village' --seed 1, Chromium {r['chromium']}: {r['fps']} frames/s at the page; "
      f"key-to-frame latency median {lat['median']} ms, p95 {lat['p95']} ms ({lat['samples']} samples); walked {r['moved_m']} m")
d, e = r.get("direct"), r.get("export")
if d:
    print(f"  'make it night': mean luma {d['luma_before']} -> {d['luma_after']} {d['darkened_s']} s after Enter (goal: within 1 s)")
if e:
    print(f"  Export of the visited region: {e['seconds']} s to the download, {e['zip_bytes'] / 2**20:.1f} MiB zip, {e['files']} files; {e['validate']}")
if r["status"] != "plays":
    print(f"  checks: {r['status']}: {r.get('detail')}")
for line in open(sys.argv[2]):
    if "session ended" in line:
        print("  server: " + line.strip().split("session ended: ", 1)[1])
PY
fi

# The long walk: fly level, straight on, sampling memory.
cat >"$DIR/walk.json" <<JSON
{"start": {"pitch": 0}, "actions": [{"do": "fly"}, {"do": "move", "seconds": $PLAY_WALK_SECONDS, "speed": 4}]}
JSON
python3 - "$BIN/oyster-play" "$DIR" "$PLAY_WALK_SECONDS" <<'PY'
import subprocess, sys, time
play, out, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
p = subprocess.Popen([play, "a village", "--seed", "1", "--headless", "--actions", f"{out}/walk.json",
                      "--record", f"{out}/walk.mp4", "--size", "64x36"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
samples = []
start = time.time()
while p.poll() is None:
    try:
        with open(f"/proc/{p.pid}/status") as f:
            rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024
        samples.append((time.time() - start, rss))
    except (OSError, StopIteration):
        pass
    time.sleep(2)
err = p.stderr.read()
if p.returncode != 0:
    print(f"long walk: failed ({p.returncode}): {err.strip()[:300]}")
    sys.exit(1)
wall = time.time() - start
# "After the first minute" of the walk: the samples past a tenth of the run (streaming has
# filled its caches by then), against the rest. Caches that fill with the world's variety (its
# texture kinds, kit meshes and their levels and impostors, the map's cells) warm up over the
# first few hundred metres and then hold; the land beyond the tiles is made again as the tiles
# move, two at once for a moment. So the growth is also given as a trend: the mean of the last
# quarter of the samples against the mean of the second quarter (flat: near 0).
settled = [r for t, r in samples if t >= wall * 0.1]
first, peak, last = settled[0], max(settled), settled[-1]
q = len(samples) // 4
second, fourth = samples[q:2 * q], samples[3 * q:]
trend = (sum(r for _, r in fourth) / len(fourth)) / (sum(r for _, r in second) / len(second)) - 1 if q else float("nan")
print(f"long walk, headless, {seconds:.0f} s flown straight at 4 m/s ({seconds * 4 / 1000:.1f} km) at 64x36, {wall:.0f} s wall: "
      f"resident memory {first:.0f} MiB settled, {peak:.0f} MiB peak after, {last:.0f} MiB at the end "
      f"({(peak / first - 1) * 100:+.1f} % peak over settled; goal within 10 %); "
      f"last quarter against second quarter {trend * 100:+.1f} %")
print("  " + err.strip().splitlines()[-1].replace("oyster-play: ", ""))
PY
