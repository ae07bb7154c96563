"""Characters in every client: a lineup of every role from oyster-generate --characters all.

    python3 scripts/clients/characters.py BIN_DIR OUT_DIR

Checks: the same seed gives identical bytes; oyster-validate reports 0 errors; every
oyster-export target's GLB keeps one skin of 21 VRM-named joints per character, JOINTS_0 and
WEIGHTS_0 on every skinned primitive and one animation per clip; Blender (bpy) imports one
armature of 21 bones per character and one action per clip, and playing `walk` with the root
moving at the clip's root speed keeps each foot within 2 cm while it is planted (the frames
where the ankle is at its lowest), with stride x cadence = root speed within 5 %; assimp,
trimesh, pygltflib, Panda3D and Godot 3 (counts.py) open the file. Exit 1 on any failure.
A client that is not installed is reported as skipped.
"""
import json
import os
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLIPS = ["idle", "walk", "run", "wave", "sit", "work", "talk"]
ROLES = ["villager", "farmer", "merchant", "guard", "knight", "monk", "adventurer", "skeleton"]
VRM = ["hips", "spine", "chest", "neck", "head", "leftShoulder", "leftUpperArm", "leftLowerArm", "leftHand",
       "rightShoulder", "rightUpperArm", "rightLowerArm", "rightHand", "leftUpperLeg", "leftLowerLeg", "leftFoot",
       "leftToes", "rightUpperLeg", "rightLowerLeg", "rightFoot", "rightToes"]
TARGETS = ["godot", "unity", "unreal", "blender", "web", "generic"]


def run(cmd, timeout=900):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def glb_json(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<I", data[12:16])[0]
    return json.loads(data[20:20 + n])


def validator_errors(bin_dir, path):
    r = run([os.path.join(bin_dir, "oyster-validate"), path, "--format", "json"])
    try:
        return json.loads(r.stdout)["issues"]["numErrors"]
    except (ValueError, KeyError):
        return f"unreadable report (exit {r.returncode})"


def check_gltf(g, label):
    """Skins, joint names, weights and clips of a GLB's JSON."""
    failures = []
    skins = g.get("skins", [])
    if len(skins) != len(ROLES):
        failures.append(f"{label}: {len(skins)} skins, expected {len(ROLES)}")
    for s in skins:
        names = [g["nodes"][j].get("name") for j in s["joints"]]
        if names != VRM:
            failures.append(f"{label}: joints {names[:4]}... are not the VRM names")
            break
    for n in g["nodes"]:
        if "skin" in n:
            for p in g["meshes"][n["mesh"]]["primitives"]:
                if "JOINTS_0" not in p["attributes"] or "WEIGHTS_0" not in p["attributes"]:
                    failures.append(f"{label}: a skinned primitive has no JOINTS_0/WEIGHTS_0")
    names = [a.get("name", "") for a in g.get("animations", [])]
    for c in CLIPS:
        if c not in names and c + "-loop" not in names:
            failures.append(f"{label}: no animation '{c}'")
    return failures


def blender_check(path, speed, duration):
    """Runs inside Blender's Python: prints one JSON line of what Blender saw."""
    import bpy
    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.ops.import_scene.gltf(filepath=path)
    scene = bpy.context.scene
    arms = [o for o in scene.objects if o.type == "ARMATURE"]
    actions = {a.name: a for a in bpy.data.actions}
    out = {"armatures": len(arms), "bones": sorted({len(a.data.bones) for a in arms}),
           "actions": sorted(actions), "fps": scene.render.fps / scene.render.fps_base}
    walk = next((a for n, a in actions.items() if n.split("_")[0] in ("walk", "walk-loop")), None)
    worst, strides = 0.0, []
    if walk is not None:
        fps = out["fps"]
        for arm in arms:
            arm.animation_data_create()
            arm.animation_data.action = walk
            # Blender 4.4+ keeps one slot per armature in a shared action.
            slots = getattr(walk, "slots", None)
            if slots is not None and len(slots) > 0 and hasattr(arm.animation_data, "action_slot"):
                mine = [s for s in slots if s.name_display == arm.name] or list(slots)
                arm.animation_data.action_slot = mine[0]
        steps = 100
        track = {}
        for k in range(steps + 1):
            t = duration * k / steps
            f = t * fps
            scene.frame_set(int(f), subframe=f - int(f))
            for arm in arms:
                for side in ("leftFoot", "rightFoot"):
                    p = arm.matrix_world @ arm.pose.bones[side].head
                    # glTF +Z (the walking direction) is Blender's -Y.
                    track.setdefault((arm.name, side), []).append((t, p.x, p.y, p.z))
        for key, pts in track.items():
            low = min(p[3] for p in pts)
            planted = [i for i, p in enumerate(pts) if p[3] < low + 0.003]
            # Contiguous runs of planted frames (the flat-foot phase of each step).
            runs, cur = [], []
            for i in planted:
                if cur and i != cur[-1] + 1:
                    runs.append(cur)
                    cur = []
                cur.append(i)
            if cur:
                runs.append(cur)
            for r in runs:
                if len(r) < 3:
                    continue
                ground = [(pts[i][1], pts[i][2] - speed * pts[i][0], pts[i][3]) for i in r]
                drift = max(((g[0] - ground[0][0]) ** 2 + (g[1] - ground[0][1]) ** 2 + (g[2] - ground[0][2]) ** 2) ** 0.5 for g in ground)
                worst = max(worst, drift)
                t0, t1 = pts[r[0]][0], pts[r[-1]][0]
                back = pts[r[-1]][2] - pts[r[0]][2]  # moving back = towards Blender +Y
                if t1 > t0:
                    strides.append(back / (t1 - t0) * duration)
    out["walkDrift"] = worst
    out["strides"] = [min(strides), max(strides)] if strides else []
    print("RESULT " + json.dumps(out))


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--blender":
        blender_check(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
        return
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    bin_dir, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    failures = []
    path = os.path.join(out, "people.glb")
    for p in (path, path + ".again.glb"):
        r = run([os.path.join(bin_dir, "oyster-generate"), "a village", "--seed", "3", "--characters", "all", "-o", p, "-q"])
        if r.returncode != 0:
            print(f"  FAIL oyster-generate exit {r.returncode}: {r.stderr.strip()[-200:]}")
            sys.exit(1)
    same = open(path, "rb").read() == open(path + ".again.glb", "rb").read()
    if not same:
        failures.append("same seed gave different bytes")
    errors = validator_errors(bin_dir, path)
    if errors != 0:
        failures.append(f"oyster-validate: {errors} errors")
    g = glb_json(path)
    failures += check_gltf(g, "generated")
    walk = next(a for a in g["animations"] if a.get("name") == "walk")
    speed = walk.get("extras", {}).get("rootSpeed")
    duration = max(max(g["accessors"][s["input"]]["max"]) for s in walk["samplers"])
    print(f"  deterministic={same} validator_errors={errors} skins={len(g.get('skins', []))} walk speed={speed} m/s loop={duration:.3f} s")
    for target in TARGETS:
        r = run([os.path.join(bin_dir, "oyster-export"), path, "--target", target, "-o", os.path.join(out, target), "-q"])
        if r.returncode != 0:
            failures.append(f"oyster-export {target}: exit {r.returncode} {r.stderr.strip()[-200:]}")
            continue
        glb = os.path.join(out, target, "people.glb")
        problems = check_gltf(glb_json(glb), target)
        failures += problems
        print(f"  export {target:8} {'ok' if not problems else 'FAILED'}")
    # Blender: armatures, actions and the walk measured on the imported bones.
    r = run([sys.executable, "-c", "import bpy"])
    if r.returncode != 0:
        print("  blender    skipped (bpy not installed)")
    else:
        r = run([sys.executable, os.path.abspath(__file__), "--blender", path, str(speed), str(duration)])
        line = next((l for l in r.stdout.splitlines() if l.startswith("RESULT ")), None)
        if line is None:
            failures.append(f"blender: no result ({(r.stderr.strip().splitlines() or ['no output'])[-1]})")
        else:
            b = json.loads(line[7:])
            print(f"  blender    armatures={b['armatures']} bones={b['bones']} actions={b['actions']} "
                  f"walk drift={b['walkDrift'] * 100:.2f} cm strides={[round(s, 3) for s in b['strides']]} m")
            if b["armatures"] != len(ROLES) or b["bones"] != [len(VRM)]:
                failures.append(f"blender: {b['armatures']} armatures with {b['bones']} bones")
            missing = [c for c in CLIPS if not any(a.split("_")[0] in (c, c + "-loop") for a in b["actions"])]
            if missing:
                failures.append(f"blender: no action for {missing}")
            if b["walkDrift"] >= 0.02:
                failures.append(f"blender: a planted foot moves {b['walkDrift'] * 100:.2f} cm")
            expected = speed * duration
            if not b["strides"] or any(abs(s - expected) / expected > 0.05 for s in b["strides"]):
                failures.append(f"blender: strides {b['strides']} m, expected {expected:.3f} m (speed x loop)")
    for client in ["assimp", "trimesh", "pygltflib", "panda3d", "godot"]:
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
        shown = {k: counts[k] for k in ("triangles", "animations", "skins", "skeletons", "meshes") if counts.get(k) is not None}
        short = []
        if counts.get("animations") is not None and counts["animations"] < len(CLIPS):
            short.append(f"{counts['animations']} animations")
        if counts.get("skins") is not None and counts["skins"] != len(ROLES):
            short.append(f"{counts['skins']} skins")
        if counts.get("skeletons") is not None and counts["skeletons"] < 1:
            short.append("no skeleton")
        failures += [f"{client}: {s}" for s in short]
        print(f"  {client:10} {'ok' if not short else 'SHORT'} {json.dumps(shown, sort_keys=True)}")
    for f in failures:
        print(f"  FAIL {f}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
