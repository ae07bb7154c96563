import OysterCore

extension Vegetation {
    /// A saguaro cactus: a ribbed column with one to three upturned arms and rounded tops.
    /// `kind` is the surface to use (the vocabulary has no cactus surface; `.bushLeaves` by default).
    public static func cactus(height: Float? = nil, detail: Int = 1, kind: SurfaceKind = .bushLeaves, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let detail = max(0, min(detail, 2))
        let h = kitClamp(height ?? rng.float(in: 3...5.5), 0.3, 25, fallback: 4)
        let ribs = [6, 8, 10][detail]
        var b = MeshBuilder()
        b.color = Vec4(rng.float(in: 0.85...1), 1, rng.float(in: 0.85...1), 1)
        func column(_ path: [Vec3], _ r: Float) {
            // Ribbed tube: 2 vertices per rib, alternating ridge and groove, domed top.
            let segs = ribs * 2
            var radii = [Float](repeating: r, count: path.count)
            radii[radii.count - 1] = r * 0.92
            var domed = path
            let top = path[path.count - 1], dir = normalize(path[path.count - 1] - path[path.count - 2])
            domed.append(top + dir * r * 0.55)
            domed.append(top + dir * r * 0.9)
            radii.append(r * 0.7)
            radii.append(0)
            var ribbed = MeshBuilder()
            ribbed.tube(kind, path: domed, radii: radii, segments: segs, normals: .smooth)
            // Pull every other ring vertex in to make grooves.
            if var g = ribbed.groups[kind] {
                let ringSize = segs + 1
                for i in 0..<g.positions.count {
                    let j = i % ringSize, ring = i / ringSize
                    guard j % 2 == 1, ring < domed.count else { continue }
                    let c = domed[ring]
                    g.positions[i] = c + (g.positions[i] - c) * 0.86
                }
                var m = MeshBuilder()
                m.addMeshKeepingUVs(kind, g)
                b.append(m)
            }
        }
        let r = h * 0.065
        column([Vec3(0, -0.2, 0), Vec3(0, h * 0.5, 0), Vec3(0, h - r, 0)], r)
        for k in 0..<rng.int(in: 1...3) {
            let yaw = Float(k) * 2.3 + rng.float(in: -0.4...0.4)
            let d = Vec3(kcos(yaw), 0, ksin(yaw))
            let y0 = h * rng.float(in: 0.3...0.55), out = r * rng.float(in: 2.6...3.6), up = h * rng.float(in: 0.18...0.32)
            let ar = r * 0.72
            column([d * r * 0.5 + Vec3(0, y0, 0), d * out * 0.7 + Vec3(0, y0 + ar * 0.3, 0), d * out + Vec3(0, y0 + ar * 1.6, 0), d * out + Vec3(0, y0 + up, 0)], ar)
        }
        b.color = nil
        var m = KitModel(name: "Cactus")
        m.add("Cactus", b)
        return m
    }
}

extension MeshBuilder {
    /// Adds a group's triangles as they are (positions, UVs), recomputing smooth normals.
    mutating func addMeshKeepingUVs(_ kind: SurfaceKind, _ g: Group) {
        var ns = [Vec3](repeating: .zero, count: g.positions.count)
        var t = 0
        while t + 2 < g.indices.count {
            let a = Int(g.indices[t]), b = Int(g.indices[t + 1]), c = Int(g.indices[t + 2])
            let fn = cross(g.positions[b] - g.positions[a], g.positions[c] - g.positions[a])
            ns[a] += fn; ns[b] += fn; ns[c] += fn
            t += 3
        }
        let base = UInt32(groups[kind]?.positions.count ?? 0)
        for i in 0..<g.positions.count {
            let n = normalize(ns[i])
            vertex(kind, g.positions[i], normal: n == .zero ? g.normals[i] : n, uv: g.uvs[i])
        }
        t = 0
        while t + 2 < g.indices.count {
            triangle(kind, base + g.indices[t], base + g.indices[t + 1], base + g.indices[t + 2])
            t += 3
        }
    }
}
