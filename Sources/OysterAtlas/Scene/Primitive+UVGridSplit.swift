import OysterCore

// Splitting triangles along whole UV lines: a repeating texture can only share an atlas when
// each triangle samples one period of it. Every triangle is clipped (Sutherland–Hodgman) to the
// unit cells of texture space it covers, and each piece's UVs are moved into [0, 1] by whole
// periods. Positions and other attributes are interpolated with the piece's barycentric
// weights, so the surface and its shading stay where they were; the atlas gutters, filled with
// the texture's own wrap, keep filtering across the new seams as it was. Skin influences
// (JOINTS_n/WEIGHTS_n) are blended, not interpolated component by component (`SkinBlend`).

extension Primitive {
    /// The primitive with its triangles cut at whole values of UV set `set` (read through
    /// `transform`), that set replaced by in-cell UVs (transform applied); or why it cannot be.
    func splitAtUVGrid(set: Int, transform: TextureTransform?, maxTriangles: Int) -> Result<Primitive, UVSplitFailure> {
        splitAtUVGrid(set: set, transform: transform, maxTriangles: maxTriangles, build: true).map { $0.0 ?? self }
    }

    /// How many triangles the split would make (without building it), or why it cannot be.
    func uvGridTriangleCount(set: Int, transform: TextureTransform?, maxTriangles: Int) -> Result<Int, UVSplitFailure> {
        splitAtUVGrid(set: set, transform: transform, maxTriangles: maxTriangles, build: false).map { $0.1 }
    }

    private func splitAtUVGrid(set: Int, transform: TextureTransform?, maxTriangles: Int, build: Bool) -> Result<(Primitive?, Int), UVSplitFailure> {
        let uvName = "TEXCOORD_\(set)"
        guard [.triangles, .triangleStrip, .triangleFan].contains(mode) else { return .failure(.notTriangles) }
        guard targets.isEmpty else { return .failure(.morphTargets) }
        guard let uvArray = attributes[uvName], uvArray.componentsPerElement == 2 else { return .failure(.noUVs) }
        var skin: SkinBlend
        switch SkinBlend.make(attributes) {
        case .success(let s): skin = s
        case .failure(let f): return .failure(f)
        }
        let names = attributes.keys.filter { !skin.names.contains($0) }.sorted(by: Primitive.attributeOrder)
        for n in names {
            let a = attributes[n]!
            if a.componentType != .float32 && !a.normalized { return .failure(.integerAttribute(n)) }
            if a.elementType.componentCount > 4 { return .failure(.integerAttribute(n)) }
        }
        let count = vertexCount
        let values = names.map { attributes[$0]!.floats() }
        let widths = names.map { attributes[$0]!.componentsPerElement }
        guard zip(values, widths).allSatisfy({ $0.count >= count * $1 }), skin.vertexCount >= count else { return .failure(.noUVs) }
        let uvSlot = names.firstIndex(of: uvName)!
        // Effective UVs per vertex.
        var eff = [SIMD2<Double>](repeating: .zero, count: count)
        let uvf = uvArray.floats()
        for i in 0..<count {
            var (u, v) = (uvf[2 * i], uvf[2 * i + 1])
            if let transform { (u, v) = transform.apply(u, v) }
            eff[i] = SIMD2(Double(u), Double(v))
        }
        let tris = triangleIndices()
        var out = SplitOutput(widths: widths, directions: Set(names.indices.filter { ["NORMAL", "TANGENT"].contains(names[$0]) }))
        var fast: [Int64: UInt32] = [:]
        var triangleCount = 0

        for t in stride(from: 0, to: tris.count, by: 3) {
            let idx = (Int(tris[t]), Int(tris[t + 1]), Int(tris[t + 2]))
            guard idx.0 < count, idx.1 < count, idx.2 < count else { continue }
            let a = eff[idx.0], b = eff[idx.1], c = eff[idx.2]
            let lo = pointwiseMin(a, pointwiseMin(b, c)), hi = pointwiseMax(a, pointwiseMax(b, c))
            let eps = 1e-6
            let u0 = Int((lo.x + eps).rounded(.down)), u1 = max(u0 + 1, Int((hi.x - eps).rounded(.up)))
            let v0 = Int((lo.y + eps).rounded(.down)), v1 = max(v0 + 1, Int((hi.y - eps).rounded(.up)))
            guard (u1 - u0) * (v1 - v0) <= 65536 else { return .failure(.tooManyPieces) }
            if u1 - u0 == 1 && v1 - v0 == 1 {
                triangleCount += 1
                guard build else { continue }
                // Whole triangle in one cell: reuse shifted copies of its vertices.
                for i in [idx.0, idx.1, idx.2] {
                    let key = Int64(i) << 24 | Int64(u0 & 0xFFF) << 12 | Int64(v0 & 0xFFF)
                    if let e = fast[key] { out.indices.append(e); continue }
                    let e = out.addVertex(values: values, weights: [(i, 1)], uvSlot: uvSlot, uv: eff[i] - SIMD2(Double(u0), Double(v0)))
                    skin.add([(i, 1)])
                    fast[key] = e
                    out.indices.append(e)
                }
                continue
            }
            let start = [ClipVertex(bary: SIMD3(1, 0, 0), uv: a), ClipVertex(bary: SIMD3(0, 1, 0), uv: b), ClipVertex(bary: SIMD3(0, 0, 1), uv: c)]
            for ku in u0..<u1 {
                let column = clip(clip(start, axis: 0, value: Double(ku), keepAbove: true), axis: 0, value: Double(ku + 1), keepAbove: false)
                guard column.count >= 3 else { continue }
                for kv in v0..<v1 {
                    let piece = clip(clip(column, axis: 1, value: Double(kv), keepAbove: true), axis: 1, value: Double(kv + 1), keepAbove: false)
                    guard piece.count >= 3, polygonArea(piece) > 1e-12 else { continue }
                    guard build else { triangleCount += piece.count - 2; continue }
                    let shift = SIMD2(Double(ku), Double(kv))
                    let ids = piece.map { p in
                        let corners = [(idx.0, p.bary.x), (idx.1, p.bary.y), (idx.2, p.bary.z)]
                        skin.add(corners)
                        return out.addVertex(values: values, weights: corners, uvSlot: uvSlot, uv: p.uv - shift)
                    }
                    for k in 1..<(ids.count - 1) {
                        out.indices += [ids[0], ids[k], ids[k + 1]]
                        triangleCount += 1
                    }
                }
            }
            if triangleCount > maxTriangles { return .failure(.tooManyPieces) }
        }
        guard triangleCount <= maxTriangles else { return .failure(.tooManyPieces) }
        guard build else { return .success((nil, triangleCount)) }

        var result = self
        result.mode = .triangles
        result.attributes = [:]
        for (k, n) in names.enumerated() {
            var f = out.values[k]
            if out.directions.contains(k) { normalizeXYZ(&f, width: widths[k]) }
            result.attributes[n] = DataArray(floats: f, elementType: ElementType.vector(widths[k]) ?? .vec2)
        }
        skin.write(into: &result.attributes)
        result.indices = DataArray(indices: out.indices)
        return .success((result, triangleCount))
    }
}

/// Why a primitive's triangles were not split.
enum UVSplitFailure: Error, CustomStringConvertible {
    case notTriangles, morphTargets, noUVs, tooManyPieces
    case integerAttribute(String)
    case unpairedSkinAttribute(String)

    var description: String {
        switch self {
        case .notTriangles: return "not triangles"
        case .morphTargets: return "has morph targets"
        case .noUVs: return "has no usable UVs"
        case .tooManyPieces: return "would need too many triangles"
        case .integerAttribute(let n): return "\(n) cannot be interpolated"
        case .unpairedSkinAttribute(let n): return "\(n) has no matching joints or weights"
        }
    }
}

// MARK: - Clipping

struct ClipVertex {
    var bary: SIMD3<Double>
    var uv: SIMD2<Double>
}

/// The part of a convex polygon on one side of `uv[axis] = value`.
func clip(_ poly: [ClipVertex], axis: Int, value: Double, keepAbove: Bool) -> [ClipVertex] {
    guard !poly.isEmpty else { return [] }
    func inside(_ p: ClipVertex) -> Bool { keepAbove ? p.uv[axis] >= value : p.uv[axis] <= value }
    var out: [ClipVertex] = []
    out.reserveCapacity(poly.count + 2)
    for i in poly.indices {
        let p = poly[i], q = poly[(i + 1) % poly.count]
        let pin = inside(p), qin = inside(q)
        if pin { out.append(p) }
        if pin != qin {
            let t = (value - p.uv[axis]) / (q.uv[axis] - p.uv[axis])
            var uv = p.uv + (q.uv - p.uv) * t
            uv[axis] = value
            out.append(ClipVertex(bary: p.bary + (q.bary - p.bary) * t, uv: uv))
        }
    }
    return out
}

func polygonArea(_ poly: [ClipVertex]) -> Double {
    var a = 0.0
    for i in poly.indices {
        let p = poly[i].uv, q = poly[(i + 1) % poly.count].uv
        a += p.x * q.y - q.x * p.y
    }
    return abs(a) / 2
}

/// Interpolated vertices and triangle indices being built.
struct SplitOutput {
    let widths: [Int]
    /// Slots holding directions (NORMAL, TANGENT), renormalised later: where the corners'
    /// directions cancel out (a fold whose corners face opposite ways), the heaviest corner's
    /// is taken instead, so no new vertex gets a zero-length normal.
    let directions: Set<Int>
    var values: [[Float]]
    var indices: [UInt32] = []
    var count: UInt32 = 0

    init(widths: [Int], directions: Set<Int> = []) {
        self.widths = widths
        self.directions = directions
        values = widths.map { _ in [] }
    }

    mutating func addVertex(values src: [[Float]], weights: [(Int, Double)], uvSlot: Int, uv: SIMD2<Double>) -> UInt32 {
        for k in src.indices {
            let w = widths[k]
            if k == uvSlot {
                values[k].append(Float(uv.x))
                values[k].append(Float(uv.y))
                continue
            }
            var mixed = (0..<w).map { c in
                var s = 0.0
                for (i, b) in weights where b != 0 { s += b * Double(src[k][i * w + c]) }
                return Float(s)
            }
            if directions.contains(k), w >= 3, mixed[0] * mixed[0] + mixed[1] * mixed[1] + mixed[2] * mixed[2] < 1e-8,
               let heaviest = weights.max(by: { $0.1 < $1.1 })?.0 {
                mixed = Array(src[k][(heaviest * w)..<(heaviest * w + w)])
            }
            values[k] += mixed
        }
        count += 1
        return count - 1
    }
}

/// Rescales the xyz part of each element to unit length (NORMAL, TANGENT after interpolation).
func normalizeXYZ(_ f: inout [Float], width: Int) {
    guard width >= 3 else { return }
    var i = 0
    while i + 2 < f.count {
        let l = (f[i] * f[i] + f[i + 1] * f[i + 1] + f[i + 2] * f[i + 2]).squareRoot()
        if l > 0 { f[i] /= l; f[i + 1] /= l; f[i + 2] /= l }
        if width == 4 { f[i + 3] = f[i + 3] < 0 ? -1 : 1 }
        i += width
    }
}
