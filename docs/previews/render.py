"""Render a generated world with Blender (bpy 4.5): from the scene's own camera or from outside.

    python3 docs/previews/render.py scene.gltf out.png [camera|outside] [samples] [width]
        [--engine cycles|eevee] [--view-transform NAME] [--exposure EV] [--repeat N]

Reads (from .gltf or .glb) the sky colour and night flag that oyster-generate stores in
asset.extras.environment, so the background matches the time of day. The frame is
width x width*9/16.

--engine cycles (the default): Cycles on CPU, few samples, denoiser off.
--engine eevee: EEVEE Next (BLENDER_EEVEE_NEXT), which draws with OpenGL; headless it runs
  on EGL (Mesa's llvmpipe on a machine without a GPU). Samples are EEVEE's TAA samples.
  Interiors get no world light (EEVEE would let the sky in through the walls).
--view-transform: the colour management view ("AgX", Blender's default; "Khronos PBR
  Neutral", oyster-render's default tone mapping; "Standard").
--exposure EV: the view's exposure in stops (default: +2 for an outdoor night, else 0).
--repeat N: render the frame N times in this process (the first render compiles EEVEE's
  shaders) and print each render call's seconds, for benchmarks.

Prints "render call N: S s" for each render call and "rendered OUT".
"""
import json
import struct
import sys
import time

import bpy
import mathutils

args = sys.argv[1:]
if "--" in args:
    args = args[args.index("--") + 1:]
options = {"--engine": "cycles", "--view-transform": None, "--repeat": "1", "--exposure": None}
positional = []
i = 0
while i < len(args):
    if args[i] in options and i + 1 < len(args):
        options[args[i]] = args[i + 1]
        i += 2
    else:
        positional.append(args[i])
        i += 1
args = positional
engine = options["--engine"].lower()
if engine not in ("cycles", "eevee"):
    sys.exit(f"render.py: --engine must be cycles or eevee, not {engine}")
src, out = args[0], args[1]
mode = args[2] if len(args) > 2 else "camera"
samples = int(args[3]) if len(args) > 3 else 16
width = int(args[4]) if len(args) > 4 else 640

bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.import_scene.gltf(filepath=src)
scene = bpy.context.scene

def document(path):
    """The glTF JSON of a .gltf or a .glb (its first chunk)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] == b"glTF":
        length = struct.unpack_from("<I", data, 12)[0]
        return json.loads(data[20:20 + length])
    return json.loads(data)


env, recipe = {}, {}
try:
    extras = document(src)["asset"]["extras"]
    env, recipe = extras.get("environment", {}), extras.get("recipe", {})
except (OSError, KeyError, ValueError, struct.error):
    pass
# Lights are photometric (Blender's default import reads them right); open up two stops at
# night as a photographer would.
if env.get("night") and recipe.get("scene") != "interior":
    scene.view_settings.exposure = 2.0
if options["--exposure"] is not None:
    scene.view_settings.exposure = float(options["--exposure"])
sky = env.get("skyColor", [0.5, 0.6, 0.8])
world = bpy.data.worlds.new("World")
scene.world = world
world.use_nodes = True
bg = world.node_tree.nodes["Background"]
bg.inputs[0].default_value = (sky[0], sky[1], sky[2], 1)
bg.inputs[1].default_value = 0.5 if env.get("night") else 1.0

cams = [o for o in scene.objects if o.type == "CAMERA"]
if mode == "camera" and cams:
    scene.camera = cams[0]
else:
    lo = [1e9] * 3
    hi = [-1e9] * 3
    for o in scene.objects:
        if o.type == "MESH":
            for c in o.bound_box:
                w = o.matrix_world @ mathutils.Vector(c)
                for i in range(3):
                    lo[i] = min(lo[i], w[i])
                    hi[i] = max(hi[i], w[i])
    centre = mathutils.Vector([(a + b) / 2 for a, b in zip(lo, hi)])
    size = max(hi[0] - lo[0], hi[1] - lo[1])
    data = bpy.data.cameras.new("Outside")
    data.clip_end = 10000
    data.lens = 30
    cam = bpy.data.objects.new("Outside", data)
    scene.collection.objects.link(cam)
    cam.location = centre + mathutils.Vector((size * 0.75, -size * 0.75, size * 0.6))
    cam.rotation_euler = (centre - cam.location).to_track_quat("-Z", "Y").to_euler()
    scene.camera = cam

if engine == "cycles":
    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.samples = samples
    scene.cycles.use_denoising = False
else:
    scene.render.engine = "BLENDER_EEVEE_NEXT"
    scene.eevee.taa_render_samples = samples
    # The default 512 MB shadow pool overflows on the snowy alpine world ("Shadow buffer
    # full", shadows go missing); the largest pool keeps them.
    scene.eevee.shadow_pool_size = "1024"
    # EEVEE does not occlude the world's light without baked volume probes, so a closed
    # interior would be lit by the sky through its walls (a blue-grey cast Cycles does not
    # have); an interior sees no sky.
    if recipe.get("scene") == "interior":
        bg.inputs[1].default_value = 0.0
if options["--view-transform"]:
    scene.view_settings.view_transform = options["--view-transform"]
scene.render.resolution_x = width
scene.render.resolution_y = width * 9 // 16
scene.render.resolution_percentage = 100
scene.render.filepath = out
scene.render.image_settings.file_format = "PNG"
scene.render.threads = 2
for n in range(max(1, int(options["--repeat"]))):
    t0 = time.perf_counter()
    bpy.ops.render.render(write_still=True)
    print(f"render call {n + 1}: {time.perf_counter() - t0:.3f} s", flush=True)
print("rendered", out)
