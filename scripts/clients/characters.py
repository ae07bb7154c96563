"""Characters in every client: a lineup of every role (oyster-generate --characters all), of
every quadruped (--characters animals), every bird (birds) and every fish (fish), each checked
by one loop over its kit (KITS).

    python3 scripts/clients/characters.py BIN_DIR OUT_DIR [people|animals|birds|fish ...]

Checks per kit: the same seed gives identical bytes; oyster-validate reports 0 errors; every
oyster-export target's GLB keeps one skin per character with the kit's joint names (21 VRM
bones for people, 19 quadruped joints for animals, 15 for birds, 4 for fish; the web target's
crowds list the skeletons of the bodies they merge in turn), JOINTS_0 and WEIGHTS_0 on every
skinned primitive and one animation per clip; Blender (bpy) imports one armature per character with
the kit's bone count and one action per clip, and playing each walk with the root moving at
its root speed keeps each foot within 2 cm while it is planted (the frames where the foot
joint is at its lowest), with stride x cadence = root speed within 5 %; for birds and fish,
playing each fly or swim action moves the wing tip or tail fin at least as far as the kit says
(`beats`: Blender's own measure of a real wing beat or tail wave) and the action's last frame
puts it back where the first did (the loop closes, within 1 mm); assimp, trimesh,
pygltflib, Panda3D and Godot 3 (counts.py; Godot: one Skeleton per character) open the file.
Exit 1 on any failure. A client that is not installed is reported as skipped.
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
QUADRUPED = ["hips", "spine", "chest", "neck", "head", "tail", "tailTip"] + [
    side + part for side in ("leftFront", "rightFront", "leftHind", "rightHind") for part in ("UpperLeg", "LowerLeg", "Foot")]
SPECIES = ["deer", "sheep", "cow", "horse", "dog"]
ANIMAL_CLIPS = ["idle", "graze", "walk", "run"]
BIRD = ["hips", "chest", "neck", "head", "tail"] + [side + part for side in ("left", "right") for part in ("UpperWing", "LowerWing", "WingTip")] \
    + ["leftUpperLeg", "leftFoot", "rightUpperLeg", "rightFoot"]
BIRDS = ["crow", "gull", "pigeon"]
FISH = ["head", "spine", "tail", "tailFin"]
FISHES = ["trout", "carp"]
TARGETS = ["godot", "unity", "unreal", "blender", "web", "generic"]

# What each kit's lineup is and what a client must find in it. `walks`: per armature-name
# prefix (the character's display name; "" for all), the walk animation it plays and its feet,
# each with its contact as (start, length) in loop phase: the generator's gait (CharacterClip's
# flat-foot phase for people, AnimalClip.walk's lateral sequence and duty factor for animals).
KITS = {
    "people": dict(file="people.glb", kinds="all", count=len(ROLES), joints=VRM, clips=CLIPS,
                   walks=[{"prefix": "", "animation": "walk", "feet": {"leftFoot": [0, 0.42], "rightFoot": [0.5, 0.42]}}]),
    "animals": dict(file="animals.glb", kinds="animals", count=len(SPECIES), joints=QUADRUPED,
                    clips=[f"{s}-{c}" for s in SPECIES for c in ANIMAL_CLIPS],
                    walks=[{"prefix": s.capitalize(), "animation": f"{s}-walk",
                            "feet": {"leftHindFoot": [0, 0.64], "leftFrontFoot": [0.24, 0.64],
                                     "rightHindFoot": [0.5, 0.64], "rightFrontFoot": [0.74, 0.64]}} for s in SPECIES]),
    # Birds and fish have no feet to plant: `beats` names, per species, the clip, the bone whose
    # tip must travel and on which Blender axis (2: up, glTF +Y; 0: sideways, glTF +X), and the
    # least travel in metres (about half what Blender measured: 37, 52 and 24 cm; trout 10.5, carp 12.8).
    "birds": dict(file="birds.glb", kinds="birds", count=len(BIRDS), joints=BIRD,
                  clips=[f"{s}-{c}" for s in BIRDS for c in ("fly", "glide")], walks=[],
                  beats=[{"prefix": s.capitalize(), "animation": f"{s}-fly", "bone": "leftWingTip", "axis": 2, "least": least}
                         for s, least in (("crow", 0.2), ("gull", 0.28), ("pigeon", 0.14))]),
    "fish": dict(file="fish.glb", kinds="fish", count=len(FISHES), joints=FISH,
                 clips=[f"{s}-swim" for s in FISHES], walks=[],
                 beats=[{"prefix": s.capitalize(), "animation": f"{s}-swim", "bone": "tailFin", "axis": 0, "least": least}
                        for s, least in (("trout", 0.05), ("carp", 0.06))]),
}


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


def check_gltf(g, label, kit, crowds=False):
    """Skins, joint names, weights and clips of a GLB's JSON. With `crowds` (the web target)
    the bodies of one material share a skin that lists each body's skeleton in turn: every
    skin is the kit's joints repeated, and the skeletons add up to the kit's count."""
    failures = []
    skins = g.get("skins", [])
    skeletons = 0
    for s in skins:
        names = [g["nodes"][j].get("name") or "" for j in s["joints"]]
        k = len(names) // len(kit["joints"]) if crowds else 1
        # A crowd's joints carry their body's name in front ("Villager_01_hips").
        same = all(n == b or (crowds and n.endswith("_" + b)) for n, b in zip(names, kit["joints"] * k))
        if len(names) != len(kit["joints"]) * k or k == 0 or not same or (crowds and len(set(names)) != len(names)):
            failures.append(f"{label}: joints {names[:4]}... are not the kit's names")
            break
        skeletons += k
    if skeletons != kit["count"]:
        failures.append(f"{label}: {len(skins)} skins with {skeletons} skeletons, expected {kit['count']}")
    if crowds and kit["count"] > 1 and len(skins) >= kit["count"]:
        failures.append(f"{label}: {len(skins)} skins: no bodies share a crowd")
    for n in g["nodes"]:
        if "skin" in n:
            for p in g["meshes"][n["mesh"]]["primitives"]:
                if "JOINTS_0" not in p["attributes"] or "WEIGHTS_0" not in p["attributes"]:
                    failures.append(f"{label}: a skinned primitive has no JOINTS_0/WEIGHTS_0")
    names = [a.get("name", "") for a in g.get("animations", [])]
    for c in kit["clips"]:
        if c not in names and c + "-loop" not in names:
            failures.append(f"{label}: no animation '{c}'")
    return failures


def play(arm, action):
    """Gives Blender armature `arm` the action `action` (inside Blender)."""
    arm.animation_data_create()
    arm.animation_data.action = action
    # Blender 4.4+ keeps one slot per armature in a shared action.
    slots = getattr(action, "slots", None)
    if slots is not None and len(slots) > 0 and hasattr(arm.animation_data, "action_slot"):
        own = [s for s in slots if s.name_display == arm.name] or list(slots)
        arm.animation_data.action_slot = own[0]


def blender_check(path, walks, beats=()):
    """Runs inside Blender's Python: prints one JSON line of what Blender saw. `walks` lists
    {prefix, animation, feet, speed, duration}: each armature whose name starts with `prefix`
    plays that walk's action and each foot is measured over its contact phases. `beats` lists
    {prefix, animation, bone, axis, duration}: the bone's tip is followed over the action."""
    import bpy
    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.ops.import_scene.gltf(filepath=path)
    scene = bpy.context.scene
    arms = [o for o in scene.objects if o.type == "ARMATURE"]
    actions = {a.name: a for a in bpy.data.actions}
    out = {"armatures": len(arms), "bones": sorted({len(a.data.bones) for a in arms}),
           "actions": sorted(actions), "fps": scene.render.fps / scene.render.fps_base}
    fps = out["fps"]
    worst, strides = 0.0, []
    for walk in walks:
        action = next((a for n, a in actions.items() if n.split("_")[0] in (walk["animation"], walk["animation"] + "-loop")), None)
        mine = [a for a in arms if a.name.startswith(walk["prefix"])]
        if action is None or not mine:
            continue
        speed, duration = walk["speed"], walk["duration"]
        for arm in mine:
            play(arm, action)
        steps = 100
        track = {}
        for k in range(steps + 1):
            t = duration * k / steps
            f = t * fps
            scene.frame_set(int(f), subframe=f - int(f))
            for arm in mine:
                for side in walk["feet"]:
                    p = arm.matrix_world @ arm.pose.bones[side].head
                    # glTF +Z (the walking direction) is Blender's -Y.
                    track.setdefault((arm.name, side), []).append((t, p.x, p.y, p.z))
        for (armature, side), pts in track.items():
            start, length = walk["feet"][side]
            # The samples inside the foot's contact, as one run (wrapping round the loop end).
            inside = [i for i in range(steps + 1) if (i / steps - start) % 1.0 <= length + 1e-6]
            runs, cur = [], []
            for i in inside:
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
                if t1 - t0 > 0.1 * duration:
                    # The stride as a fraction of the walk's own (speed x loop), so kits of many speeds compare.
                    strides.append(back / (t1 - t0) * duration / (speed * duration))
    out["walkDrift"] = worst
    out["strideRatios"] = [min(strides), max(strides)] if strides else []
    out["beats"] = []
    for beat in beats:
        action = next((a for n, a in actions.items() if n.split("_")[0] in (beat["animation"], beat["animation"] + "-loop")), None)
        arm = next((a for a in arms if a.name.startswith(beat["prefix"])), None)
        if action is None or arm is None:
            out["beats"].append({"animation": beat["animation"], "travel": 0.0, "loopGap": None})
            continue
        play(arm, action)
        values = []
        for k in range(41):
            f = beat["duration"] * k / 40 * fps
            scene.frame_set(int(f), subframe=f - int(f))
            tip = arm.matrix_world @ arm.pose.bones[beat["bone"]].tail
            values.append(tuple(tip))
        axis = [v[beat["axis"]] for v in values]
        gap = sum((a - b) ** 2 for a, b in zip(values[0], values[-1])) ** 0.5
        out["beats"].append({"animation": beat["animation"], "travel": max(axis) - min(axis), "loopGap": gap})
    print("RESULT " + json.dumps(out))


def check_kit(bin_dir, out, name):
    """Generates the kit's lineup and checks it in every client; returns the failures."""
    kit = KITS[name]
    print(f" {name}:")
    failures = []
    path = os.path.join(out, kit["file"])
    for p in (path, path + ".again.glb"):
        r = run([os.path.join(bin_dir, "oyster-generate"), "a village", "--seed", "3", "--characters", kit["kinds"], "-o", p, "-q"])
        if r.returncode != 0:
            return [f"{name}: oyster-generate exit {r.returncode}: {r.stderr.strip()[-200:]}"]
    same = open(path, "rb").read() == open(path + ".again.glb", "rb").read()
    if not same:
        failures.append(f"{name}: same seed gave different bytes")
    errors = validator_errors(bin_dir, path)
    if errors != 0:
        failures.append(f"{name}: oyster-validate: {errors} errors")
    g = glb_json(path)
    failures += check_gltf(g, f"{name} generated", kit)
    beats = []
    for b in kit.get("beats", []):
        a = next(a for a in g["animations"] if a.get("name") == b["animation"])
        beats.append(dict(b, duration=max(max(g["accessors"][s["input"]]["max"]) for s in a["samplers"])))
    walks = []
    for w in kit["walks"]:
        a = next(a for a in g["animations"] if a.get("name") == w["animation"])
        speed = a.get("extras", {}).get("rootSpeed")
        duration = max(max(g["accessors"][s["input"]]["max"]) for s in a["samplers"])
        walks.append(dict(w, speed=speed, duration=duration))
    shown = ", ".join(f"{w['animation']} {w['speed']:.2f} m/s x {w['duration']:.2f} s" for w in walks)
    print(f"  deterministic={same} validator_errors={errors} skins={len(g.get('skins', []))} walks: {shown}")
    for target in TARGETS:
        r = run([os.path.join(bin_dir, "oyster-export"), path, "--target", target, "-o", os.path.join(out, name + "-" + target), "-q"])
        if r.returncode != 0:
            failures.append(f"{name}: oyster-export {target}: exit {r.returncode} {r.stderr.strip()[-200:]}")
            continue
        glb = os.path.join(out, name + "-" + target, kit["file"])
        problems = check_gltf(glb_json(glb), f"{name} {target}", kit, crowds=target == "web")
        failures += problems
        print(f"  export {target:8} {'ok' if not problems else 'FAILED'}")
    # Blender: armatures, actions and each walk measured on the imported bones.
    r = run([sys.executable, "-c", "import bpy"])
    if r.returncode != 0:
        print("  blender    skipped (bpy not installed)")
    else:
        r = run([sys.executable, os.path.abspath(__file__), "--blender", path, json.dumps(walks), json.dumps(beats)])
        line = next((l for l in r.stdout.splitlines() if l.startswith("RESULT ")), None)
        if line is None:
            failures.append(f"{name}: blender: no result ({(r.stderr.strip().splitlines() or ['no output'])[-1]})")
        else:
            b = json.loads(line[7:])
            print(f"  blender    armatures={b['armatures']} bones={b['bones']} actions={len(b['actions'])} "
                  f"walk drift={b['walkDrift'] * 100:.2f} cm stride/(speed x loop)={[round(s, 3) for s in b['strideRatios']]}")
            if b["armatures"] != kit["count"] or b["bones"] != [len(kit["joints"])]:
                failures.append(f"{name}: blender: {b['armatures']} armatures with {b['bones']} bones")
            missing = [c for c in kit["clips"] if not any(a.split("_")[0] in (c, c + "-loop") for a in b["actions"])]
            if missing:
                failures.append(f"{name}: blender: no action for {missing}")
            if b["walkDrift"] >= 0.02:
                failures.append(f"{name}: blender: a planted foot moves {b['walkDrift'] * 100:.2f} cm")
            if kit["walks"] and (not b["strideRatios"] or any(abs(s - 1) > 0.05 for s in b["strideRatios"])):
                failures.append(f"{name}: blender: strides {b['strideRatios']} of speed x loop, expected 1 within 5 %")
            for want, got in zip(kit.get("beats", []), b.get("beats", [])):
                gap = "-" if got["loopGap"] is None else f"{got['loopGap'] * 1000:.2f} mm"
                print(f"  blender    {got['animation']}: {want['bone']} travels {got['travel'] * 100:.1f} cm, loop gap {gap}")
                if got["travel"] < want["least"]:
                    failures.append(f"{name}: blender: {got['animation']} moves {want['bone']} {got['travel'] * 100:.1f} cm, expected {want['least'] * 100:.0f} cm or more")
                if got["loopGap"] is None or got["loopGap"] > 0.001:
                    failures.append(f"{name}: blender: {got['animation']} does not close its loop ({got['loopGap']})")
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
            failures.append(f"{name}: {client}: {counts.get('error')}")
            print(f"  {client:10} FAILED {counts.get('error')}")
            continue
        shown = {k: counts[k] for k in ("triangles", "animations", "skins", "skeletons", "characters", "meshes") if counts.get(k) is not None}
        short = []
        if counts.get("animations") is not None and counts["animations"] < len(kit["clips"]):
            short.append(f"{counts['animations']} animations")
        if counts.get("skins") is not None and counts["skins"] != kit["count"]:
            short.append(f"{counts['skins']} skins")
        if counts.get("skeletons") is not None and counts["skeletons"] != kit["count"]:
            short.append(f"{counts['skeletons']} skeletons")
        if counts.get("characters") is not None and counts["characters"] != kit["count"]:
            short.append(f"{counts['characters']} characters")
        failures += [f"{name}: {client}: {s}" for s in short]
        print(f"  {client:10} {'ok' if not short else 'SHORT'} {json.dumps(shown, sort_keys=True)}")
    return failures


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--blender":
        blender_check(sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4]) if len(sys.argv) > 4 else [])
        return
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    bin_dir, out = sys.argv[1], sys.argv[2]
    kits = sys.argv[3:] or list(KITS)
    os.makedirs(out, exist_ok=True)
    failures = []
    for name in kits:
        failures += check_kit(bin_dir, out, name)
    for f in failures:
        print(f"  FAIL {f}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
