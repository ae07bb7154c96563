import OysterCore

/// Turns a grid of ground samples into one mesh with a primitive per dominant ground kind
/// (each with its own tiled material), blending neighbouring kinds through COLOR_0 so borders
/// between surfaces fade rather than cut: a splat that works in plain glTF.
struct TerrainMesher {
    /// Grid samples per side.
    let side: Int
    /// World position of sample k.
    var positions: [Vec3]
    var normals: [Vec3]
    /// `GroundCover.kinds.count` weights per sample.
    var weights: [Float]
    /// Extra darkening per sample (0 none … 1 black), e.g. for gullies.
    var shade: [Float]
    /// Metres per texture repeat.
    static let uvMetres: Float = 4

    func build(name: String, biome: Biome, material: (SurfaceKind) -> Int) -> Mesh {
        let kinds = GroundCover.kinds
        let kc = kinds.count
        let count = side * side
        // Blended colour of each sample relative to each kind's own colour.
        let albedo = kinds.map { Palette.albedo($0, biome) }
        var blended = [Vec3](repeating: .zero, count: count)
        for v in 0..<count {
            var sum: Float = 0, c = Vec3.zero
            for k in 0..<kc {
                let w = weights[v * kc + k]
                sum += w
                c += albedo[k] * w
            }
            blended[v] = sum > 0 ? c / sum : albedo[0]
        }
        // Triangle kind: the heaviest kind over its three corners.
        var triangles = [[UInt32]](repeating: [], count: kc)
        let cells = side - 1
        func dominant(_ a: Int, _ b: Int, _ c: Int) -> Int {
            var best = 0, bestW: Float = -1
            for k in 0..<kc {
                let w = weights[a * kc + k] + weights[b * kc + k] + weights[c * kc + k]
                if w > bestW { bestW = w; best = k }
            }
            return best
        }
        for j in 0..<cells {
            for i in 0..<cells {
                let a = j * side + i, b = a + 1, c = a + side, d = c + 1
                // Alternate the diagonal so ridges do not all lean one way.
                if (i + j) & 1 == 0 {
                    triangles[dominant(a, c, b)] += [UInt32(a), UInt32(c), UInt32(b)]
                    triangles[dominant(b, c, d)] += [UInt32(b), UInt32(c), UInt32(d)]
                } else {
                    triangles[dominant(a, c, d)] += [UInt32(a), UInt32(c), UInt32(d)]
                    triangles[dominant(a, d, b)] += [UInt32(a), UInt32(d), UInt32(b)]
                }
            }
        }
        var mesh = Mesh(name: name)
        var remap = [Int32](repeating: -1, count: count)
        for k in 0..<kc where !triangles[k].isEmpty {
            for v in 0..<count { remap[v] = -1 }
            var pos: [Float] = [], nor: [Float] = [], uv: [Float] = [], col: [UInt8] = []
            var idx: [UInt32] = []
            idx.reserveCapacity(triangles[k].count)
            var next: Int32 = 0
            let own = albedo[k]
            for v32 in triangles[k] {
                let v = Int(v32)
                if remap[v] < 0 {
                    remap[v] = next
                    next += 1
                    let p = positions[v], n = normals[v]
                    pos += [p.x, p.y, p.z]
                    nor += [n.x, n.y, n.z]
                    uv += [p.x / TerrainMesher.uvMetres, p.z / TerrainMesher.uvMetres]
                    let ratio = blended[v] / own * (1 - shade[v])
                    for ch in 0..<3 { col.append(UInt8(clamp(ratio[ch], 0, 1) * 255 + 0.5)) }
                    col.append(255)
                }
                idx.append(UInt32(remap[v]))
            }
            let attrs: AttributeSet = [
                "POSITION": DataArray(floats: pos, elementType: .vec3),
                "NORMAL": DataArray(floats: nor, elementType: .vec3),
                "TEXCOORD_0": DataArray(floats: uv, elementType: .vec2),
                "COLOR_0": DataArray(componentType: .uint8, elementType: .vec4, normalized: true, bytes: col),
            ]
            mesh.primitives.append(Primitive(mode: .triangles, attributes: attrs, indices: DataArray(indices: idx), material: material(kinds[k])))
        }
        return mesh
    }
}
