"""Open a 3D file in a real client and print what it saw, as one JSON object.

usage: python3 counts.py TOOL FILE
TOOL: blender | assimp | trimesh | pygltflib | panda3d | godot
Prints {"tool": ..., "ok": true, counts...} or {"ok": false, "skipped"/"error": ...}.
Counts: objects, meshes, materials, images (loaded), animations, cameras, lights, triangles.
Exit 0 when the tool opened the file, 1 when it failed, 77 when the tool is not installed.
"""
import json, os, re, shutil, subprocess, sys, tempfile

def blender(path):
    import bpy
    bpy.ops.wm.read_factory_settings(use_empty=True)
    if path.lower().endswith(".obj"):
        bpy.ops.wm.obj_import(filepath=path)
    else:
        bpy.ops.import_scene.gltf(filepath=path)
    objs = list(bpy.context.scene.objects)
    deps = bpy.context.evaluated_depsgraph_get()
    tris = 0
    for o in objs:
        if o.type == "MESH":
            m = o.evaluated_get(deps).to_mesh()
            m.calc_loop_triangles()
            tris += len(m.loop_triangles)
            o.evaluated_get(deps).to_mesh_clear()
    images = [i for i in bpy.data.images if i.has_data or (i.size[0] > 0 and i.size[1] > 0)]
    return dict(objects=len(objs), meshes=len([o for o in objs if o.type == "MESH"]),
                materials=len(bpy.data.materials), images=len(images), animations=len(bpy.data.actions),
                cameras=len([o for o in objs if o.type == "CAMERA"]), lights=len([o for o in objs if o.type == "LIGHT"]),
                armatures=len([o for o in objs if o.type == "ARMATURE"]), triangles=tris)

def assimp(path):
    if not shutil.which("assimp"):
        raise FileNotFoundError("assimp")
    p = subprocess.run(["assimp", "info", path], capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError((p.stderr or p.stdout).strip().splitlines()[-1:] or "assimp failed")
    def num(label):
        m = re.search(r"^\s*" + label + r"\s*:?\s*(\d+)", p.stdout, re.M)
        return int(m.group(1)) if m else None
    return dict(meshes=num("Meshes"), materials=num("Materials"), images=num("Textures \\(embed\\.\\)"),
                animations=num("Animations"), cameras=num("Cameras"), lights=num("Lights"),
                triangles=num("Faces"), nodes=num("Nodes"))

def trimesh_counts(path):
    import trimesh
    s = trimesh.load(path, force="scene", process=False)
    tris = 0
    for name in s.graph.nodes_geometry:
        _, geom = s.graph[name]
        g = s.geometry[geom]
        if hasattr(g, "faces"):
            tris += len(g.faces)
    images = set()
    mats = set()
    for g in s.geometry.values():
        vis = getattr(g, "visual", None)
        mat = getattr(vis, "material", None)
        if mat is not None:
            mats.add(id(mat))
            for attr in ("baseColorTexture", "image"):
                img = getattr(mat, attr, None)
                if img is not None:
                    images.add(id(img))
    return dict(meshes=len(s.geometry), instances=len(s.graph.nodes_geometry), triangles=tris,
                materials=len(mats), images=len(images))

def pygltflib_counts(path):
    import pygltflib
    g = pygltflib.GLTF2().load(path)
    lights = 0
    ext = (g.extensions or {}).get("KHR_lights_punctual")
    if ext:
        lights = len(ext.get("lights", []))
    # Load every accessor through pygltflib's binary access to prove the buffers resolve.
    blob = g.binary_blob() if path.lower().endswith(".glb") else None
    tris = 0
    for node in g.nodes:
        if node.mesh is None:
            continue
        for p in g.meshes[node.mesh].primitives:
            mode = 4 if p.mode is None else p.mode
            n = g.accessors[p.indices].count if p.indices is not None else g.accessors[p.attributes.POSITION].count
            tris += n // 3 if mode == 4 else (max(0, n - 2) if mode in (5, 6) else 0)
    return dict(nodes=len(g.nodes), meshes=len(g.meshes), materials=len(g.materials), images=len(g.images),
                textures=len(g.textures), animations=len(g.animations), cameras=len(g.cameras), lights=lights,
                skins=len(g.skins), triangles=tris)

def panda3d_counts(path):
    from panda3d.core import loadPrcFileData, Filename, NodePath, GeomNode
    loadPrcFileData("", "window-type none\naudio-library-name null\nnotify-level error\n")
    import gltf
    from direct.showbase.ShowBase import ShowBase
    base = ShowBase(windowType="none")
    if hasattr(gltf, "patch_loader"):  # older panda3d-gltf; newer ones register a loader plugin
        gltf.patch_loader(base.loader)
    model = base.loader.loadModel(Filename.fromOsSpecific(os.path.abspath(path)), noCache=True)
    tris = 0
    geoms = 0
    textures = set()
    for np_ in model.findAllMatches("**/+GeomNode"):
        gn = np_.node()
        for i in range(gn.getNumGeoms()):
            geoms += 1
            geom = gn.getGeom(i)
            for j in range(geom.getNumPrimitives()):
                prim = geom.getPrimitive(j).decompose()
                tris += prim.getNumFaces()
    for t in model.findAllTextures():
        if t.getXSize() > 0:
            textures.add(t.getName())
    chars = model.findAllMatches("**/+Character").getNumPaths()
    cams = model.findAllMatches("**/+Camera").getNumPaths()
    lights = sum(model.findAllMatches("**/+" + k).getNumPaths() for k in ("DirectionalLight", "PointLight", "Spotlight"))
    return dict(geoms=geoms, triangles=tris, images=len(textures), cameras=cams, lights=lights, characters=chars)

GODOT_SCRIPT = r'''
extends SceneTree
func _count(n, c):
    if n is MeshInstance:
        c["meshes"] += 1
        var m = n.mesh
        if m != null:
            for s in range(m.get_surface_count()):
                var arr = m.surface_get_arrays(s)
                var idx = arr[Mesh.ARRAY_INDEX]
                if idx != null and idx.size() > 0:
                    c["triangles"] += idx.size() / 3
                else:
                    c["triangles"] += arr[Mesh.ARRAY_VERTEX].size() / 3
                var mat = n.get_surface_material(s)
                if mat == null:
                    mat = m.surface_get_material(s)
                if mat != null:
                    c["_mats"][mat.get_instance_id()] = true
                    if mat is SpatialMaterial:
                        for t in [mat.albedo_texture, mat.normal_texture, mat.roughness_texture, mat.metallic_texture, mat.emission_texture, mat.ao_texture]:
                            if t != null:
                                c["_imgs"][t.get_instance_id()] = true
    if n is Camera:
        c["cameras"] += 1
    if n is Light:
        c["lights"] += 1
    if n is AnimationPlayer:
        c["animations"] += n.get_animation_list().size()
    if n is CollisionShape:
        c["collision_shapes"] += 1
    if n is StaticBody or n is RigidBody or n is KinematicBody:
        c["bodies"] += 1
    if n is Skeleton:
        c["skeletons"] += 1
    c["objects"] += 1
    for ch in n.get_children():
        _count(ch, c)
func _init():
    var path = OS.get_environment("OYSTER_GODOT_SCENE")
    var res = load(path)
    var out = {"ok": false}
    if res == null:
        out["error"] = "import failed"
    else:
        var inst = res.instance()
        var c = {"objects": 0, "meshes": 0, "triangles": 0, "cameras": 0, "lights": 0, "animations": 0, "collision_shapes": 0, "bodies": 0, "skeletons": 0, "_mats": {}, "_imgs": {}}
        _count(inst, c)
        c["materials"] = c["_mats"].size()
        c["images"] = c["_imgs"].size()
        c.erase("_mats")
        c.erase("_imgs")
        out = c
        out["ok"] = true
    print("OYSTER_COUNTS " + to_json(out))
    quit()
'''

def godot(path):
    exe = shutil.which("godot3") or shutil.which("godot")
    if not exe or not shutil.which("xvfb-run"):
        raise FileNotFoundError("godot3/xvfb-run")
    proj = tempfile.mkdtemp(prefix="oyster-godot-")
    open(os.path.join(proj, "project.godot"), "w").write('config_version=4\n[application]\nconfig/name="check"\n')
    name = os.path.basename(path)
    shutil.copy(path, os.path.join(proj, name))
    if path.lower().endswith(".gltf"):  # bring the sidecar files the .gltf names
        src = os.path.dirname(os.path.abspath(path))
        for f in os.listdir(src):
            if f != name and os.path.isfile(os.path.join(src, f)) and f.rsplit(".", 1)[-1].lower() in ("bin", "png", "jpg", "jpeg"):
                shutil.copy(os.path.join(src, f), os.path.join(proj, f))
    open(os.path.join(proj, "count.gd"), "w").write(GODOT_SCRIPT)
    env = dict(os.environ, OYSTER_GODOT_SCENE="res://" + name)
    # First run imports the asset (editor, headless under Xvfb); the second instances it.
    subprocess.run(["xvfb-run", "-a", exe, "--editor", "--quit", "--path", proj], capture_output=True, timeout=300, env=env)
    p = subprocess.run(["xvfb-run", "-a", exe, "--no-window", "--path", proj, "-s", "count.gd"], capture_output=True, text=True, timeout=300, env=env)
    for line in p.stdout.splitlines():
        if line.startswith("OYSTER_COUNTS "):
            out = json.loads(line[len("OYSTER_COUNTS "):])
            if not out.pop("ok", False):
                raise RuntimeError(out.get("error", "godot failed"))
            shutil.rmtree(proj, ignore_errors=True)
            return out
    raise RuntimeError("godot printed no counts: " + (p.stderr.strip().splitlines() or ["?"])[-1])

TOOLS = dict(blender=blender, assimp=assimp, trimesh=trimesh_counts, pygltflib=pygltflib_counts, panda3d=panda3d_counts, godot=godot)

def main():
    tool, path = sys.argv[1], sys.argv[2]
    try:
        counts = TOOLS[tool](path)
    except (ImportError, FileNotFoundError) as e:
        print(json.dumps({"tool": tool, "ok": False, "skipped": str(e)})); sys.exit(77)
    except Exception as e:
        print(json.dumps({"tool": tool, "ok": False, "error": f"{type(e).__name__}: {e}"})); sys.exit(1)
    print(json.dumps(dict(tool=tool, ok=True, **counts), sort_keys=True)); sys.exit(0)

if __name__ == "__main__":
    main()
