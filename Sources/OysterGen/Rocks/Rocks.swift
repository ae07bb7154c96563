import OysterCore

/// The rock shapes the kit makes.
public enum RockShape: String, Sendable, Hashable, CaseIterable {
    /// A rounded, lumpy boulder.
    case boulder
    /// A flattened, wide slab.
    case slab
    /// A tall, tapering spire.
    case spire
    /// A blocky, fractured chunk with flat facets.
    case block
}

/// Parameters for a rock.
public struct RockParams: Sendable, Hashable {
    public var shape: RockShape
    /// Approximate largest dimension in metres.
    public var size: Float
    /// 0 = 80 triangles, 1 = 320, 2 = 1280.
    public var detail: Int
    public var kind: SurfaceKind

    public init(shape: RockShape = .boulder, size: Float = 2, detail: Int = 1, kind: SurfaceKind = .rock) {
        self.shape = shape
        self.size = size
        self.detail = detail
        self.kind = kind
    }
}

/// Noise-displaced rocks.
public enum Rocks {
    /// A rock: an icosphere squashed to the shape's proportions and displaced by fBm noise,
    /// flat shaded so facets catch the light; sunk 15 % below y = 0 so it sits in the ground.
    public static func rock(_ params: RockParams, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let noise = KitNoise(seed: rng.next())
        let (unit, idx) = Icosphere.make(subdivisions: 1 + max(0, min(params.detail, 2)))
        let s = kitClamp(params.size, 0.05, 200, fallback: 2) / 2
        var scale: Vec3
        var roughness: Float
        var freq: Float
        switch params.shape {
        case .boulder: scale = Vec3(1, rng.float(in: 0.6...0.85), rng.float(in: 0.75...1)); roughness = 0.22; freq = 1.3
        case .slab: scale = Vec3(1, rng.float(in: 0.22...0.35), rng.float(in: 0.6...0.9)); roughness = 0.18; freq = 1.6
        case .spire: scale = Vec3(rng.float(in: 0.28...0.38), 1, rng.float(in: 0.25...0.35)); roughness = 0.2; freq = 1.8
        case .block: scale = Vec3(1, rng.float(in: 0.55...0.8), rng.float(in: 0.65...0.95)); roughness = 0.12; freq = 1.0
        }
        let yaw = rng.float(in: 0...(2 * .pi))
        let cy = kcos(yaw), sy = ksin(yaw)
        // Cutting planes make the chunky shapes fractured rather than blobby.
        var planes: [(Vec3, Float)] = []
        let planeCount: Int
        let depth: ClosedRange<Float>
        switch params.shape {
        case .block: planeCount = 10; depth = 0.55...0.8
        case .spire: planeCount = 4; depth = 0.65...0.85
        case .slab: planeCount = 5; depth = 0.7...0.9
        case .boulder: planeCount = 6; depth = 0.62...0.88
        }
        for _ in 0..<planeCount {
            let n = normalize(Vec3(rng.float(in: -1...1), rng.float(in: -0.6...1), rng.float(in: -1...1)))
            planes.append((n, rng.float(in: depth)))
        }
        var minY: Float = .infinity
        var pts = unit.map { u -> Vec3 in
            var p = u
            for (n, d) in planes { let k = dot(p, n); if k > d { p -= n * (k - d) } }
            let disp = 1 + noise.fbm(u * freq + Vec3(7, 3, 1), octaves: 4) * roughness
            p *= disp
            if params.shape == .spire {
                let t = (p.y + 1) / 2  // taper towards the top
                p.x *= 1.2 - 0.7 * t
                p.z *= 1.2 - 0.7 * t
            }
            var q = p * scale * s
            q = Vec3(q.x * cy + q.z * sy, q.y, -q.x * sy + q.z * cy)
            minY = min(minY, q.y)
            return q
        }
        let height = (pts.map(\.y).max() ?? 0) - minY
        let lift = -minY - height * 0.15
        pts = pts.map { $0 + Vec3(0, lift, 0) }
        var b = MeshBuilder()
        b.addMesh(params.kind, positions: pts, indices: idx, normals: .flat)
        var model = KitModel(name: "Rock_" + params.shape.rawValue.prefix(1).uppercased() + params.shape.rawValue.dropFirst())
        model.add("Rock", b)
        return model
    }

    /// A scatter of small rubble stones around the origin within `radius` (ruins, dungeon).
    public static func rubble(count: Int, radius: Float, stoneSize: Float = 0.35, kind: SurfaceKind = .stoneWall, seed: UInt64) -> MeshBuilder {
        var rng = KitRandom(seed: seed)
        var b = MeshBuilder()
        let (unit, idx) = Icosphere.make(subdivisions: 0)
        for _ in 0..<max(0, count) {
            let a = rng.float(in: 0...(2 * .pi)), d = radius * rng.unit().squareRoot()
            let c = Vec3(kcos(a) * d, 0, ksin(a) * d)
            let sz = stoneSize * rng.float(in: 0.5...1.3)
            let sc = Vec3(rng.float(in: 0.7...1.2), rng.float(in: 0.4...0.8), rng.float(in: 0.7...1.2)) * sz / 2
            let pts = unit.map { u in c + u * sc * (1 + rng.float(in: -0.15...0.15)) + Vec3(0, sc.y * 0.5, 0) }
            b.addMesh(kind, positions: pts, indices: idx, normals: .flat)
        }
        return b
    }
}
