#!/usr/bin/env python3
"""A frozen lake must be walkable in every engine package: export a generated world with a
frozen lake for godot, unreal and unity, check the collider nodes each names by its engine's
rule, and (when Godot 3 is installed) that Godot's importer turns every collision hint into a
body, the ice included.

usage: export_colliders.py BIN_DIR WORK_DIR
Exit 0 on success, 1 on a failed check.
"""
import json, os, struct, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BIN, WORK = sys.argv[1], sys.argv[2]
os.makedirs(WORK, exist_ok=True)

def run(*args):
    subprocess.run(list(args), check=True)

def glb_names(path):
    b = open(path, "rb").read()
    n = struct.unpack("<I", b[12:16])[0]
    return [x.get("name", "") for x in json.loads(b[20:20 + n]).get("nodes", [])]

world = os.path.join(WORK, "world.gltf")
run(os.path.join(BIN, "oyster-generate"), "-q", "a frozen lake by the sea in the tundra", "--seed", "3", "-o", world)
failures = []
expect = {"godot": ("Ice_Lake-colonly", "Sea-"), "unreal": ("UCX_Ice_Lake_00", "UCX_Sea"), "unity": ("Ice_Lake_Collider", "Sea_Collider")}
for target, (ice, water) in expect.items():
    out = os.path.join(WORK, target)
    run(os.path.join(BIN, "oyster-export"), "-q", "--no-obj", world, "--target", target, "-o", out)
    names = glb_names(os.path.join(out, "world.glb"))
    before = len(failures)
    if "Sea" not in names:
        failures.append(f"{target}: the world has no open water to check")
    if ice not in names:
        failures.append(f"{target}: no {ice}")
    if any(n.startswith(water) for n in names):
        failures.append(f"{target}: open water has a collider")
    if len(failures) == before:
        print(f"  {target}: {ice} present; the Sea has no collider")

godot_glb = os.path.join(WORK, "godot", "world.glb")
names = glb_names(godot_glb)
hints = sum(1 for n in names if n.endswith("-colonly") or n.endswith("-convcolonly"))
p = subprocess.run([sys.executable, os.path.join(HERE, "counts.py"), "godot", godot_glb], capture_output=True, text=True)
if p.returncode == 77:
    print("  godot: skipped (Godot 3 not installed)")
else:
    seen = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {"ok": False}
    if not seen.get("ok") or seen.get("bodies") != hints:
        failures.append(f"godot import: {seen.get('bodies')} bodies for {hints} collision hints")
    else:
        print(f"  godot 3 import: {seen['bodies']} static bodies for {hints} collision hints (the ice included)")
for f in failures:
    print("  FAIL " + f)
sys.exit(1 if failures else 0)
