"""Open two files in each real client and check every client sees the same counts in both.

usage: python3 compare.py ORIGINAL CONVERTED [--tools blender,assimp,...] [--ignore key,key]
Prints one line per tool; exit 1 if any tool saw different counts or failed on the converted
file while opening the original; tools that are not installed are skipped.
"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("original"); ap.add_argument("converted")
ap.add_argument("--tools", default="pygltflib,trimesh,assimp,panda3d,blender,godot")
ap.add_argument("--ignore", default="", help="count names not compared (e.g. format-specific ones)")
a = ap.parse_args()
ignore = set(filter(None, a.ignore.split(",")))

def counts(tool, path):
    p = subprocess.run([sys.executable, os.path.join(HERE, "counts.py"), tool, path], capture_output=True, text=True, timeout=900)
    line = (p.stdout.strip().splitlines() or ["{}"])[-1]
    try:
        return p.returncode, json.loads(line)
    except json.JSONDecodeError:
        return 1, {"error": line}

failed = False
for tool in a.tools.split(","):
    rc1, c1 = counts(tool, a.original)
    if rc1 == 77:
        print(f"{tool:10s} skipped ({c1.get('skipped')})"); continue
    rc2, c2 = counts(tool, a.converted)
    if rc2 != 0:
        status = "FAIL" if rc1 == 0 else "both fail"
        failed |= rc1 == 0
        print(f"{tool:10s} {status}: converted: {c2.get('error')}" + ("" if rc1 == 0 else f"; original: {c1.get('error')}"))
        continue
    keys = sorted((set(c1) | set(c2)) - {"tool", "ok"} - ignore)
    diff = {k: (c1.get(k), c2.get(k)) for k in keys if c1.get(k) != c2.get(k)}
    if rc1 != 0:
        print(f"{tool:10s} ok on converted only (original: {c1.get('error')}): " + json.dumps({k: c2[k] for k in keys if k in c2}))
    elif diff:
        failed = True
        print(f"{tool:10s} DIFF " + ", ".join(f"{k}: {v[0]} -> {v[1]}" for k, v in diff.items()))
    else:
        print(f"{tool:10s} same " + json.dumps({k: c1[k] for k in keys if k in c1}))
sys.exit(1 if failed else 0)
