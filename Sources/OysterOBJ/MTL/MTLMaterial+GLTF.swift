import OysterCore
import OysterJSON

/// Turns MTL materials into glTF PBR materials and loads their textures into the scene.
///
/// Mapping rules (MTL → glTF metallic-roughness):
/// - `baseColorFactor.rgb` = `Kd` (1 when absent). With a loaded `map_Kd` the texture replaces
///   `Kd` (rgb factor 1), as OBJ viewers show it; a missing texture keeps `Kd`.
/// - alpha = `d`, else 1 − `Tr`, else 1; alpha < 1 or a `map_d` → `alphaMode` BLEND. `map_d`
///   naming the `map_Kd` file uses its alpha channel; a separate alpha image is decoded and
///   combined with `map_Kd` (or white) into one RGBA base colour PNG (`-imfchan` picks the
///   channel, luminance by default).
/// - `metallicFactor` = `Pm`, else 0 (classic MTL describes dielectrics).
/// - `roughnessFactor` = `Pr`, else √(2 / (`Ns` + 2)) (Blinn-Phong exponent to GGX roughness),
///   else 1.
/// - `map_Pr` and `map_Pm` naming one file: used as is (assumed packed glTF-style). Otherwise
///   they are decoded and packed into a new metallicRoughness PNG (roughness → G, metallic →
///   B, the absent one 255); a map's factor becomes 1 unless `Pr`/`Pm` give it.
/// - `emissiveFactor` = `Ke` (with `map_Ke`: `Ke`, or 1 when absent); components above 1 move
///   into KHR_materials_emissive_strength.
/// - `norm`, else `map_Bump`/`bump` → `normalTexture` (tangent-space normal map, as exporters
///   write them), `-bm` → `normalTexture.scale`.
/// - `Pc`/`Pcr` → KHR_materials_clearcoat, `Ps` → KHR_materials_sheen (grey colour),
///   `aniso`/`anisor` → KHR_materials_anisotropy (rotation × 2π), `Ni` → KHR_materials_ior,
///   `illum 0` → KHR_materials_unlit. `Ka`, `Ks`, `map_Ka`, `map_Ks`, `disp` have no glTF
///   counterpart and are dropped (`disp` with a note).
/// - Map options: `-s`/`-o` → KHR_texture_transform (V axis flipped like the coordinates),
///   `-clamp on` → clamp-to-edge sampler; `-blendu`, `-mm`, `-texres`, `-type`, … are parsed
///   and ignored.
struct MTLMaterialResolver {
    /// The model's folder (textures may not leave it); nil when reading from memory.
    let root: String?
    let loadTextures: Bool
    let maxTextureBytes: Int
    var images: [Image] = []
    var textures: [Texture] = []
    var samplers: [Sampler] = []
    var extensionsUsed: [String] = []
    var diagnostics: [Diagnostic] = []
    private var imageByPath: [String: Int] = [:]
    private var textureByKey: [SIMD2<Int>: Int] = [:]
    private var clampSampler: Int?

    init(root: String?, loadTextures: Bool, maxTextureBytes: Int) {
        self.root = root
        self.loadTextures = loadTextures
        self.maxTextureBytes = maxTextureBytes
    }

    // MARK: - Materials

    mutating func material(_ m: MTLMaterial, mtlFolder: String, mtlFile: String) -> Material {
        var out = Material(name: m.name)
        let kd = m.color("kd") ?? Vec3(1, 1, 1)
        var alpha: Float = 1
        if let d = m.scalar("d") { alpha = d } else if let tr = m.scalar("tr") { alpha = 1 - tr }
        alpha = clamp(alpha, 0, 1)
        out.baseColorFactor = Vec4(clamp(kd.x, 0, 1), clamp(kd.y, 0, 1), clamp(kd.z, 0, 1), alpha)
        let kdMap = m.maps["map_kd"], mapD = m.maps["map_d"]
        var alphaPacked = false
        if let mapD, kdMap.map({ normalizedKey($0.path) != normalizedKey(mapD.path) }) ?? true,
           let alphaBytes = read(mapD, mtlFolder: mtlFolder, mtlFile: mtlFile) {
            // glTF takes alpha from the base colour texture: combine the two images.
            let baseBytes = kdMap.flatMap { read($0, mtlFolder: mtlFolder, mtlFile: mtlFile) }
            if let packed = try? MTLTexturePacker.withAlpha(base: baseBytes?.bytes, alpha: alphaBytes.bytes, channel: mapD.channel) {
                out.baseColorTexture = packedRef(packed, name: OBJPaths.stem(baseBytes?.path ?? alphaBytes.path) + "_alpha",
                                                 map: baseBytes == nil ? mapD : (kdMap ?? mapD))
                out.baseColorFactor = Vec4(baseBytes == nil ? out.baseColorFactor.x : 1, baseBytes == nil ? out.baseColorFactor.y : 1,
                                           baseBytes == nil ? out.baseColorFactor.z : 1, alpha)
                alphaPacked = true
            } else {
                diagnostics.append(Diagnostic(code: DiagnosticCode.mtlNotApplied.id, severity: .warning,
                    message: "material '\(m.name)': map_d '\(mapD.path)' could not be combined with the base colour (undecodable image); not applied",
                    location: .line(mapD.line), file: mtlFile))
            }
        }
        if !alphaPacked, let map = kdMap, let ref = textureRef(map, mtlFolder: mtlFolder, mtlFile: mtlFile, srgb: true) {
            out.baseColorTexture = ref
            out.baseColorFactor = Vec4(1, 1, 1, alpha)
        }
        if alpha < 1 { out.alphaMode = .blend }
        if mapD != nil && (alphaPacked || kdMap != nil) { out.alphaMode = .blend }
        out.metallicFactor = clamp(m.scalar("pm") ?? 0, 0, 1)
        if let pr = m.scalar("pr") {
            out.roughnessFactor = clamp(pr, 0, 1)
        } else if let ns = m.scalar("ns") {
            out.roughnessFactor = clamp((2 / (max(ns, 0) + 2)).squareRoot(), 0, 1)
        } else {
            out.roughnessFactor = 1
        }
        let pr = m.maps["map_pr"], pm = m.maps["map_pm"]
        if let pr, let pm, normalizedKey(pr.path) == normalizedKey(pm.path) {
            // One file for both: assumed packed the glTF way (G roughness, B metallic).
            out.metallicRoughnessTexture = textureRef(pr, mtlFolder: mtlFolder, mtlFile: mtlFile, srgb: false)
            if m.scalar("pm") == nil { out.metallicFactor = 1 }
            if m.scalar("pr") == nil { out.roughnessFactor = 1 }
        } else if pr != nil || pm != nil {
            let rough = pr.flatMap { read($0, mtlFolder: mtlFolder, mtlFile: mtlFile) }
            let metal = pm.flatMap { read($0, mtlFolder: mtlFolder, mtlFile: mtlFile) }
            if rough != nil || metal != nil {
                if let packed = try? MTLTexturePacker.metallicRoughness(rough: rough?.bytes, roughChannel: pr?.channel,
                                                                       metal: metal?.bytes, metalChannel: pm?.channel) {
                    let name = OBJPaths.stem((rough ?? metal)?.path ?? m.name) + "_metallicRoughness"
                    out.metallicRoughnessTexture = packedRef(packed, name: name, map: (rough != nil ? pr : pm) ?? MTLMap(path: "", line: 0))
                    // A packed map's channel is scaled by its factor: 1 unless Pr/Pm say otherwise.
                    if rough != nil && m.scalar("pr") == nil { out.roughnessFactor = 1 }
                    if metal != nil && m.scalar("pm") == nil { out.metallicFactor = 1 }
                } else {
                    diagnostics.append(Diagnostic(code: DiagnosticCode.mtlNotApplied.id, severity: .warning,
                        message: "material '\(m.name)': map_Pr/map_Pm could not be packed into a metallicRoughness image (undecodable image); factors kept",
                        location: .line((pr ?? pm)?.line ?? m.line), file: mtlFile))
                }
            }
        }
        var ke = m.color("ke") ?? .zero
        if let map = m.maps["map_ke"], let ref = textureRef(map, mtlFolder: mtlFolder, mtlFile: mtlFile, srgb: true) {
            out.emissiveTexture = ref
            if m.color("ke") == nil { ke = Vec3(1, 1, 1) }
        }
        let keMax = max(ke.x, ke.y, ke.z)
        if keMax > 1 {
            out.emissiveFactor = ke / keMax
            out.emissiveStrength = keMax
        } else {
            out.emissiveFactor = Vec3(max(ke.x, 0), max(ke.y, 0), max(ke.z, 0))
        }
        if let map = m.maps["norm"] ?? m.maps["map_bump"],
           var ref = textureRef(map, mtlFolder: mtlFolder, mtlFile: mtlFile, srgb: false) {
            ref.scale = map.bumpMultiplier ?? 1
            out.normalTexture = ref
        }
        if let disp = m.maps["disp"] {
            diagnostics.append(Diagnostic(code: DiagnosticCode.mtlUnsupported.id, severity: .information,
                message: "material '\(m.name)': displacement map '\(disp.path)' has no glTF counterpart (ignored)",
                location: .line(disp.line), file: mtlFile))
        }
        if m.scalar("illum") == 0 { out.unlit = true }
        addExtensions(m, to: &out)
        return out
    }

    private mutating func addExtensions(_ m: MTLMaterial, to out: inout Material) {
        if let pc = m.scalar("pc"), pc > 0 {
            out.extensions["KHR_materials_clearcoat"] = .object(JSONObject([
                ("clearcoatFactor", .double(Double(clamp(pc, 0, 1)))),
                ("clearcoatRoughnessFactor", .double(Double(clamp(m.scalar("pcr") ?? 0, 0, 1)))),
            ]))
            use("KHR_materials_clearcoat")
        }
        if let ps = m.color("ps"), max(ps.x, ps.y, ps.z) > 0 {
            out.extensions["KHR_materials_sheen"] = .object(JSONObject([
                ("sheenColorFactor", .array([ps.x, ps.y, ps.z].map { .double(Double(clamp($0, 0, 1))) })),
                ("sheenRoughnessFactor", .double(Double(out.roughnessFactor))),
            ]))
            use("KHR_materials_sheen")
        }
        if let aniso = m.scalar("aniso"), aniso > 0 {
            let rotation = (m.scalar("anisor") ?? 0) * 2 * Float.pi
            out.extensions["KHR_materials_anisotropy"] = .object(JSONObject([
                ("anisotropyStrength", .double(Double(clamp(aniso, 0, 1)))),
                ("anisotropyRotation", .double(Double(rotation))),
            ]))
            use("KHR_materials_anisotropy")
        }
        if let ni = m.scalar("ni"), ni >= 1, ni != 1.5 {
            out.extensions["KHR_materials_ior"] = .object(JSONObject([("ior", .double(Double(ni)))]))
            use("KHR_materials_ior")
        }
    }

    private mutating func use(_ ext: String) {
        if !extensionsUsed.contains(ext) { extensionsUsed.append(ext) }
    }

    // MARK: - Textures

    /// A texture reference for `map`, or nil (with a warning) when its file is refused or missing.
    mutating func textureRef(_ map: MTLMap, mtlFolder: String, mtlFile: String, srgb: Bool) -> TextureRef? {
        guard let image = image(map, mtlFolder: mtlFolder, mtlFile: mtlFile) else { return nil }
        return textureRef(image: image, map: map)
    }

    private mutating func textureRef(image: Int, map: MTLMap) -> TextureRef {
        let sampler: Int
        if map.clamp {
            if clampSampler == nil {
                clampSampler = samplers.count
                samplers.append(Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear,
                                        wrapS: Sampler.clampToEdge, wrapT: Sampler.clampToEdge))
            }
            sampler = clampSampler ?? -1
        } else {
            sampler = -1
        }
        let key = SIMD2(image, sampler)
        let texture: Int
        if let t = textureByKey[key] {
            texture = t
        } else {
            texture = textures.count
            textures.append(Texture(name: images[image].name, source: image, sampler: sampler >= 0 ? sampler : nil))
            textureByKey[key] = texture
        }
        var ref = TextureRef(texture: texture)
        if map.scale.x != 1 || map.scale.y != 1 || map.offset.x != 0 || map.offset.y != 0 {
            // OBJ samples at (u·su + ou, v·sv + ov) with v up; glTF's v' = 1 − v, so the image
            // row coordinate 1 − (v·sv + ov) = v'·sv + (1 − sv − ov).
            ref.transform = TextureTransform(offset: Vec2(map.offset.x, 1 - map.scale.y - map.offset.y),
                                             scale: Vec2(map.scale.x, map.scale.y))
        }
        return ref
    }

    /// The image index for a map's file, loading it once.
    private mutating func image(_ map: MTLMap, mtlFolder: String, mtlFile: String) -> Int? {
        if let resolved = OBJPaths.resolve(map.path, in: mtlFolder), let i = imageByPath[resolved] { return i }
        guard let (found, bytes) = read(map, mtlFolder: mtlFolder, mtlFile: mtlFile) else { return nil }
        if let i = imageByPath[found] { return i }
        let mime = Image.sniffMimeType(bytes) ?? OBJPaths.mimeType(forExtensionOf: found)
        images.append(Image(name: OBJPaths.stem(found), mimeType: mime, data: bytes, uri: found))
        imageByPath[found] = images.count - 1
        if let resolved = OBJPaths.resolve(map.path, in: mtlFolder) { imageByPath[resolved] = images.count - 1 }
        return images.count - 1
    }

    /// A map's file, found where exporters put it and read; nil (with a warning) when refused
    /// or missing.
    private mutating func read(_ map: MTLMap, mtlFolder: String, mtlFile: String) -> (path: String, bytes: [UInt8])? {
        let resolved = OBJPaths.resolve(map.path, in: mtlFolder)
        if resolved == nil {
            diagnostics.append(Diagnostic(code: DiagnosticCode.objPathRefused.id, severity: .warning,
                message: "texture path '\(map.path)' leaves the model's folder (absolute or '..'); not read there",
                location: .line(map.line), file: mtlFile))
        }
        guard let root, loadTextures, let found = locate(map, resolved: resolved, root: root, mtlFolder: mtlFolder, mtlFile: mtlFile) else {
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readOBJ(OBJPaths.join(root, found), limit: maxTextureBytes)
        } catch {
            diagnostics.append(Diagnostic(code: DiagnosticCode.objTextureMissing.id, severity: .warning,
                message: "texture '\(map.path)' could not be read (\((error as? OBJError)?.message ?? "\(error)")); the material keeps its factors",
                location: .line(map.line), file: mtlFile))
            return nil
        }
        if found != resolved {
            diagnostics.append(Diagnostic(code: DiagnosticCode.objTextureMissing.id, severity: .information,
                message: "texture '\(map.path)' read from '\(found)' inside the model's folder",
                location: .line(map.line), file: mtlFile))
        }
        return (found, bytes)
    }

    /// Where a map's file is under `root`, or nil (with a warning unless the path was refused)
    /// when it is not there. `resolved` is the written path resolved beside the MTL.
    ///
    /// Where exporters put textures: beside the MTL as written, relative to the OBJ instead,
    /// or (for absolute paths from the author's machine) by file name beside the MTL or OBJ.
    /// Names match case-insensitively when the exact case is missing (Windows-made assets).
    mutating func locate(_ map: MTLMap, resolved: String?, root: String, mtlFolder: String, mtlFile: String) -> String? {
        let baseName = OBJPaths.fileName(map.path)
        var candidates: [String] = []
        if let resolved { candidates.append(resolved) }
        if let fromRoot = OBJPaths.resolve(map.path, in: ""), !candidates.contains(fromRoot) { candidates.append(fromRoot) }
        for folder in [mtlFolder, ""] {
            if let byName = OBJPaths.resolve(baseName, in: folder), !candidates.contains(byName) { candidates.append(byName) }
        }
        guard let found = candidates.lazy.compactMap({ OBJPaths.locate($0, root: root) }).first else {
            if resolved != nil {
                diagnostics.append(Diagnostic(code: DiagnosticCode.objTextureMissing.id, severity: .warning,
                    message: "texture '\(map.path)' not found; the material keeps its factors",
                    location: .line(map.line), file: mtlFile))
            }
            return nil
        }
        return found
    }

    /// Validating: the diagnostics reading `map`'s file would give, without reading it.
    mutating func checkFile(_ map: MTLMap, mtlFolder: String, mtlFile: String) {
        let resolved = OBJPaths.resolve(map.path, in: mtlFolder)
        if resolved == nil {
            diagnostics.append(Diagnostic(code: DiagnosticCode.objPathRefused.id, severity: .warning,
                message: "texture path '\(map.path)' leaves the model's folder (absolute or '..'); not read there",
                location: .line(map.line), file: mtlFile))
        }
        guard let root, let found = locate(map, resolved: resolved, root: root, mtlFolder: mtlFolder, mtlFile: mtlFile) else { return }
        if found != resolved {
            diagnostics.append(Diagnostic(code: DiagnosticCode.objTextureMissing.id, severity: .information,
                message: "texture '\(map.path)' read from '\(found)' inside the model's folder",
                location: .line(map.line), file: mtlFile))
        }
    }

    /// A generated image (packed channels) as a texture reference using `map`'s sampler options.
    private mutating func packedRef(_ bytes: [UInt8], name: String, map: MTLMap) -> TextureRef {
        images.append(Image(name: name, mimeType: "image/png", data: bytes, uri: nil))
        return textureRef(image: images.count - 1, map: map)
    }

    private func normalizedKey(_ path: String) -> String {
        OBJPaths.resolve(path, in: "") ?? path
    }
}
