"""Time a command: median wall time and median peak memory over N runs.

usage: python3 timing.py [--runs N] [--warmup K] [--label NAME] [--bytes B] -- CMD ARGS...
Each run is a fresh process measured with wait4 (its own peak RSS). Prints one line:
  NAME: median 0.412 s (min 0.401, max 0.430), peak 108.2 MiB, 152.3 MB/s   [when --bytes]
and, with --json, a JSON object instead (for ratio tables).
Exit non-zero when any run fails.
"""
import argparse, json, os, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--warmup", type=int, default=1)
ap.add_argument("--label", default=None)
ap.add_argument("--bytes", type=int, default=0, help="input size, to print throughput")
ap.add_argument("--json", action="store_true")
ap.add_argument("cmd", nargs=argparse.REMAINDER)
a = ap.parse_args()
cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
label = a.label or os.path.basename(cmd[0])

def run_once():
    # GNU time forks the command from a small C process, so the peak RSS it reports is the
    # command's own (a child forked from Python would inherit Python's high-water mark).
    import tempfile
    with tempfile.NamedTemporaryFile("r") as tf, tempfile.TemporaryFile() as errf:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf.name] + cmd, stdout=subprocess.DEVNULL, stderr=errf)
        wall = time.perf_counter() - t0
        if p.returncode != 0:
            errf.seek(0)
            sys.stderr.write(f"{label}: exit {p.returncode}: {errf.read().decode('utf-8', 'replace').strip()[-500:]}\n")
            sys.exit(1)
        lines = [l for l in tf.read().splitlines() if l.strip().isdigit()]
        return wall, int(lines[-1]) / 1024.0  # KiB -> MiB

for _ in range(a.warmup):
    run_once()
walls, mems = zip(*[run_once() for _ in range(a.runs)])
res = dict(label=label, runs=a.runs, median_s=statistics.median(walls), min_s=min(walls), max_s=max(walls),
           peak_mib=statistics.median(mems))
if a.bytes:
    res["mb_per_s"] = a.bytes / 1e6 / res["median_s"]
if a.json:
    print(json.dumps(res))
else:
    line = f"{label}: median {res['median_s']:.3f} s (min {res['min_s']:.3f}, max {res['max_s']:.3f}), peak {res['peak_mib']:.1f} MiB"
    if a.bytes:
        line += f", {res['mb_per_s']:.1f} MB/s"
    print(line)
