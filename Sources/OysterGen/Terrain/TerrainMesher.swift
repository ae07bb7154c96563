import OysterCore

/// Turns a grid of ground samples into one mesh with a primitive per dominant ground kind
/// (each with its own tiled material), blending neighbouring kinds through COLOR_0 so borders
/// between surfaces fade rather than cut: a splat that works in plain glTF.
struct TerrainMesher {
    /// Grid samples along x and along z.
    let columns: Int
    let rows: Int
    /// World position of sample k.
    var positions: [Vec3]
    var normals: [Vec3]
    /// `kinds.count` weights per sample.
    var weights: [Float]
    /// The ground kinds the weights are for (the world's `GroundCover.kinds`).
    var kinds: [SurfaceKind] = GroundCover.landKinds
    /// Extra darkening per sample (0 none … 1 black), e.g. for gullies.
    var shade: [Float]
    /// Cells (i, j) to leave out (a hole where a finer mesh lies).
    var skip: ((Int, Int) -> Bool)?
    /// The biome at each sample, when it differs from the material's (far biomes): the sample's
    /// colour then blends that biome's ground colours over the material's own.
    var biomes: [Biome]?
    /// Whether a triangle whose corners belong to different kinds is cut between them (where
    /// their weights cross, along each edge) rather than given to the heaviest kind whole.
    /// Coarse grids need it: the horizon's cells are tens of metres wide, and whole triangles
    /// drew a lake's sandy shore as a ring of spikes.
    var cutsBetweenKinds = false
    /// Metres per texture repeat.
    static let uvMetres: Float = 4

    init(side: Int, positions: [Vec3], normals: [Vec3], weights: [Float], shade: [Float]) {
        self.init(columns: side, rows: side, positions: positions, normals: normals, weights: weights, shade: shade)
    }

    init(columns: Int, rows: Int, positions: [Vec3], normals: [Vec3], weights: [Float], shade: [Float], skip: ((Int, Int) -> Bool)? = nil) {
        self.columns = columns
        self.rows = rows
        self.positions = positions
        self.normals = normals
        self.weights = weights
        self.shade = shade
        self.skip = skip
    }

    /// The mesh. With `skirt` > 0 the grid's border hangs that many metres down (a vertical
    /// strip in the border triangles' material), so a coarser mesh beyond never shows a crack.
    func build(name: String, biome: Biome, season: Season, skirt: Float = 0, material: (SurfaceKind) -> Int) -> Mesh {
        let kinds = self.kinds
        let kc = kinds.count
        var positions = self.positions, normals = self.normals, weights = self.weights, shade = self.shade
        let side = columns
        let gridCount = columns * rows
        // Border samples in order round the grid, each with a copy `skirt` metres below.
        var border: [Int] = []
        if skirt > 0 {
            for i in 0..<(columns - 1) { border.append(i) }
            for j in 0..<(rows - 1) { border.append(j * side + side - 1) }
            for i in stride(from: columns - 1, to: 0, by: -1) { border.append((rows - 1) * side + i) }
            for j in stride(from: rows - 1, to: 0, by: -1) { border.append(j * side) }
            var extra: [Float] = []
            for v in border {
                positions.append(positions[v] - Vec3(0, skirt, 0))
                normals.append(normals[v])
                extra += self.weights[v * kc..<(v + 1) * kc]
                shade.append(shade[v])
            }
            weights += extra
        }
        var count = positions.count
        // Blended colour of each sample relative to each kind's own colour.
        let albedo = kinds.map { Palette.albedo($0, biome, season) }
        var local: [Biome: [Vec3]] = [:]
        for b in Set(biomes ?? []) { local[b] = kinds.map { Palette.albedo($0, b, season) } }
        var blended = [Vec3](repeating: .zero, count: count)
        for v in 0..<count {
            // A skirt vertex takes the biome of the border sample it hangs from.
            let table = biomes.map { local[$0[v < gridCount ? v : border[v - gridCount]]]! } ?? albedo
            var sum: Float = 0, c = Vec3.zero
            for k in 0..<kc {
                // Squared weights: the dominant surface keeps its colour, borders still blend.
                let w = weights[v * kc + k] * weights[v * kc + k]
                sum += w
                c += table[k] * w
            }
            blended[v] = sum > 0 ? c / sum : table[0]
        }
        // Triangle kind: the heaviest kind over its three corners.
        var triangles = [[UInt32]](repeating: [], count: kc)
        func dominant(_ a: Int, _ b: Int, _ c: Int) -> Int {
            var best = 0, bestW: Float = -1
            for k in 0..<kc {
                let w = weights[a * kc + k] + weights[b * kc + k] + weights[c * kc + k]
                if w > bestW { bestW = w; best = k }
            }
            return best
        }
        // Each sample's heaviest kind, for cutting triangles between kinds.
        let heaviest: [Int] = cutsBetweenKinds ? (0..<count).map { v in (0..<kc).max { weights[v * kc + $0] < weights[v * kc + $1] } ?? 0 } : []
        // A vertex on the segment u–v (`t` of the way), or at the centre of u, v and w.
        func between(_ u: Int, _ v: Int, _ t: Float) -> Int {
            positions.append(positions[u] + (positions[v] - positions[u]) * t)
            normals.append(normalize(normals[u] + (normals[v] - normals[u]) * t))
            shade.append(shade[u] + (shade[v] - shade[u]) * t)
            blended.append(blended[u] + (blended[v] - blended[u]) * t)
            return positions.count - 1
        }
        func centre(_ u: Int, _ v: Int, _ w: Int) -> Int {
            positions.append((positions[u] + positions[v] + positions[w]) / 3)
            normals.append(normalize(normals[u] + normals[v] + normals[w]))
            shade.append((shade[u] + shade[v] + shade[w]) / 3)
            blended.append((blended[u] + blended[v] + blended[w]) / 3)
            return positions.count - 1
        }
        // Where along u–v the weights of u's kind and v's kind cross (linearly between them).
        func crossing(_ u: Int, _ v: Int) -> Int {
            let ku = heaviest[u], kv = heaviest[v]
            let f0 = weights[u * kc + ku] - weights[u * kc + kv], f1 = weights[v * kc + ku] - weights[v * kc + kv]
            let t = f0 - f1 > 1e-6 ? f0 / (f0 - f1) : 0.5
            return between(u, v, min(max(t, 0.1), 0.9))
        }
        func emit(_ kind: Int, _ vs: Int...) { triangles[kind] += vs.map { UInt32($0) } }
        // Triangle a, b, c (counter-clockwise seen from above): whole to its heaviest kind, or
        // cut into a region round each corner in that corner's kind.
        func triangle(_ a: Int, _ b: Int, _ c: Int) {
            guard cutsBetweenKinds, heaviest[a] != heaviest[b] || heaviest[b] != heaviest[c] else {
                emit(dominant(a, b, c), a, b, c)
                return
            }
            if heaviest[a] != heaviest[b] && heaviest[b] != heaviest[c] && heaviest[c] != heaviest[a] {
                let ab = crossing(a, b), bc = crossing(b, c), ca = crossing(c, a), m = centre(a, b, c)
                emit(heaviest[a], a, ab, m, a, m, ca)
                emit(heaviest[b], b, bc, m, b, m, ab)
                emit(heaviest[c], c, ca, m, c, m, bc)
                return
            }
            // Two corners share a kind: turn the odd one to the front, keeping the winding.
            let (x, y, z) = heaviest[b] == heaviest[c] ? (a, b, c) : heaviest[c] == heaviest[a] ? (b, c, a) : (c, a, b)
            let xy = crossing(x, y), xz = crossing(x, z)
            emit(heaviest[x], x, xy, xz)
            emit(heaviest[y], xy, y, z, xy, z, xz)
        }
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                if let skip, skip(i, j) { continue }
                let a = j * side + i, b = a + 1, c = a + side, d = c + 1
                // Alternate the diagonal so ridges do not all lean one way.
                if (i + j) & 1 == 0 {
                    triangle(a, c, b)
                    triangle(b, c, d)
                } else {
                    triangle(a, c, d)
                    triangle(a, d, b)
                }
            }
        }
        count = positions.count
        // Skirt quads under each border edge, in the kind of the border sample they hang from.
        for (e, v) in border.enumerated() {
            let w = border[(e + 1) % border.count]
            let v2 = gridCount + e, w2 = gridCount + (e + 1) % border.count
            let k = dominant(v, w, v)
            // The border loop keeps the grid on one side, so this winding faces outwards.
            triangles[k] += [UInt32(v), UInt32(w), UInt32(v2), UInt32(w), UInt32(w2), UInt32(v2)]
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
