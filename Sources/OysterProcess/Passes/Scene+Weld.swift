import OysterCore

/// Options for `Scene.weld`: when two vertices count as one.
///
/// With every tolerance 0 (the default) vertices merge only when all their attributes and
/// morph-target values are bit-identical, which never changes what is rendered. With
/// tolerances, positions within `positionTolerance` (per axis), normals within
/// `normalToleranceDegrees` and texture coordinates within `uvTolerance` (per component) merge
/// into the first such vertex; any other attribute must still match exactly, so seams where
/// UVs, colors or normals differ are kept.
public struct WeldOptions: Hashable, Sendable {
    /// Largest per-axis position difference merged. Default 0 (exact).
    public var positionTolerance: Float = 0
    /// Largest angle between merged normals. Default 0 (exact).
    public var normalToleranceDegrees: Float = 0
    /// Largest per-component texture-coordinate difference merged. Default 0 (exact).
    public var uvTolerance: Float = 0

    /// Options with the given tolerances (all 0: exact welding).
    public init(positionTolerance: Float = 0, normalToleranceDegrees: Float = 0, uvTolerance: Float = 0) {
        self.positionTolerance = positionTolerance
        self.normalToleranceDegrees = normalToleranceDegrees
        self.uvTolerance = uvTolerance
    }

    var isExact: Bool { positionTolerance <= 0 && normalToleranceDegrees <= 0 && uvTolerance <= 0 }
}

extension Scene {
    /// Merges duplicate vertices of every triangle primitive and drops triangles that
    /// collapse to a line; points and lines are left alone.
    @discardableResult
    public mutating func weld(_ options: WeldOptions = .init()) -> PassReport {
        var before = 0, after = 0, degenerate = 0
        let results = Parallel.map(meshes) { mesh in
            mesh.primitives.map { $0.isTriangles ? $0.welded(options) : ($0, 0) }
        }
        for (m, prims) in results.enumerated() {
            for (p, (welded, dropped)) in prims.enumerated() where meshes[m].primitives[p].isTriangles {
                before += meshes[m].primitives[p].vertexCount
                after += welded.vertexCount
                degenerate += dropped
                meshes[m].primitives[p] = welded
            }
        }
        return PassReport(name: "weld", figures: ["verticesBefore": Double(before), "verticesAfter": Double(after),
                                                  "degenerateTrianglesRemoved": Double(degenerate)])
    }
}

extension Primitive {
    /// This primitive with duplicate vertices merged, and the number of degenerate triangles
    /// dropped.
    public func welded(_ options: WeldOptions = .init()) -> (Primitive, degenerateTriangles: Int) {
        let n = vertexCount
        guard isTriangles, n > 0 else { return (self, 0) }
        let tris = triangleIndices()
        guard tris.allSatisfy({ Int($0) < n }) else { return (self, 0) }
        let streams = weldStreams()
        let remap = options.isExact ? exactRemap(streams, count: n) : toleranceRemap(streams, count: n, options)
        // Representatives in first-use order.
        var newIndex = [Int](repeating: -1, count: n)
        var order: [Int] = []
        var out: [UInt32] = []
        out.reserveCapacity(tris.count)
        var dropped = 0
        for t in stride(from: 0, to: tris.count, by: 3) {
            let a = remap[Int(tris[t])], b = remap[Int(tris[t + 1])], c = remap[Int(tris[t + 2])]
            if a == b || b == c || a == c { dropped += 1; continue }
            for v in [a, b, c] {
                if newIndex[v] < 0 { newIndex[v] = order.count; order.append(v) }
                out.append(UInt32(newIndex[v]))
            }
        }
        return (remappingVertices(order, triangles: out), dropped)
    }

    /// (name, data) of every vertex stream, attributes then targets, in a stable order.
    func weldStreams() -> [(name: String, data: DataArray)] {
        var out: [(name: String, data: DataArray)] = sortedAttributeNames.compactMap { k in attributes[k].map { (name: k, data: $0) } }
        for (t, target) in targets.enumerated() {
            for k in target.keys.sorted(by: Primitive.attributeOrder) { if let d = target[k] { out.append((name: "target\(t).\(k)", data: d)) } }
        }
        return out.filter { $0.data.count == vertexCount }
    }

    // MARK: - Exact

    private func exactRemap(_ streams: [(name: String, data: DataArray)], count n: Int) -> [Int] {
        var remap = [Int](repeating: 0, count: n)
        var table: [VertexKey: Int] = [:]
        table.reserveCapacity(n)
        for v in 0..<n {
            var key = [UInt8]()
            for s in streams {
                let size = s.data.elementByteSize
                key.append(contentsOf: s.data.bytes[(v * size)..<(v * size + size)])
            }
            let k = VertexKey(bytes: key)
            if let r = table[k] { remap[v] = r } else { table[k] = v; remap[v] = v }
        }
        return remap
    }

    // MARK: - With tolerance

    private func toleranceRemap(_ streams: [(name: String, data: DataArray)], count n: Int, _ o: WeldOptions) -> [Int] {
        guard let posData = attributes["POSITION"] else { return exactRemap(streams, count: n) }
        let pos = posData.vec3Array()
        let normals = attributes["NORMAL"].flatMap { $0.count == n ? $0.vec3Array() : nil }
        let uvs = streams.filter { $0.name.hasPrefix("TEXCOORD_") }.map { $0.data.vec2Array() }
        let exact = streams.filter { $0.name != "POSITION" && ($0.name != "NORMAL" || normals == nil) && !$0.name.hasPrefix("TEXCOORD_") }.map(\.data)
        let cosTol = cosDegrees(min(max(o.normalToleranceDegrees, 0), 180))
        let cell = max(o.positionTolerance, 1e-12)
        func cellOf(_ p: Vec3) -> SIMD3<Int32> {
            // NaN and out-of-range coordinates land in clamped cells instead of trapping.
            func c(_ x: Float) -> Int32 {
                let v = (x / cell).rounded(.down)
                return v.isNaN ? 0 : Int32(max(-2.0e9, min(2.0e9, v)))
            }
            return SIMD3<Int32>(c(p.x), c(p.y), c(p.z))
        }
        var grid: [SIMD3<Int32>: [Int]] = [:]
        var remap = [Int](repeating: 0, count: n)
        func matches(_ a: Int, _ b: Int) -> Bool {
            let d = pos[a] - pos[b]
            guard abs(d.x) <= o.positionTolerance, abs(d.y) <= o.positionTolerance, abs(d.z) <= o.positionTolerance else { return false }
            if let nr = normals {
                if o.normalToleranceDegrees > 0 {
                    guard dot(normalize(nr[a]), normalize(nr[b])) >= cosTol - 1e-6 else { return false }
                } else if nr[a] != nr[b] { return false }
            }
            for uv in uvs {
                let e = uv[a] - uv[b]
                guard abs(e.x) <= o.uvTolerance, abs(e.y) <= o.uvTolerance else { return false }
            }
            for s in exact {
                let size = s.elementByteSize
                if s.bytes[(a * size)..<(a * size + size)] != s.bytes[(b * size)..<(b * size + size)] { return false }
            }
            return true
        }
        for v in 0..<n {
            let c = cellOf(pos[v])
            var found = -1
            for dz in Int32(-1)...1 {
                for dy in Int32(-1)...1 {
                    for dx in Int32(-1)...1 {
                        guard let list = grid[c &+ SIMD3(dx, dy, dz)] else { continue }
                        for r in list where matches(v, r) && (found < 0 || r < found) { found = r }
                    }
                }
            }
            if found >= 0 { remap[v] = found; continue }
            remap[v] = v
            grid[c, default: []].append(v)
        }
        return remap
    }
}

/// Bytes of one vertex across all streams, hashed for exact welding.
struct VertexKey: Hashable {
    var bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
