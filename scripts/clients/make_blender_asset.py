"""Build a rich scene in Blender and export it with Blender's own glTF exporter.

The result is the kind of asset users bring: textures, a hierarchy, a skinned mesh with an
armature, shape keys, several animations, a camera and sun/point/spot lights.
usage: python3 make_blender_asset.py OUT.glb [--seed N]
"""
import sys, math, random, os, tempfile
import bpy

out = sys.argv[1]
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
rng = random.Random(seed)
bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene

def textured_material(name, color):
    img = bpy.data.images.new(name + "_tex", 32, 32)
    px = []
    for y in range(32):
        for x in range(32):
            c = color if ((x // 8 + y // 8) % 2 == 0) else tuple(v * 0.4 for v in color)
            px += [c[0], c[1], c[2], 1.0]
    img.pixels = px
    path = os.path.join(tempfile.mkdtemp(), name + ".png")
    img.filepath_raw = path
    img.file_format = "PNG"
    img.save()
    mat = bpy.data.materials.new(name)
    mat.use_nodes = True
    bsdf = mat.node_tree.nodes["Principled BSDF"]
    tex = mat.node_tree.nodes.new("ShaderNodeTexImage")
    tex.image = img
    mat.node_tree.links.new(tex.outputs["Color"], bsdf.inputs["Base Color"])
    bsdf.inputs["Roughness"].default_value = rng.uniform(0.3, 0.9)
    return mat

# Hierarchy: a base with two children, each textured.
bpy.ops.mesh.primitive_cube_add(size=2, location=(0, 0, 1))
base = bpy.context.object; base.name = "Base"
base.data.materials.append(textured_material("Stone", (0.6, 0.6, 0.55)))
bpy.ops.mesh.primitive_uv_sphere_add(radius=0.6, location=(0, 0, 2.6))
head = bpy.context.object; head.name = "Head"; head.parent = base
head.data.materials.append(textured_material("Paint", (0.8, 0.2, 0.1)))
bpy.ops.mesh.primitive_cylinder_add(radius=0.2, depth=1.5, location=(1.5, 0, 1))
arm = bpy.context.object; arm.name = "Pillar"; arm.parent = base
arm.data.materials.append(bpy.data.materials["Stone"])

# Shape keys with an animation on the sphere.
head.shape_key_add(name="Basis")
sk = head.shape_key_add(name="Squash")
for v in sk.data:
    v.co.z *= 0.5
sk.value = 0.0
sk.keyframe_insert("value", frame=1)
sk.value = 1.0
sk.keyframe_insert("value", frame=30)

# Skinned mesh: a segmented column bent by a two-bone armature, with its own action.
bpy.ops.object.armature_add(location=(-3, 0, 0))
rig = bpy.context.object; rig.name = "Rig"
bpy.ops.object.mode_set(mode="EDIT")
b1 = rig.data.edit_bones[0]; b1.name = "Lower"; b1.head = (0, 0, 0); b1.tail = (0, 0, 1)
b2 = rig.data.edit_bones.new("Upper"); b2.head = (0, 0, 1); b2.tail = (0, 0, 2); b2.parent = b1
bpy.ops.object.mode_set(mode="OBJECT")
bpy.ops.mesh.primitive_cylinder_add(radius=0.3, depth=2, location=(-3, 0, 1), vertices=12)
col = bpy.context.object; col.name = "Column"
bpy.ops.object.mode_set(mode="EDIT"); bpy.ops.mesh.subdivide(number_cuts=6); bpy.ops.object.mode_set(mode="OBJECT")
col.data.materials.append(bpy.data.materials["Paint"])
col.select_set(True); rig.select_set(True); bpy.context.view_layer.objects.active = rig
bpy.ops.object.parent_set(type="ARMATURE_AUTO")
rig.animation_data_create()
act = bpy.data.actions.new("Bend"); rig.animation_data.action = act
pb = rig.pose.bones["Upper"]; pb.rotation_mode = "XYZ"
for f, a in ((1, 0.0), (20, 0.8), (40, 0.0)):
    pb.rotation_euler = (a, 0, 0); pb.keyframe_insert("rotation_euler", frame=f)

# Object animations: the base spins, the pillar bobs (separate actions -> separate glTF animations).
base.animation_data_create(); base.animation_data.action = bpy.data.actions.new("Spin")
for f, a in ((1, 0.0), (60, math.pi)):
    base.rotation_euler = (0, 0, a); base.keyframe_insert("rotation_euler", frame=f)
arm.animation_data_create(); arm.animation_data.action = bpy.data.actions.new("Bob")
for f, z in ((1, 1.0), (30, 1.5), (60, 1.0)):
    arm.location.z = z; arm.keyframe_insert("location", frame=f)

# Camera and lights.
bpy.ops.object.camera_add(location=(8, -8, 6), rotation=(1.1, 0, 0.78)); bpy.context.object.name = "Camera"
scene.camera = bpy.context.object
bpy.ops.object.light_add(type="SUN", location=(0, 0, 10)); bpy.context.object.name = "Sun"
bpy.ops.object.light_add(type="POINT", location=(3, 3, 3)); bpy.context.object.name = "Lamp"
bpy.context.object.data.energy = 500
bpy.ops.object.light_add(type="SPOT", location=(-3, 3, 4)); bpy.context.object.name = "Spot"
bpy.context.object.data.energy = 800

bpy.ops.export_scene.gltf(filepath=out, export_format="GLB" if out.endswith(".glb") else "GLTF_SEPARATE",
                          export_cameras=True, export_lights=True, export_animations=True,
                          export_animation_mode="ACTIONS", export_skins=True, export_morph=True)
print("wrote", out)
