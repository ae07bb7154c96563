import OysterCore

/// Tree species the vegetation kit grows.
public enum TreeSpecies: String, Sendable, Hashable, CaseIterable {
    /// Oak-like: short thick trunk, wide branching crown of leaf clumps.
    case broadleaf
    /// Pine/fir: straight trunk, stacked drooping needle tiers.
    case conifer
    /// Slender white trunk, light airy crown.
    case birch
    /// Curved ringed trunk with a crown of drooping fronds.
    case palm
    /// Bare, gnarled branches.
    case dead
}

/// Parameters for a tree.
public struct TreeParams: Sendable, Hashable {
    public var species: TreeSpecies
    /// Height in metres (nil: a typical height for the species, varied by the seed).
    public var height: Float?
    /// 0 = low (~300–700 triangles), 1 = medium (~700–1800), 2 = high (~1500–3000).
    public var detail: Int
    /// What the crown wears at its time of year (default: green leaves).
    public var foliage: Foliage

    public init(species: TreeSpecies, height: Float? = nil, detail: Int = 1, foliage: Foliage = .leaves) {
        self.species = species
        self.height = height
        self.detail = detail
        self.foliage = foliage
    }
}

/// Parametric plants: trees by species, bushes, grass clumps and flowers. Each returns a
/// `KitModel` with one part whose origin is the base of the plant at ground level.
public enum Vegetation {
    /// A tree of `params.species`; same seed, same tree.
    public static func tree(_ params: TreeParams, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let detail = max(0, min(params.detail, 2))
        var b = MeshBuilder()
        let name: String
        switch params.species {
        case .broadleaf:
            let h = height(params, rng.float(in: 7...11))
            broadleaf(&b, height: h, detail: detail, foliage: params.foliage, rng: &rng)
            name = "Broadleaf"
        case .conifer:
            let h = height(params, rng.float(in: 9...15))
            conifer(&b, height: h, detail: detail, snowLaden: params.foliage == .winter, rng: &rng)
            name = "Conifer"
        case .birch:
            let h = height(params, rng.float(in: 8...12))
            birch(&b, height: h, detail: detail, foliage: params.foliage, rng: &rng)
            name = "Birch"
        case .palm:
            let h = height(params, rng.float(in: 7...11))
            palm(&b, height: h, detail: detail, rng: &rng)
            name = "Palm"
        case .dead:
            let h = height(params, rng.float(in: 5...9))
            deadTree(&b, height: h, detail: detail, rng: &rng)
            name = "DeadTree"
        }
        var model = KitModel(name: name)
        model.add(name, b)
        return model
    }

    // MARK: - Shared growth helpers

    /// The requested height kept sane (0.5–60 m), or the species' random default.
    static func height(_ p: TreeParams, _ random: Float) -> Float {
        guard let h = p.height else { return random }
        return kitClamp(h, 0.5, 60, fallback: random)
    }

    /// How a branch level splits.
    struct BranchStyle {
        var children: ClosedRange<Int>
        var spread: ClosedRange<Float>
        var lengthRatio: ClosedRange<Float>
        var radiusRatio: Float
        var upward: Float
        var jitter: Float
        var around: Int
        var pathSegments: Int
        var kind: SurfaceKind = .bark
    }

    /// `dir` turned `angle` radians away from itself towards azimuth `azimuth`.
    static func deflect(_ dir: Vec3, angle: Float, azimuth: Float) -> Vec3 {
        let (u, v) = MeshBuilder.basis(dir)
        let perp = u * kcos(azimuth) + v * ksin(azimuth)
        return normalize(dir * kcos(angle) + perp * ksin(angle))
    }

    /// Grows one branch and, recursively, its children; `tip` is called at every branch end
    /// with (position, direction, length, depth left).
    static func grow(_ b: inout MeshBuilder, rng: inout KitRandom, start: Vec3, dir: Vec3, length: Float, radius: Float,
                     depth: Int, styles: [BranchStyle], tip: (inout MeshBuilder, inout KitRandom, Vec3, Vec3, Float, Int) -> Void) {
        let style = styles[min(depth, styles.count - 1)]
        let nseg = max(1, style.pathSegments)
        var pts = [start], radii = [radius]
        var d = dir, p = start
        let endRadius: Float = depth == 0 ? radius * 0.15 : radius * 0.55
        for i in 1...nseg {
            let jitter = Vec3(rng.float(in: -1...1), rng.float(in: -1...1), rng.float(in: -1...1)) * style.jitter
            d = normalize(d + jitter + Vec3(0, style.upward, 0))
            p += d * (length / Float(nseg))
            pts.append(p)
            radii.append(mix(radius, endRadius, Float(i) / Float(nseg)))
        }
        b.tube(style.kind, path: pts, radii: radii, segments: style.around, capEnd: depth > 0)
        tip(&b, &rng, p, d, length, depth)
        guard depth > 0 else { return }
        let k = rng.int(in: style.children)
        let azimuth0 = rng.float(in: 0...(2 * .pi))
        for c in 0..<k {
            let t: Float = c == 0 ? 1 : rng.float(in: 0.45...0.95)
            let fi = t * Float(nseg)
            let i0 = min(Int(fi), nseg - 1)
            let f = fi - Float(i0)
            let at = mix(pts[i0], pts[i0 + 1], f)
            let r = mix(radii[i0], radii[i0 + 1], f)
            let az = azimuth0 + Float(c) * 2 * .pi / Float(k) + rng.float(in: -0.4...0.4)
            let spread = c == 0 && k > 2 ? style.spread.lowerBound * 0.5 : rng.float(in: style.spread)
            let nd = deflect(d, angle: spread, azimuth: az)
            let len = length * rng.float(in: style.lengthRatio) * (c == 0 ? 1 : (1.1 - t * 0.3))
            grow(&b, rng: &rng, start: at - d * r * 0.5, dir: nd, length: len, radius: min(r * style.radiusRatio * (c == 0 ? 1.15 : 1), r),
                 depth: depth - 1, styles: styles, tip: tip)
        }
    }

    /// A lumpy leaf clump: a noise-displaced icosphere squashed into an ellipsoid.
    static func leafBlob(_ b: inout MeshBuilder, _ kind: SurfaceKind, center: Vec3, radii: Vec3, subdivisions: Int, rng: inout KitRandom, tint: Vec4) {
        let noise = KitNoise(seed: rng.next())
        let (unit, idx) = Icosphere.make(subdivisions: subdivisions)
        let pts = unit.map { u -> Vec3 in
            var q = u * (1 + noise.fbm(u * 1.8, octaves: 3) * 0.35)
            if q.y < -0.35 { q.y = -0.35 + (q.y + 0.35) * 0.45 }  // flatter underside
            return center + q * radii
        }
        let old = b.color
        b.color = tint
        b.addMesh(kind, positions: pts, indices: idx, normals: .smooth)
        b.color = old
    }

    /// A green tint varied by the seed (multiplies the leaf texture).
    static func leafTint(_ rng: inout KitRandom, warmth: Float = 0) -> Vec4 {
        let l = rng.float(in: 0.82...1.0)
        return Vec4(l * (0.92 + warmth), l, l * rng.float(in: 0.85...0.98), 1)
    }
}
