import OysterCore

/// What one export does: the target and the options that override its defaults.
public struct ExportOptions: Sendable {
    /// The engine or tool the package is for.
    public var target: ExportTarget
    /// LOD levels including LOD0 (1 = no LODs); default from the target.
    public var lods: Int
    /// Pack textures into atlas pages.
    public var atlas = true
    /// Largest texture side in pixels; default from the target.
    public var maxTexture: Int
    /// Also write `obj/<name>.obj` with its `.mtl` and textures.
    public var obj = true

    /// The target's defaults.
    public init(target: ExportTarget) {
        self.target = target
        lods = target.defaultLODs
        maxTexture = target.defaultMaxTexture
    }

    /// Triangle ratios of LOD1, LOD2, … relative to LOD0: 50 %, 25 %, …
    public var lodRatios: [Float] {
        lods <= 1 ? [] : (1..<lods).map { k in (0..<k).reduce(Float(1)) { r, _ in r * 0.5 } }
    }

    /// The package's file stem: the input's file name without extension, made safe.
    public static func packageName(forInput path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.contains(".") ? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)]) : file
        let safe = Scene.safeName(stem)
        return safe.isEmpty ? "scene" : safe
    }

    /// The engine rules this target's package follows, for the manifest.
    public var conventions: [String] {
        switch target {
        case .godot:
            return ["collision: convex hull child nodes named <Node>-convcolonly, terrain, ice and interiors <Node>-colonly (Godot 3 scene importer name hints: StaticBody + CollisionShape); water and weather get none",
                    "collision: the same nodes carry OMI_physics_body with shapes in OMI_physics_shape (Godot 4.1+ importer)",
                    "animations whose channels end where they start are named <Name>-loop (Godot 3 importer loops them)",
                    "glTF Y-up metres kept: Godot's importer uses them as they are"]
        case .unity:
            return ["LODs: a parent <Name> with children <Name>_LOD0.._LOD\(max(0, lods - 1)) (the suffix Unity's model importer turns into a LODGroup)",
                    "collision: empty child nodes named <Node>_Collider carrying OMI_physics_body; the convex hull meshes are in OMI_physics_shape, not drawn (an OMI_physics-aware importer makes MeshColliders from them; otherwise an AssetPostprocessor can)",
                    "glTF Y-up metres kept: Unity's glTF importers (glTFast, UnityGLTF) flip handedness themselves"]
        case .unreal:
            return ["collision: UCX_<Node>_NN convex meshes, siblings of the render node with its transform (Unreal's static mesh import collision prefix)",
                    "terrain and interiors get no UCX (not convex): use complex collision as simple or a Landscape; ice gets its convex hull; water and weather get none",
                    "LODs: a parent <Name> with children <Name>_LOD0.._LOD\(max(0, lods - 1)) (LOD1 about 50 %, LOD2 about 25 % of the triangles)",
                    "glTF Y-up metres kept: Unreal's glTF importer converts to Z-up centimetres itself"]
        case .blender:
            return ["full quality: no LODs, no colliders, textures up to \(maxTexture) px",
                    "lights keep KHR_lights_punctual units (candela for point/spot, lux for sun); Blender's importer converts them to watts with its Lighting Mode option (Standard: W = cd x 4pi / 683 for point lights)"]
        case .web:
            return ["one compact GLB for three.js and Babylon.js: KHR_mesh_quantization, EXT_mesh_gpu_instancing for repeated meshes",
                    "textures at most \(maxTexture) px and power of two; static geometry merged per material"]
        case .generic:
            return ["plain glTF 2.0: no engine-specific names, textures atlased, GLB + OBJ"]
        }
    }
}
