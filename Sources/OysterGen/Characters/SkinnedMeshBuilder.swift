import OysterCore

/// A `MeshBuilder` whose vertices are bound to a skeleton's joints (the humanoid's or the
/// quadruped's, any `SkinSkeleton`): each piece of geometry is
/// added with the bones it may follow, and its vertices are weighted to the nearest of them.
///
/// Weights fall off with the inverse fourth power of the distance to each candidate bone's
/// segment (joint to tip), so a vertex halfway between thigh and shin gets half of each (a
/// smooth knee) while one on the middle of the thigh follows the thigh alone. At most four
/// influences are kept, each at least 1 %, and they are renormalised to sum to 1 (glTF
/// §3.7.3.2 asks for a sum of 1; engines skin with 4 influences).
struct SkinnedMeshBuilder<Skeleton: SkinSkeleton>: Sendable {
    typealias Bone = Skeleton.Bone

    /// Joint indices and weights of one vertex.
    struct Influence: Hashable, Sendable {
        var joints: SIMD4<UInt8>
        var weights: SIMD4<Float>
    }

    let skeleton: Skeleton
    private(set) var mesh = MeshBuilder()
    /// Per surface kind, one influence per vertex of that kind's group, in vertex order.
    private(set) var influences: [SurfaceKind: [Influence]] = [:]

    init(skeleton: Skeleton) { self.skeleton = skeleton }

    /// Adds what `build` draws (with vertex colour `color`), its vertices following `bones`.
    mutating func add(_ bones: [Bone], color: Vec4? = nil, _ build: (inout MeshBuilder) -> Void) {
        precondition(!bones.isEmpty, "a skinned piece needs at least one bone")
        let before = Dictionary(uniqueKeysWithValues: SurfaceKind.allCases.map { ($0, mesh.groups[$0]?.positions.count ?? 0) })
        mesh.color = color
        build(&mesh)
        mesh.color = nil
        for kind in mesh.kinds {
            guard let g = mesh.groups[kind], g.positions.count > before[kind]! else { continue }
            // Each piece samples one period of its texture, so an export's atlas packs a whole
            // character on one page without cutting it (see `fitUVsIntoOnePeriod`).
            mesh.fitUVsIntoOnePeriod(kind, from: before[kind]!)
            var list = influences[kind] ?? []
            for p in g.positions[before[kind]!...] { list.append(influence(at: p, bones: bones)) }
            influences[kind] = list
        }
    }

    /// Weights of a vertex at `p` among `bones` (at most four, summing to 1).
    func influence(at p: Vec3, bones: [Bone]) -> Influence {
        let soft = skeleton.weightSoftness
        var scored = bones.map { b -> (Bone, Float) in
            let d = Self.distance(p, skeleton.position(b), skeleton.tip(b))
            let q = d * d + soft * soft
            return (b, 1 / (q * q))
        }
        // Strongest first; ties by joint order so the result never depends on the list order.
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.index < $1.0.index }
        var kept = Array(scored.prefix(4))
        var total = kept.reduce(0) { $0 + $1.1 }
        kept = kept.filter { $0.1 / total >= 0.01 }
        total = kept.reduce(0) { $0 + $1.1 }
        var joints = SIMD4<UInt8>(repeating: 0), weights = SIMD4<Float>(repeating: 0)
        for (i, (bone, w)) in kept.enumerated() {
            joints[i] = UInt8(bone.index)
            weights[i] = w / total
        }
        // Put the rounding remainder on the largest weight so the sum is 1 to the last bit
        // that matters to validators (they allow a few ULPs).
        weights[0] += 1 - (weights[0] + weights[1] + weights[2] + weights[3])
        return Influence(joints: joints, weights: weights)
    }

    /// Distance from `p` to the segment `a`–`b`.
    static func distance(_ p: Vec3, _ a: Vec3, _ b: Vec3) -> Float {
        let ab = b - a
        let len2 = dot(ab, ab)
        let t = len2 > 0 ? clamp(dot(p - a, ab) / len2, 0, 1) : 0
        return length(p - (a + ab * t))
    }

    /// Triangles of every kind.
    var triangleCount: Int { mesh.triangleCount }

    /// The glTF mesh: `MeshBuilder.makeMesh`'s primitives plus JOINTS_0 (unsigned bytes, the
    /// joint's index in the skin) and WEIGHTS_0 (floats) for every vertex.
    func makeMesh(name: String, material: (SurfaceKind) -> Int) -> Mesh {
        var out = mesh.makeMesh(name: name, material: material)
        // makeMesh writes one primitive per non-empty kind in `kinds` order.
        let kinds = mesh.kinds.filter { !(mesh.groups[$0]?.indices.isEmpty ?? true) }
        for (i, kind) in kinds.enumerated() {
            let list = influences[kind] ?? []
            var joints = [UInt8](), weights = [Float]()
            joints.reserveCapacity(list.count * 4)
            weights.reserveCapacity(list.count * 4)
            for v in list {
                joints += [v.joints.x, v.joints.y, v.joints.z, v.joints.w]
                weights += [v.weights.x, v.weights.y, v.weights.z, v.weights.w]
            }
            out.primitives[i].attributes["JOINTS_0"] = DataArray(componentType: .uint8, elementType: .vec4, bytes: joints)
            out.primitives[i].attributes["WEIGHTS_0"] = DataArray(floats: weights, elementType: .vec4)
        }
        return out
    }
}

/// Where a body builder puts its pieces: a reference, so a piece's drawing code may read the
/// builder's own measurements (heights, widths) while the mesh grows.
final class SkinSink<Skeleton: SkinSkeleton> {
    private(set) var builder: SkinnedMeshBuilder<Skeleton>

    init(skeleton: Skeleton) { builder = SkinnedMeshBuilder(skeleton: skeleton) }

    /// `SkinnedMeshBuilder.add`.
    func add(_ bones: [Skeleton.Bone], color: Vec4? = nil, _ build: (inout MeshBuilder) -> Void) {
        builder.add(bones, color: color, build)
    }
}
