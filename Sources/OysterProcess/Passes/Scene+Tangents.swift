import OysterCore

/// Options for `Scene.generateTangents`.
public struct TangentsOptions: Hashable, Sendable {
    /// Only primitives whose material has a normal texture get tangents (they are useless
    /// otherwise). Default true.
    public var onlyNormalMapped = true
    /// Replace existing tangents too. Default false.
    public var overwrite = false

    /// Options with the given material filter and overwrite policy.
    public init(onlyNormalMapped: Bool = true, overwrite: Bool = false) {
        self.onlyNormalMapped = onlyNormalMapped
        self.overwrite = overwrite
    }
}

extension Scene {
    /// Adds TANGENT (xyz + handedness in w) to triangle primitives with NORMAL and the UV set
    /// the normal texture reads.
    @discardableResult
    public mutating func generateTangents(_ options: TangentsOptions = .init()) -> PassReport {
        // The primitives that get tangents, found first, then made in parallel: each is
        // independent of the others.
        var jobs: [(mesh: Int, primitive: Int, texCoord: Int)] = []
        for m in meshes.indices {
            for p in meshes[m].primitives.indices {
                let prim = meshes[m].primitives[p]
                guard prim.isTriangles, options.overwrite || prim.attributes["TANGENT"] == nil else { continue }
                let normalRef = prim.material.flatMap { materials.indices.contains($0) ? materials[$0].normalTexture : nil }
                if options.onlyNormalMapped && normalRef == nil { continue }
                jobs.append((m, p, normalRef.map { $0.transform?.texCoord ?? $0.texCoord } ?? 0))
            }
        }
        let meshes = self.meshes, todo = jobs
        let made = Parallel.map(todo) { job in
            meshes[job.mesh].primitives[job.primitive].withGeneratedTangents(texCoord: job.texCoord)
        }
        var generated = 0
        for (job, out) in zip(todo, made) {
            guard let out else { continue }
            self.meshes[job.mesh].primitives[job.primitive] = out
            generated += 1
        }
        return PassReport(name: "tangents", figures: ["primitives": Double(generated)])
    }
}

extension Primitive {
    /// The primitive with MikkTSpace-style tangents: per-triangle UV-derived tangents and
    /// bitangents accumulated per vertex, Gram–Schmidt orthogonalized against the normal,
    /// handedness in w (glTF: bitangent = cross(normal, tangent.xyz) × w). A vertex used by
    /// triangles of both UV orientations (mirrored UVs) is split in two, as MikkTSpace does.
    /// Nil without POSITION, NORMAL or the UV set.
    public func withGeneratedTangents(texCoord: Int = 0) -> Primitive? {
        guard let posData = attributes["POSITION"], let nrmData = attributes["NORMAL"],
              let uvData = attributes["TEXCOORD_\(texCoord)"] else { return nil }
        let pos = posData.vec3Array(), nrm = nrmData.vec3Array(), uv = uvData.vec2Array()
        let tris = triangleIndices()
        guard pos.count == nrm.count, pos.count == uv.count, tris.allSatisfy({ Int($0) < pos.count }) else { return nil }
        // Output vertex per (vertex, UV orientation sign).
        var slot: [Int: UInt32] = [:]
        var order: [Int] = []
        var tan: [Vec3] = [], bit: [Vec3] = []
        var out: [UInt32] = []
        out.reserveCapacity(tris.count)
        for t in stride(from: 0, to: tris.count, by: 3) {
            let i0 = Int(tris[t]), i1 = Int(tris[t + 1]), i2 = Int(tris[t + 2])
            let e1 = pos[i1] - pos[i0], e2 = pos[i2] - pos[i0]
            let d1 = uv[i1] - uv[i0], d2 = uv[i2] - uv[i0]
            let det = d1.x * d2.y - d2.x * d1.y
            var tv = Vec3.zero, bv = Vec3.zero
            if abs(det) > 1e-20 {
                let r = 1 / det
                tv = (e1 * d2.y - e2 * d1.y) * r
                bv = (e2 * d1.x - e1 * d2.x) * r
                // Weight by triangle area in UV-independent terms: normalize and scale by area.
                let area = length(cross(e1, e2))
                tv = normalize(tv) * area
                bv = normalize(bv) * area
            }
            let sign = det < 0 ? 1 : 0
            for v in [i0, i1, i2] {
                let key = v * 2 + sign
                let o: UInt32
                if let s = slot[key] { o = s } else {
                    o = UInt32(order.count)
                    slot[key] = o
                    order.append(v)
                    tan.append(.zero)
                    bit.append(.zero)
                }
                tan[Int(o)] += tv
                bit[Int(o)] += bv
                out.append(o)
            }
        }
        var tangents: [Vec4] = []
        tangents.reserveCapacity(order.count)
        for (o, v) in order.enumerated() {
            let n = normalize(nrm[v])
            var t = tan[o] - n * dot(n, tan[o])
            if length(t) < 1e-12 {
                // No UV gradient: any unit vector perpendicular to the normal.
                t = abs(n.x) < 0.9 ? cross(n, Vec3(1, 0, 0)) : cross(n, Vec3(0, 1, 0))
            }
            t = normalize(t)
            let w: Float = dot(cross(n, t), bit[o]) < 0 ? -1 : 1
            tangents.append(Vec4(t.x, t.y, t.z, w))
        }
        var p = remappingVertices(order, triangles: out)
        p.attributes["TANGENT"] = DataArray(vec4: tangents)
        for t in p.targets.indices { p.targets[t]["TANGENT"] = nil }
        return p
    }
}
