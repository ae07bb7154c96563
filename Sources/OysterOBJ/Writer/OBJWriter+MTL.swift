import OysterCore
import OysterJSON

extension OBJWriter {
    /// MTL text: classic statements for every viewer plus the PBR extension lines (the
    /// inverse of the reader's mapping, see `MTLMaterialResolver`).
    func encodeMTL(_ scene: Scene, names: [String], needsDefault: Bool, textures: inout TextureFileNamer) -> [UInt8] {
        var out: [UInt8] = []
        TextFormatting.append("# Oyster MTL export (PBR extension: Pr/Pm/Ke/norm)\n", to: &out)
        for (i, m) in scene.materials.enumerated() {
            TextFormatting.append("\nnewmtl \(names[i])\n", to: &out)
            let base = m.baseColorFactor
            line("Kd", [base.x, base.y, base.z], &out)
            line("Ka", [0, 0, 0], &out)
            line("Ks", [0.5, 0.5, 0.5].map { $0 * (1 - m.roughnessFactor) }, &out)
            let r = max(m.roughnessFactor, 0.01)
            line("Ns", [min(1000, 2 / (r * r) - 2)], &out)
            line("d", [m.alphaMode == .opaque ? 1 : base.w], &out)
            TextFormatting.append(m.unlit ? "illum 0\n" : "illum 2\n", to: &out)
            line("Pr", [m.roughnessFactor], &out)
            line("Pm", [m.metallicFactor], &out)
            let strength = m.emissiveStrength ?? 1
            if m.emissiveFactor != .zero || m.emissiveTexture != nil {
                line("Ke", [m.emissiveFactor.x, m.emissiveFactor.y, m.emissiveFactor.z].map { $0 * strength }, &out)
            }
            if let cc = m.extensions["KHR_materials_clearcoat"]?.objectValue {
                line("Pc", [Float(cc["clearcoatFactor"]?.doubleValue ?? 0)], &out)
                line("Pcr", [Float(cc["clearcoatRoughnessFactor"]?.doubleValue ?? 0)], &out)
            }
            if let sheen = m.extensions["KHR_materials_sheen"]?.objectValue?["sheenColorFactor"]?.arrayValue {
                line("Ps", sheen.prefix(3).map { Float($0.doubleValue ?? 0) }, &out)
            }
            if let aniso = m.extensions["KHR_materials_anisotropy"]?.objectValue {
                line("aniso", [Float(aniso["anisotropyStrength"]?.doubleValue ?? 0)], &out)
                line("anisor", [Float(aniso["anisotropyRotation"]?.doubleValue ?? 0) / (2 * .pi)], &out)
            }
            if let ior = m.extensions["KHR_materials_ior"]?.objectValue?["ior"]?.doubleValue {
                line("Ni", [Float(ior)], &out)
            }
            let label = names[i]
            if let file = map(m.baseColorTexture, scene, "\(label)_basecolor", &textures) {
                TextFormatting.append("map_Kd \(options(m.baseColorTexture))\(file)\n", to: &out)
                if m.alphaMode != .opaque { TextFormatting.append("map_d \(options(m.baseColorTexture))\(file)\n", to: &out) }
            }
            if let file = map(m.metallicRoughnessTexture, scene, "\(label)_metallicroughness", &textures) {
                TextFormatting.append("map_Pr \(options(m.metallicRoughnessTexture))\(file)\n", to: &out)
                TextFormatting.append("map_Pm \(options(m.metallicRoughnessTexture))\(file)\n", to: &out)
            }
            if let ref = m.normalTexture, let file = map(ref, scene, "\(label)_normal", &textures) {
                var bm = ""
                if ref.scale != 1 {
                    var s: [UInt8] = []
                    TextFormatting.appendFloat(ref.scale, to: &s)
                    bm = "-bm \(String(decoding: s, as: UTF8.self)) "
                }
                TextFormatting.append("norm \(bm)\(options(ref))\(file)\n", to: &out)
                TextFormatting.append("map_Bump \(bm)\(options(ref))\(file)\n", to: &out)
            }
            if let file = map(m.emissiveTexture, scene, "\(label)_emissive", &textures) {
                TextFormatting.append("map_Ke \(options(m.emissiveTexture))\(file)\n", to: &out)
            }
            if let file = map(m.occlusionTexture, scene, "\(label)_occlusion", &textures) {
                TextFormatting.append("map_ao \(file)\n", to: &out)
            }
        }
        if needsDefault {
            TextFormatting.append("\nnewmtl \(OBJWriter.defaultMaterialName)\nKd 1 1 1\nd 1\nillum 2\nPr 1\nPm 1\n", to: &out)
        }
        return out
    }

    private func line(_ key: String, _ values: [Float], _ out: inout [UInt8]) {
        TextFormatting.append(key, to: &out)
        for v in values {
            out.append(0x20)
            TextFormatting.appendFloat(v, to: &out)
        }
        out.append(0x0A)
    }

    /// `-s`/`-o` options for a texture transform (the reader's mapping inverted).
    private func options(_ ref: TextureRef?) -> String {
        guard let t = ref?.transform, t.scale != Vec2(1, 1) || t.offset != .zero else { return "" }
        var s: [UInt8] = []
        TextFormatting.append("-s ", to: &s)
        TextFormatting.appendFloat(t.scale.x, to: &s)
        s.append(0x20)
        TextFormatting.appendFloat(t.scale.y, to: &s)
        TextFormatting.append(" 1 -o ", to: &s)
        TextFormatting.appendFloat(t.offset.x, to: &s)
        s.append(0x20)
        TextFormatting.appendFloat(1 - t.scale.y - t.offset.y, to: &s)
        TextFormatting.append(" 0 ", to: &s)
        return String(decoding: s, as: UTF8.self)
    }

    private func map(_ ref: TextureRef?, _ scene: Scene, _ fallback: String, _ textures: inout TextureFileNamer) -> String? {
        guard let ref, scene.textures.indices.contains(ref.texture),
              let image = scene.textures[ref.texture].source, scene.images.indices.contains(image) else { return nil }
        return textures.file(for: image, fallback: fallback)
    }
}

/// Chooses one file per image: written from embedded bytes under a sanitized unique name, or
/// the image's own relative URI when it was not loaded.
struct TextureFileNamer {
    let scene: Scene
    let writeFiles: Bool
    var files: [(name: String, bytes: [UInt8])] = []
    private var byImage: [Int: String] = [:]
    private var used: Set<String>

    init(scene: Scene, writeFiles: Bool, reserved: Set<String>) {
        self.scene = scene
        self.writeFiles = writeFiles
        used = reserved
    }

    mutating func file(for index: Int, fallback: String) -> String? {
        if let name = byImage[index] { return name }
        let image = scene.images[index]
        guard let data = image.data, !data.isEmpty else {
            // Not loaded: point at the original file when that is a safe relative path.
            guard let uri = image.uri, !uri.hasPrefix("data:"), let safe = OBJPaths.resolve(uri, in: "") else { return nil }
            byImage[index] = safe
            return safe
        }
        let ext = Image.fileExtension(forMimeType: image.mimeType ?? Image.sniffMimeType(data))
        let uriStem = image.uri.flatMap { $0.hasPrefix("data:") ? nil : OBJPaths.stem($0) }
        let stem = TextFormatting.fileName(image.name ?? uriStem ?? fallback)
        var name = "\(stem).\(ext)"
        var k = 2
        while used.contains(name.lowercased()) {
            name = "\(stem)_\(k).\(ext)"
            k += 1
        }
        used.insert(name.lowercased())
        byImage[index] = name
        if writeFiles { files.append((name, data)) }
        return name
    }
}
