"""Dumps Blender's evaluation of Fixtures/blender/rich.glb's animations to a golden JSON file.

Run: python3 scripts/blender_pose_golden.py [in.glb] [out.json]   (needs `pip install bpy==4.5.3`)

For each glTF animation (Blender imports each as an action) and a few times, only that action
is made active (NLA tracks muted), the frame is set, and the script records, in glTF space:
- world matrices of mesh and empty objects: glTF's Y-up is Blender's Z-up, the importer maps a
  glTF point (x, y, z) to (x, -z, y) = C·p, so an object's glTF world matrix is C⁻¹·W·C;
- world matrices of the armature's bones (glTF joints): the importer keeps a joint's own axes
  on its bone, so a joint's glTF world matrix is C⁻¹·(armature world · pose bone matrix);
- shape-key values (glTF morph weights), by the node whose mesh owns them.
Cameras and lights are left out: Blender adds its own correction rotation to them.
Matrices are column-major lists of 16 floats, as glTF stores them.
"""
import json
import sys

import bpy
from mathutils import Matrix

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "Fixtures/blender/rich.glb"
OUTPUT = sys.argv[2] if len(sys.argv) > 2 else "Fixtures/blender/rich-pose.json"
# Frames at 24 fps: before the first key (0), on keys, between keys, after the last key.
FRAMES = [0.0, 1.0, 10.5, 24.0, 31.25, 40.0, 60.0, 72.0]

C = Matrix(((1, 0, 0, 0), (0, 0, -1, 0), (0, 1, 0, 0), (0, 0, 0, 1)))
C_INV = C.inverted()


def column_major(m):
    return [round(m[row][col], 6) for col in range(4) for row in range(4)]


bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.import_scene.gltf(filepath=SOURCE)
scene = bpy.context.scene
fps = scene.render.fps / scene.render.fps_base

# Every datablock an action can drive: objects and shape-key blocks.
owners = list(bpy.data.objects) + list(bpy.data.shape_keys)
for owner in owners:
    data = owner.animation_data or owner.animation_data_create()
    for track in data.nla_tracks:
        track.mute = True


def key_owner_node(key):
    """The object (glTF node) whose mesh uses this shape-key block."""
    for obj in bpy.data.objects:
        if obj.type == "MESH" and obj.data.shape_keys == key:
            return obj.name
    return None


def transformables():
    for obj in bpy.data.objects:
        yield obj
        if obj.type == "ARMATURE":
            yield from obj.pose.bones


# The rest state as imported: unassigning an action leaves the last evaluated values in place,
# so every action starts from here (nodes an animation does not drive keep their rest pose).
rest = [(item, item.location.copy(), item.rotation_mode, item.rotation_quaternion.copy(), item.rotation_euler.copy(), item.scale.copy())
        for item in transformables()]
rest_keys = [(block, block.value) for key in bpy.data.shape_keys for block in key.key_blocks]


def activate(action):
    """Restores the rest state, then makes `action` the only active one, on the datablocks it has a slot for."""
    for item, location, mode, quaternion, euler, scale in rest:
        item.location, item.rotation_mode, item.scale = location, mode, scale
        item.rotation_quaternion, item.rotation_euler = quaternion, euler
    for block, value in rest_keys:
        block.value = value
    for owner in owners:
        data = owner.animation_data
        # The importer names a shape-key slot after the object, not after the key block.
        name = key_owner_node(owner) if isinstance(owner, bpy.types.Key) else owner.name
        slot = next((s for s in action.slots if s.identifier[2:] == name and s.identifier[:2] == owner.id_type[:2]), None)
        if slot is not None:
            data.action = action
            data.action_slot = slot
        else:
            data.action = None


samples = []
for action in sorted(bpy.data.actions, key=lambda a: a.name):
    activate(action)
    for frame in FRAMES:
        whole = int(frame // 1)
        scene.frame_set(whole, subframe=frame - whole)
        nodes, joints, weights = {}, {}, {}
        for obj in sorted(bpy.data.objects, key=lambda o: o.name):
            if obj.type in ("MESH", "EMPTY", "ARMATURE"):
                nodes[obj.name] = column_major(C_INV @ obj.matrix_world @ C)
            if obj.type == "ARMATURE":
                for bone in obj.pose.bones:
                    joints[bone.name] = column_major(C_INV @ obj.matrix_world @ bone.matrix)
        for key in bpy.data.shape_keys:
            node = key_owner_node(key)
            if node:
                weights[node] = [round(b.value, 6) for b in key.key_blocks[1:]]
        samples.append({"animation": action.name, "frame": frame, "time": frame / fps,
                        "nodes": nodes, "joints": joints, "weights": weights})

with open(OUTPUT, "w") as f:
    json.dump({"source": SOURCE, "blender": bpy.app.version_string, "fps": fps, "samples": samples}, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote", OUTPUT, len(samples), "samples")
