"""Render a generated world with Blender (bpy 4.5): from the scene's own camera or from outside.

    python3 docs/previews/render.py scene.gltf out.png [camera|outside] [samples] [width]
        [--engine cycles|eevee] [--view-transform NAME] [--exposure EV] [--repeat N] [--no-fog]

Reads (from .gltf or .glb) the sky that oyster-generate stores in asset.extras.environment
(colour overhead and at the horizon, the glow towards a low sun, night) and builds the same
sky gradient oyster-render draws as the world, so background and ambient light match the
time of day; files with only a sky colour get a uniform world of that colour. The frame is
width x width*9/16.

--engine cycles (the default): Cycles on CPU, few samples, denoiser off.
--engine eevee: EEVEE Next (BLENDER_EEVEE_NEXT), which draws with OpenGL; headless it runs
  on EGL (Mesa's llvmpipe on a machine without a GPU). Samples are EEVEE's TAA samples.
  Interiors get no world light (EEVEE would let the sky in through the walls).
--view-transform: the colour management view ("AgX", Blender's default; "Khronos PBR
  Neutral", oyster-render's default tone mapping; "Standard").
--exposure EV: the view's exposure in stops (default: +2 for an outdoor night, else 0).
--no-fog: no distance fog. By default a file whose environment describes the sky (it has a
  horizonColor) also gets oyster-render's height fog (fogDensity), drawn by the compositor
  from the position pass in the sky's colour at the horizon.
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
fog = "--no-fog" not in args
args = [a for a in args if a != "--no-fog"]
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


def scene_sun():
    """The way towards the file's sun (or moon) in Blender's space, and its illuminance on
    oyster-render's scale (W/m² over pi) times its colour."""
    suns = [o for o in scene.objects if o.type == "LIGHT" and o.data.type == "SUN"]
    if not suns:
        return mathutils.Vector((0, 0, 1)), [0, 0, 0]
    # Blender's lights shine down their local -Z; the way towards the sun is +Z.
    to_sun = suns[0].matrix_world.to_quaternion() @ mathutils.Vector((0, 0, 1))
    return to_sun, [c * suns[0].data.energy / 3.14159265 for c in suns[0].data.color]


def flat_unit(v):
    flat = mathutils.Vector((v.x, v.y, 0))
    return flat.normalized() if flat.length > 1e-4 else flat


def sky_gradient(world, bg, zenith, horizon, glow):
    """The sky oyster-render draws, as world nodes (so EEVEE's and Cycles' ambient light is
    the same sky): from the horizon up to the zenith by the square root of the height, the
    horizon brighter by glow * cos³(azimuth from the sun) on the sun's side, and below the
    horizon the ground's bounce of the light falling on it (albedo about 0.2)."""
    to_sun, sun = scene_sun()
    # The light falling on the ground from the sky (0.8 zenith + 0.2 horizon, and the glow's
    # share) and the sun, as oyster-render's FrameLighting has it.
    up = [0.8 * z + 0.2 * h + 0.042 * g for z, h, g in zip(zenith, horizon, glow)]
    ground = [t * 0.2 * (u + s * max(to_sun.z, 0)) for t, u, s in zip((0.9, 0.85, 0.75), up, sun)]
    nodes, links = world.node_tree.nodes, world.node_tree.links

    def node(kind, **settings):
        n = nodes.new(kind)
        for k, v in settings.items():
            setattr(n, k, v)
        return n

    def const(v):
        n = node("ShaderNodeCombineXYZ")
        for i in range(3):
            n.inputs[i].default_value = v[i]
        return n.outputs[0]

    def math(op, a, b=None):
        n = node("ShaderNodeMath", operation=op)
        for socket, value in ((n.inputs[0], a), (n.inputs[1], b)):
            if isinstance(value, (int, float)):
                socket.default_value = value
            elif value is not None:
                links.new(value, socket)
        return n.outputs[0]

    def vmath(op, a, b=None, scale=None):
        n = node("ShaderNodeVectorMath", operation=op)
        links.new(a, n.inputs[0])
        if b is not None:
            links.new(b, n.inputs[1])
        if scale is not None:
            links.new(scale, n.inputs["Scale"])
        return n.outputs["Vector" if op != "DOT_PRODUCT" else "Value"]

    def mix(a, b, t):
        n = node("ShaderNodeMix", data_type="VECTOR")
        links.new(t, n.inputs["Factor"])
        links.new(a, [i for i in n.inputs if i.identifier == "A_Vector"][0])
        links.new(b, [i for i in n.inputs if i.identifier == "B_Vector"][0])
        return [o for o in n.outputs if o.identifier == "Result_Vector"][0]

    # In a world shader the generated coordinates are the direction looked in.
    d = vmath("NORMALIZE", node("ShaderNodeTexCoord").outputs["Generated"])
    xyz = node("ShaderNodeSeparateXYZ")
    links.new(d, xyz.inputs[0])
    flat = node("ShaderNodeCombineXYZ")
    links.new(xyz.outputs["X"], flat.inputs["X"])
    links.new(xyz.outputs["Y"], flat.inputs["Y"])
    side = math("MAXIMUM", vmath("DOT_PRODUCT", vmath("NORMALIZE", flat.outputs[0]), const(flat_unit(to_sun))), 0.0)
    side3 = math("MULTIPLY", math("MULTIPLY", side, side), side)
    horizon_here = vmath("ADD", const(horizon), vmath("SCALE", const(glow), scale=side3))
    z = xyz.outputs["Z"]
    above = mix(horizon_here, const(zenith), math("SQRT", math("MAXIMUM", z, 0.0)))
    below = mix(horizon_here, const(ground), math("MINIMUM", math("MAXIMUM", math("MULTIPLY", z, -6.0), 0.0), 1.0))
    links.new(mix(below, above, math("GREATER_THAN", z, 0.0)), bg.inputs["Color"])
    bg.inputs["Strength"].default_value = 1.0


def height_fog(zenith, horizon, glow, density):
    """oyster-render's exponential height fog as compositor nodes over the render's position
    pass: the density holds at the scene's lowest point and thins by e every 80 m up,
    integrated along the ray from the eye; the fog's colour is the sky's near the horizon in
    the pixel's direction (skyRadiance of (x, 0.02, z) in glTF's axes). The sky behind
    everything is left as it is."""
    to_sun, _ = scene_sun()
    sun_flat = flat_unit(to_sun)
    eye = scene.camera.matrix_world.translation
    base = min((o.matrix_world @ mathutils.Vector(c)).z for o in scene.objects if o.type == "MESH" for c in o.bound_box)
    falloff = 1 / 80
    at_eye = density * 2.718281828 ** (-(eye.z - base) * falloff)
    scene.view_layers[0].use_pass_position = True
    scene.view_layers[0].use_pass_z = True
    scene.use_nodes = True
    tree = scene.node_tree
    tree.nodes.clear()
    nodes, links = tree.nodes, tree.links

    def math(op, a, b=None):
        n = nodes.new("CompositorNodeMath")
        n.operation = op
        for socket, value in ((n.inputs[0], a), (n.inputs[1], b)):
            if isinstance(value, (int, float)):
                socket.default_value = value
            elif value is not None:
                links.new(value, socket)
        return n.outputs[0]

    layers = nodes.new("CompositorNodeRLayers")
    xyz = nodes.new("CompositorNodeSeparateColor")
    links.new(layers.outputs["Position"], xyz.inputs[0])
    dx, dy, dz = (math("SUBTRACT", xyz.outputs[i], eye[i]) for i in range(3))
    flat = math("SQRT", math("ADD", math("MULTIPLY", dx, dx), math("MULTIPLY", dy, dy)))
    distance = math("SQRT", math("ADD", math("MULTIPLY", flat, flat), math("MULTIPLY", dz, dz)))
    # Transmittance exp(-atEye * d * (1 - exp(-rise)) / rise), rise kept off zero.
    rise = math("MULTIPLY", dz, falloff)
    rise = math("ADD", rise, math("MULTIPLY", math("SIGN", math("ADD", rise, 1e-9)), 1e-4))
    along = math("DIVIDE", math("SUBTRACT", 1.0, math("EXPONENT", math("MULTIPLY", rise, -1.0))), rise)
    transmittance = math("EXPONENT", math("MULTIPLY", math("MULTIPLY", distance, along), -at_eye))
    # Geometry only: the sky's depth is far beyond any world.
    amount = math("MULTIPLY", math("SUBTRACT", 1.0, transmittance), math("LESS_THAN", layers.outputs["Depth"], 1e8))
    # The fog's colour: horizon plus the glow on the sun's side, a little way to the zenith.
    side = math("MAXIMUM", math("DIVIDE", math("ADD", math("MULTIPLY", dx, sun_flat.x), math("MULTIPLY", dy, sun_flat.y)),
                                 math("MAXIMUM", flat, 1e-6)), 0.0)
    side3 = math("MULTIPLY", math("MULTIPLY", side, side), side)
    # Height of normalize(x, 0.02, z) for a unit direction whose level part is flat / distance.
    level = math("DIVIDE", flat, math("MAXIMUM", distance, 1e-6))
    up = math("SQRT", math("DIVIDE", 0.02, math("SQRT", math("ADD", math("MULTIPLY", level, level), 0.0004))))
    color = nodes.new("CompositorNodeCombineColor")
    for c in range(3):
        here = math("ADD", math("MULTIPLY", side3, glow[c]), horizon[c])
        links.new(math("ADD", here, math("MULTIPLY", math("SUBTRACT", zenith[c], here), up)), color.inputs[c])
    fogged = nodes.new("CompositorNodeMixRGB")
    links.new(amount, fogged.inputs["Fac"])
    links.new(layers.outputs["Image"], fogged.inputs[1])
    links.new(color.outputs[0], fogged.inputs[2])
    composite = nodes.new("CompositorNodeComposite")
    links.new(fogged.outputs[0], composite.inputs["Image"])


# Files that describe the sky overhead and at the horizon (oyster-generate since the hours
# got their light) get the same gradient as oyster-render; older ones a uniform sky colour.
glow = [0, 0, 0] if env.get("night") else env.get("sunGlowColor", [0, 0, 0])
if "horizonColor" in env:
    sky_gradient(world, bg, sky, env["horizonColor"], glow)

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
# With the sky described (as above), oyster-render's distance fog too, unless --no-fog.
if fog and "horizonColor" in env and env.get("fogDensity", 0) > 0:
    height_fog(sky, env["horizonColor"], glow, env["fogDensity"])
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
