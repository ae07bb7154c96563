"""Neighbouring chunks in a real client: import a 2 x 2 block of tiles into Blender, measure
the shared borders and render them side by side.

    python3 scripts/clients/chunk_seams.py OYSTER_GENERATE OUT_DIR [--prompt P] [--seed N]
                                           [--size M] [--render out.png] [--samples N]

Generates tiles (0,0) (1,0) (0,1) (1,1) with `oyster-generate --chunk`, imports the four GLBs
with Blender's glTF importer and, for every pair that shares a border, matches the terrain
vertices on it by position and reports the largest height, normal and UV difference Blender
sees. Exit 1 when a border has a gap (a vertex with no partner), a height or UV difference
above 1e-4, or a normal difference above 2e-3 (the files' normals are bit-identical; Blender
stores imported custom normals in a compressed per-corner form that moves them by ~6e-4);
77 when Blender (bpy) is not installed. With --render, also renders the four tiles
from an oblique camera over the shared corner (Cycles, CPU) so the borders can be judged
by eye.
"""
import argparse
import json
import math
import os
import subprocess
import sys

TILES = [(0, 0), (1, 0), (0, 1), (1, 1)]


def generate(tool, out, prompt, seed, size):
    paths = {}
    for x, z in TILES:
        path = os.path.join(out, f"chunk_{x}_{z}.glb")
        cmd = [tool, "--chunk", f"{x},{z}", "--chunk-size", str(size), "--seed", str(seed), "-o", path, "-q"]
        if prompt:
            cmd.insert(1, prompt)
        subprocess.run(cmd, check=True)
        paths[(x, z)] = path
    return paths


def border_vertices(bpy, obj, axis, value):
    """Terrain vertices of `obj` on the world line glTF-axis == value, keyed by the other
    coordinate: (height, normal, uv), all in glTF frame (Blender imports +Y up as +Z)."""
    mesh = obj.data
    world = obj.matrix_world
    rot = world.to_3x3()
    uv_layer = mesh.uv_layers.active
    normals = mesh.corner_normals
    found = {}
    for loop in mesh.loops:
        co = world @ mesh.vertices[loop.vertex_index].co
        gx, gy, gz = co.x, co.z, -co.y  # Blender Z-up -> glTF Y-up
        coord = gx if axis == "x" else gz
        if abs(coord - value) > 1e-3:
            continue
        n = (rot @ normals[loop.index].vector).normalized()
        normal = (n.x, n.z, -n.y)
        uv = tuple(uv_layer.data[loop.index].uv) if uv_layer else (0.0, 0.0)
        key = round(gz if axis == "x" else gx, 3)
        found.setdefault(key, (gy, normal, uv))
    return found


def compare(a, b):
    keys = set(a) | set(b)
    missing = len(keys - set(a)) + len(keys - set(b))
    dh = dn = duv = 0.0
    for k in set(a) & set(b):
        (ha, na, ua), (hb, nb, ub) = a[k], b[k]
        dh = max(dh, abs(ha - hb))
        dn = max(dn, math.sqrt(sum((p - q) ** 2 for p, q in zip(na, nb))))
        duv = max(duv, max(abs(p - q) for p, q in zip(ua, ub)))
    return dict(shared=len(set(a) & set(b)), missing=missing, height=dh, normal=dn, uv=duv)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool")
    ap.add_argument("out")
    ap.add_argument("--prompt", default="")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=float, default=64)
    ap.add_argument("--render")
    ap.add_argument("--samples", type=int, default=8)
    args = ap.parse_args()
    try:
        import bpy
        import mathutils
    except ImportError:
        print(json.dumps({"skipped": "bpy not installed"}))
        sys.exit(77)
    os.makedirs(args.out, exist_ok=True)
    paths = generate(args.tool, args.out, args.prompt, args.seed, args.size)

    bpy.ops.wm.read_factory_settings(use_empty=True)
    terrain = {}
    for tile, path in paths.items():
        before = set(bpy.data.objects)
        bpy.ops.import_scene.gltf(filepath=path)
        new = [o for o in bpy.data.objects if o not in before]
        terrain[tile] = [o for o in new if o.type == "MESH" and o.name.startswith("Terrain")]
        if not terrain[tile]:
            print(json.dumps({"error": f"tile {tile}: no Terrain mesh in Blender"}))
            sys.exit(1)

    size = args.size
    pairs = [((0, 0), (1, 0), "x", size), ((0, 1), (1, 1), "x", size), ((0, 0), (0, 1), "z", size), ((1, 0), (1, 1), "z", size)]
    ok = True
    for ta, tb, axis, value in pairs:
        va, vb = {}, {}
        for o in terrain[ta]:
            va.update(border_vertices(bpy, o, axis, value))
        for o in terrain[tb]:
            vb.update(border_vertices(bpy, o, axis, value))
        r = compare(va, vb)
        good = r["shared"] > 0 and r["missing"] == 0 and max(r["height"], r["uv"]) <= 1e-4 and r["normal"] <= 2e-3
        ok &= good
        print(json.dumps(dict(border=f"{ta}|{tb}", ok=good, **r)))

    if args.render:
        scene = bpy.context.scene
        # Every tile carries the same sun and a camera; keep one sun, drop the rest.
        suns = [o for o in scene.objects if o.type == "LIGHT" and o.data.type == "SUN"]
        for o in suns[1:] + [o for o in scene.objects if o.type == "CAMERA"]:
            bpy.data.objects.remove(o)
        world = bpy.data.worlds.new("World")
        scene.world = world
        world.use_nodes = True
        world.node_tree.nodes["Background"].inputs[0].default_value = (0.45, 0.62, 0.9, 1)
        # The shared corner, in Blender's frame (glTF z -> -y).
        corner = mathutils.Vector((size, -size, 0))
        heights = [v[0] for o in terrain[(0, 0)] for v in border_vertices(bpy, o, "x", size).values()]
        corner.z = sum(heights) / max(1, len(heights))
        data = bpy.data.cameras.new("Seams")
        data.lens = 24
        data.clip_end = 5000
        cam = bpy.data.objects.new("Seams", data)
        scene.collection.objects.link(cam)
        cam.location = corner + mathutils.Vector((-size * 1.1, size * 1.1, size * 0.8))
        cam.rotation_euler = (corner - cam.location).to_track_quat("-Z", "Y").to_euler()
        scene.camera = cam
        scene.render.engine = "CYCLES"
        scene.cycles.device = "CPU"
        scene.cycles.samples = args.samples
        scene.cycles.use_denoising = False
        scene.render.resolution_x = 640
        scene.render.resolution_y = 360
        scene.render.threads = 2
        scene.render.filepath = os.path.abspath(args.render)
        bpy.ops.render.render(write_still=True)
        print(json.dumps({"rendered": args.render}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
