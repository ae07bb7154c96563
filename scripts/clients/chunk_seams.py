"""Neighbouring chunks in a real client: import a block of tiles into Blender, measure the
shared borders and render them side by side.

    python3 scripts/clients/chunk_seams.py OYSTER_GENERATE OUT_DIR [--prompt P] [--seed N]
                                           [--size M] [--block N] [--origin X,Z]
                                           [--render out.png] [--samples N]

Generates the N x N tiles from (X,Z) (default 2 x 2 from 0,0) with `oyster-generate --chunks`,
imports the GLBs
with Blender's glTF importer and, for every pair that shares a border, matches the terrain
vertices on it by position and reports the largest height, normal and UV difference Blender
sees. Exit 1 when a border has a gap (a vertex with no partner), a height or UV difference
above 1e-4, or a normal difference above 5e-3 (0.3°; the files' normals are bit-identical, but
Blender stores imported custom normals compressed relative to each mesh's own per-corner spaces,
so one file normal decodes a little differently in two meshes: up to 2e-3 on the steep banks
of a village block's river, measured);
77 when Blender (bpy) is not installed. With --render, also renders the block from an
oblique camera over its middle (Cycles, CPU, the tiles' own sun and the sky colour of their
environment) so the borders can be judged by eye.
"""
import argparse
import json
import math
import os
import subprocess
import sys

def generate(tool, out, prompt, seed, size, tiles):
    """The block in one `--chunks` run (one world plan, as a streaming game makes them)."""
    xs = [t[0] for t in tiles]
    zs = [t[1] for t in tiles]
    cmd = [tool, "--chunks", f"{min(xs)},{min(zs)}:{max(xs)},{max(zs)}", "--chunk-size", str(int(size)), "--seed", str(seed),
           "-o", os.path.join(out, "chunk.glb"), "-q"]
    if prompt:
        cmd.insert(1, prompt)
    subprocess.run(cmd, check=True)
    return {(x, z): os.path.join(out, f"chunk_{x}_{z}.glb") for x, z in tiles}


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


def sky_colour(path):
    """The sky colour overhead from a GLB's asset.extras.environment (blue when absent)."""
    import struct
    with open(path, "rb") as f:
        data = f.read()
    length = struct.unpack_from("<I", data, 12)[0]
    doc = json.loads(data[20:20 + length])
    env = doc.get("asset", {}).get("extras", {}).get("environment", {})
    c = env.get("skyColor", [0.45, 0.62, 0.9])
    return (c[0], c[1], c[2], 1)


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
    ap.add_argument("--block", type=int, default=2)
    ap.add_argument("--origin", default="0,0")
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
    ox, oz = (int(v) for v in args.origin.split(","))
    n = max(2, args.block)
    tiles = [(ox + i, oz + j) for j in range(n) for i in range(n)]
    paths = generate(args.tool, args.out, args.prompt, args.seed, args.size, tiles)

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
    pairs = []
    for (x, z) in tiles:
        if (x + 1, z) in paths:
            pairs.append(((x, z), (x + 1, z), "x", (x + 1) * size))
        if (x, z + 1) in paths:
            pairs.append(((x, z), (x, z + 1), "z", (z + 1) * size))
    ok = True
    for ta, tb, axis, value in pairs:
        va, vb = {}, {}
        for o in terrain[ta]:
            va.update(border_vertices(bpy, o, axis, value))
        for o in terrain[tb]:
            vb.update(border_vertices(bpy, o, axis, value))
        r = compare(va, vb)
        good = r["shared"] > 0 and r["missing"] == 0 and max(r["height"], r["uv"]) <= 1e-4 and r["normal"] <= 5e-3
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
        world.node_tree.nodes["Background"].inputs[0].default_value = sky_colour(paths[tiles[0]])
        # The block's middle, in Blender's frame (glTF z -> -y).
        mid = ox * size + n * size / 2, oz * size + n * size / 2
        centre_tile = (ox + n // 2, oz + n // 2) if n % 2 else (ox + n // 2, oz + n // 2 - 1)
        line = (ox + n // 2) * size
        heights = [v[0] for o in terrain[centre_tile] for v in border_vertices(bpy, o, "x", line).values()]
        corner = mathutils.Vector((mid[0], -mid[1], sum(heights) / max(1, len(heights))))
        data = bpy.data.cameras.new("Seams")
        data.lens = 24
        data.clip_end = 5000
        cam = bpy.data.objects.new("Seams", data)
        scene.collection.objects.link(cam)
        reach = n * size / 2
        cam.location = corner + mathutils.Vector((-reach * 1.1, reach * 1.1, reach * 0.8))
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
