/// Extension names Oyster knows, grouped by how it treats them.
public enum GLTFExtensions {
    /// Extensions that are real model features (read into and written from `Scene`).
    public static let modelled: Set<String> = [
        lightsPunctual, emissiveStrength, unlit, textureTransform, meshQuantization, gpuInstancing,
    ]

    public static let lightsPunctual = "KHR_lights_punctual"
    public static let emissiveStrength = "KHR_materials_emissive_strength"
    public static let unlit = "KHR_materials_unlit"
    public static let textureTransform = "KHR_texture_transform"
    public static let meshQuantization = "KHR_mesh_quantization"
    public static let gpuInstancing = "EXT_mesh_gpu_instancing"

    /// Unmodelled extensions that survive verbatim carrying (they refer only to objects that keep
    /// their indices: textures, images, materials, nodes), so files may require them.
    public static let carriedSafely: Set<String> = [
        "KHR_texture_basisu", "EXT_texture_webp", "EXT_texture_avif", "KHR_materials_variants",
        "KHR_animation_pointer", "KHR_node_visibility", "KHR_xmp_json_ld", "KHR_xmp", "EXT_lights_image_based",
        "KHR_materials_pbrSpecularGlossiness",
    ]

    /// Extensions whose data lives in buffer views the writer re-lays out; they are dropped
    /// (with a warning) when optional, and refused when required.
    public static let dropped: Set<String> = ["KHR_draco_mesh_compression", "EXT_meshopt_compression", "KHR_meshopt_compression"]

    /// Whether a file that lists `name` in `extensionsRequired` can be read faithfully.
    public static func canRequire(_ name: String) -> Bool {
        modelled.contains(name) || carriedSafely.contains(name) || name.hasPrefix("KHR_materials_")
    }
}
