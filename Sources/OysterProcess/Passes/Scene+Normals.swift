import OysterCore

/// Options for `Scene.generateNormals`.
public struct NormalsOptions: Hashable, Sendable {
    /// Faces meeting at a sharper angle than this (degrees) get a hard edge; corners with the
    /// same position are smoothed together across UV seams otherwise. Default 45°.
    public var smoothingAngleDegrees: Float = 45
    /// Replace existing normals too. Default false: only primitives without NORMAL.
    public var overwrite = false

    /// Options with the given smoothing angle and overwrite policy.
    public init(smoothingAngleDegrees: Float = 45, overwrite: Bool = false) {
        self.smoothingAngleDegrees = smoothingAngleDegrees
        self.overwrite = overwrite
    }
}

extension Scene {
    /// Adds angle-weighted vertex normals to triangle primitives that lack them, splitting
    /// vertices along hard edges.
    @discardableResult
    public mutating func generateNormals(_ options: NormalsOptions = .init()) -> PassReport {
        var generated = 0, split = 0
        for m in meshes.indices {
            for p in meshes[m].primitives.indices {
                let prim = meshes[m].primitives[p]
                guard prim.isTriangles, prim.attributes["POSITION"] != nil, options.overwrite || prim.attributes["NORMAL"] == nil else { continue }
                let out = prim.withGeneratedNormals(smoothingAngleDegrees: options.smoothingAngleDegrees)
                split += out.vertexCount - prim.vertexCount
                meshes[m].primitives[p] = out
                generated += 1
            }
        }
        return PassReport(name: "normals", figures: ["primitives": Double(generated), "verticesAdded": Double(split)])
    }
}

extension Primitive {
    /// The primitive with NORMAL computed from its triangles: each corner averages the face
    /// normals (weighted by corner angle) of faces around the same position whose normals lie
    /// within the smoothing angle of its own face; vertices are split where corners disagree.
    public func withGeneratedNormals(smoothingAngleDegrees: Float = 45) -> Primitive {
        guard let posData = attributes["POSITION"] else { return self }
        let pos = posData.vec3Array()
        let tris = triangleIndices()
        guard tris.allSatisfy({ Int($0) < pos.count }) else { return self }
        let triCount = tris.count / 3
        // Face normals (unit) and corner angles.
        var faceNormal = [Vec3](repeating: .zero, count: triCount)
        var cornerAngle = [Float](repeating: 0, count: tris.count)
        for t in 0..<triCount {
            let a = pos[Int(tris[3 * t])], b = pos[Int(tris[3 * t + 1])], c = pos[Int(tris[3 * t + 2])]
            faceNormal[t] = normalize(cross(b - a, c - a))
            let corners = [(a, b, c), (b, c, a), (c, a, b)]
            for (k, (p, q, r)) in corners.enumerated() {
                cornerAngle[3 * t + k] = acosClamped(dot(normalize(q - p), normalize(r - p)))
            }
        }
        // Corners grouped by exact position, so UV seams do not split the shading.
        var groupOf: [Vec3: Int] = [:]
        var groups: [[Int]] = []
        for (c, v) in tris.enumerated() {
            let p = pos[Int(v)]
            if let g = groupOf[p] { groups[g].append(c) } else { groupOf[p] = groups.count; groups.append([c]) }
        }
        let cosLimit = smoothingAngleDegrees >= 180 ? -2 : cosDegrees(smoothingAngleDegrees)
        var cornerNormal = [Vec3](repeating: .zero, count: tris.count)
        for g in groups {
            for c in g {
                let fn = faceNormal[c / 3]
                var sum = Vec3.zero
                for o in g where dot(fn, faceNormal[o / 3]) >= cosLimit - 1e-6 { sum += faceNormal[o / 3] * cornerAngle[o] }
                var n = normalize(sum)
                if n == .zero { n = fn == .zero ? Vec3(0, 1, 0) : fn }
                cornerNormal[c] = n
            }
        }
        // One output vertex per (source vertex, normal).
        var key: [VertexNormalKey: UInt32] = [:]
        var order: [Int] = []
        var normals: [Vec3] = []
        var out: [UInt32] = []
        out.reserveCapacity(tris.count)
        for (c, v) in tris.enumerated() {
            let k = VertexNormalKey(vertex: Int(v), normal: cornerNormal[c])
            if let i = key[k] { out.append(i); continue }
            let i = UInt32(order.count)
            key[k] = i
            order.append(Int(v))
            normals.append(cornerNormal[c])
            out.append(i)
        }
        var p = remappingVertices(order, triangles: out)
        p.attributes["NORMAL"] = DataArray(vec3: normals)
        // Displacements of a generated attribute are unknown: drop them rather than mislead.
        for t in p.targets.indices { p.targets[t]["NORMAL"] = nil }
        return p
    }
}

struct VertexNormalKey: Hashable {
    var vertex: Int
    var normal: Vec3
}
