"""A generated world against issue 6's acceptance rule, in every client installed here.

    python3 scripts/clients/check_world.py BIN_DIR OUT_DIR SEED PROMPT [PROMPT ...]

For each prompt: oyster-generate exits 0; the same seed twice gives identical bytes and the
next seed different ones; oyster-validate reports 0 errors; and each client (Blender, assimp,
trimesh, pygltflib, Panda3D, Godot 3 — see counts.py) opens the GLB and sees at least
50,000 triangles, 3 loaded images, 5 materials, 1 light, 1 camera and 1 animation (each
count only where that client reports it). Prints one line per prompt and client; exit 1 on
any failure. A client that is not installed is reported as skipped.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MINIMUM = dict(triangles=50_000, images=3, materials=5, lights=1, cameras=1, animations=1)
CLIENTS = ["blender", "assimp", "trimesh", "pygltflib", "panda3d", "godot"]


def run(cmd, timeout=600):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def check(bin_dir, out, seed, prompt, index):
    gen = os.path.join(bin_dir, "oyster-generate")
    path = os.path.join(out, f"world{index}.glb")
    failures = []
    for p, s in ((path, seed), (path + ".again.glb", seed), (path + ".next.glb", seed + 1)):
        r = run([gen, prompt, "--seed", str(s), "-o", p, "-q"])
        if r.returncode != 0:
            return [f"oyster-generate exit {r.returncode}: {r.stderr.strip()[-200:]}"]
    same = open(path, "rb").read() == open(path + ".again.glb", "rb").read()
    other = open(path, "rb").read() != open(path + ".next.glb", "rb").read()
    if not same:
        failures.append("same seed gave different bytes")
    if not other:
        failures.append("another seed gave the same bytes")
    r = run([os.path.join(bin_dir, "oyster-validate"), path, "--format", "json"])
    try:
        errors = json.loads(r.stdout)["issues"]["numErrors"]
    except (ValueError, KeyError):
        errors = f"unreadable report (exit {r.returncode})"
    if errors != 0:
        failures.append(f"oyster-validate: {errors} errors")
    print(f"  deterministic={same and other} validator_errors={errors}")
    for client in CLIENTS:
        r = run([sys.executable, os.path.join(HERE, "counts.py"), client, path])
        try:
            counts = json.loads(r.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            counts = {"ok": False, "error": (r.stderr.strip().splitlines() or ["no output"])[-1]}
        if r.returncode == 77:
            print(f"  {client:10} skipped ({counts.get('skipped', 'not installed')})")
            continue
        if not counts.get("ok"):
            failures.append(f"{client}: {counts.get('error')}")
            print(f"  {client:10} FAILED {counts.get('error')}")
            continue
        short = [f"{k} {counts[k]} < {v}" for k, v in MINIMUM.items() if counts.get(k) is not None and counts[k] < v]
        if counts.get("triangles") is None:
            short.append("no triangle count")
        failures += [f"{client}: {s}" for s in short]
        shown = {k: counts[k] for k in MINIMUM if counts.get(k) is not None}
        print(f"  {client:10} {'ok' if not short else 'SHORT'} {json.dumps(shown, sort_keys=True)}")
    return failures


def main():
    if len(sys.argv) < 5:
        print(__doc__)
        sys.exit(2)
    bin_dir, out, seed, prompts = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    os.makedirs(out, exist_ok=True)
    failed = False
    for i, prompt in enumerate(prompts):
        print(f'world "{prompt}" seed {seed}')
        failures = check(bin_dir, out, seed, prompt, i)
        for f in failures:
            print(f"  FAIL {f}")
        failed |= bool(failures)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
