import OysterCore

// MARK: - Which materials can share an atlas

/// A material that can go into an atlas: its textures, the UV set they read, and the part of
/// texture space its primitives use.
struct AtlasCandidate {
    var material: Int
    /// Image index per slot used.
    var images: [TextureSlot: Int]
    /// The TEXCOORD set all slots read (after KHR_texture_transform's override).
    var texCoord: Int
    var transform: TextureTransform?
    var wrapS: Int
    var wrapT: Int
    /// The UV rectangle baked: origin (whole numbers) and repeat counts per axis.
    var originU = 0, originV = 0, countU = 1, countV = 1
    /// (mesh, primitive) pairs drawn with this material.
    var uses: [(Int, Int)]
    /// Whole-number UV shift per use: repeating textures sample the same texel at uv and
    /// uv + k, so each primitive's UVs are moved next to the origin before the span is taken.
    var shifts: [(Int, Int)] = []
    /// The UVs repeat too often to bake: cut the triangles at whole UV values instead.
    var split = false
}

/// Materials that differ only in their textures share a key (and so an atlas layout).
struct AtlasGroupKey: Hashable {
    var material: Material
    var slots: [TextureSlot]
    var texCoord: Int
    var magFilter: Int?
    var minFilter: Int?
}

extension Scene {
    /// Primitives by material index, skipping invalid indices.
    func primitivesByMaterial() -> [Int: [(Int, Int)]] {
        var uses: [Int: [(Int, Int)]] = [:]
        for (mi, mesh) in meshes.enumerated() {
            for (pi, p) in mesh.primitives.enumerated() {
                if let m = p.material, materials.indices.contains(m) { uses[m, default: []].append((mi, pi)) }
            }
        }
        return uses
    }

    /// The candidate for material `m`, or why it stays out (nil reason means: no textures).
    func atlasCandidate(_ m: Int, uses: [(Int, Int)], maxRepeat: Int, splitRepeats: Bool, blocked: Set<Int>) -> (AtlasCandidate?, String?) {
        let mat = materials[m]
        let label = "material \(m)\(mat.name.map { " (\($0))" } ?? "")"
        let slots = TextureSlot.allCases.filter { mat[$0] != nil }
        guard !slots.isEmpty, !uses.isEmpty else { return (nil, nil) }
        guard !blocked.contains(m) else { return (nil, "\(label): used by a material variant; left out") }
        guard mat.extensions.isEmpty else { return (nil, "\(label): has material extensions; left out") }
        var slotImages: [TextureSlot: Int] = [:]
        var texCoord: Int?, transform: TextureTransform?, sampler: Sampler?
        for slot in slots {
            guard let ref = mat[slot], textures.indices.contains(ref.texture) else { return (nil, "\(label): invalid texture; left out") }
            let tex = textures[ref.texture]
            guard tex.extensions.isEmpty, let src = tex.source, images.indices.contains(src), images[src].hasContent else {
                return (nil, "\(label): \(slot.rawValue) texture has no loadable PNG/JPEG image; left out")
            }
            slotImages[slot] = src
            let set = ref.transform?.texCoord ?? ref.texCoord
            let smp = tex.sampler.flatMap { samplers.indices.contains($0) ? samplers[$0] : nil } ?? Sampler()
            if let texCoord, texCoord != set || transform != ref.transform || sampler?.wrapS != smp.wrapS || sampler?.wrapT != smp.wrapT {
                return (nil, "\(label): texture slots use different UV sets, transforms or wrap modes; left out")
            }
            texCoord = set
            transform = ref.transform
            sampler = smp
        }
        let set = texCoord ?? 0, attribute = "TEXCOORD_\(set)"
        var c = AtlasCandidate(material: m, images: slotImages, texCoord: set, transform: transform,
                               wrapS: sampler?.wrapS ?? Sampler.repeatWrap, wrapT: sampler?.wrapT ?? Sampler.repeatWrap, uses: uses)
        // UV bounds per primitive drawn with the material, then shifted toward the origin by
        // whole periods where the wrap mode repeats (2 for mirrored repeat, none for clamp).
        func period(_ wrap: Int) -> Int {
            wrap == Sampler.clampToEdge ? 0 : wrap == Sampler.mirroredRepeat ? 2 : 1
        }
        let periodU = period(c.wrapS), periodV = period(c.wrapT)
        var lo = (Float.infinity, Float.infinity), hi = (-Float.infinity, -Float.infinity)
        for (mi, pi) in uses {
            let p = meshes[mi].primitives[pi]
            guard let uv = p.attributes[attribute], uv.componentsPerElement == 2 else {
                return (nil, "\(label): a primitive has no \(attribute); left out")
            }
            guard p.targets.allSatisfy({ $0[attribute] == nil }) else { return (nil, "\(label): morph targets move \(attribute); left out") }
            let f = uv.floats()
            var plo = (Float.infinity, Float.infinity), phi = (-Float.infinity, -Float.infinity)
            var i = 0
            while i + 1 < f.count {
                var (u, v) = (f[i], f[i + 1])
                if let transform { (u, v) = transform.apply(u, v) }
                guard u.isFinite, v.isFinite, abs(u) < 1e6, abs(v) < 1e6 else { return (nil, "\(label): UVs out of range; left out") }
                plo = (min(plo.0, u), min(plo.1, v))
                phi = (max(phi.0, u), max(phi.1, v))
                i += 2
            }
            guard plo.0 <= phi.0 else { c.shifts.append((0, 0)); continue }
            func shift(_ low: Float, _ p: Int) -> Int {
                guard p > 0 else { return 0 }
                let k = Int((low + 1e-4).rounded(.down))
                return k - positiveModulo(k, p)
            }
            let s = (shift(plo.0, periodU), shift(plo.1, periodV))
            c.shifts.append(s)
            lo = (min(lo.0, plo.0 - Float(s.0)), min(lo.1, plo.1 - Float(s.1)))
            hi = (max(hi.0, phi.0 - Float(s.0)), max(hi.1, phi.1 - Float(s.1)))
        }
        if lo.0 <= hi.0 {
            let eps: Float = 1e-4
            func span(_ a: Float, _ b: Float) -> (Int, Int) {
                if a >= -eps && b <= 1 + eps { return (0, 1) }
                let o = Int((a + eps).rounded(.down)), e = Int((b - eps).rounded(.up))
                return (o, max(1, e - o))
            }
            (c.originU, c.countU) = span(lo.0, hi.0)
            (c.originV, c.countV) = span(lo.1, hi.1)
            if c.countU > maxRepeat || c.countV > maxRepeat {
                if splitRepeats && c.wrapS == Sampler.repeatWrap && c.wrapT == Sampler.repeatWrap {
                    c.split = true
                    (c.originU, c.countU, c.originV, c.countV) = (0, 1, 0, 1)
                    c.shifts = c.uses.map { _ in (0, 0) }
                    return (c, nil)
                }
                return (nil, "\(label): UVs repeat \(c.countU)x\(c.countV) times (more than \(maxRepeat)); left out")
            }
        }
        return (c, nil)
    }

    /// The grouping key: the material without its textures, names or extras.
    func atlasGroupKey(_ c: AtlasCandidate) -> AtlasGroupKey {
        var m = materials[c.material]
        var scales: [Float] = []
        for slot in TextureSlot.allCases {
            if let ref = m[slot] { scales.append(ref.scale) }
            m[slot] = nil
        }
        m.name = nil
        m.extras = nil
        // Normal scale and occlusion strength must match too: keep them in the key.
        m.extras = .array(scales.map { .double(Double($0)) })
        let first = materials[c.material][TextureSlot.allCases.first { materials[c.material][$0] != nil } ?? .baseColor]
        let smp = first.flatMap { textures[$0.texture].sampler }.flatMap { samplers.indices.contains($0) ? samplers[$0] : nil }
        return AtlasGroupKey(material: m, slots: TextureSlot.allCases.filter { c.images[$0] != nil }, texCoord: c.texCoord,
                             magFilter: smp?.magFilter, minFilter: smp?.minFilter)
    }

    /// Materials named in KHR_materials_variants mappings (left alone: variants switch them).
    func variantMaterials() -> Set<Int> {
        var out = Set<Int>()
        for mesh in meshes {
            for p in mesh.primitives {
                guard let mappings = p.extensions["KHR_materials_variants"]?.objectValue?["mappings"]?.arrayValue else { continue }
                for mapping in mappings {
                    if let m = mapping.objectValue?["material"]?.intValue { out.insert(m) }
                }
                if let m = p.material { out.insert(m) }
            }
        }
        return out
    }
}
