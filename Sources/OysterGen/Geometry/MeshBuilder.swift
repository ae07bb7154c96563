import OysterCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a shape's normals are made: one per face (hard edges) or shared across faces.
public enum NormalMode: Sendable, Hashable {
    case flat, smooth
}

/// Accumulates triangles grouped by `SurfaceKind` (positions, normals, UVs in metres, optional
/// vertex colors) and turns them into one indexed `Primitive` per kind.
///
/// Conventions: Y is up, metres; triangles wind counter-clockwise seen from the front;
/// 1 UV unit = 1 m so tileable textures line up across parts; V grows downwards in the
/// image, so builders store `v = -height` to keep textures upright.
public struct MeshBuilder: Sendable, Hashable {
    /// The vertices and triangles of one surface kind.
    public struct Group: Sendable, Hashable {
        public var positions: [Vec3] = []
        public var normals: [Vec3] = []
        public var uvs: [Vec2] = []
        public var colors: [Vec4] = []
        public var indices: [UInt32] = []
        /// Whether any vertex was given a color (then COLOR_0 is written).
        public var hasColors = false
    }

    /// Triangles per surface kind.
    public private(set) var groups: [SurfaceKind: Group] = [:]
    /// Color given to vertices added from now on; nil means white (no COLOR_0 unless set).
    public var color: Vec4?

    public init() {}

    // MARK: - Queries

    /// Surface kinds in use, in `SurfaceKind` order.
    public var kinds: [SurfaceKind] { groups.keys.sorted() }
    public var triangleCount: Int { groups.values.reduce(0) { $0 + $1.indices.count / 3 } }
    public var vertexCount: Int { groups.values.reduce(0) { $0 + $1.positions.count } }
    public var isEmpty: Bool { groups.values.allSatisfy { $0.indices.isEmpty } }

    /// The box around every vertex.
    public var bounds: AABB {
        var box = AABB.empty
        for g in groups.values { for p in g.positions { box.add(p) } }
        return box
    }

    // MARK: - Raw vertices and triangles

    /// Adds one vertex to `kind` and returns its index within that kind.
    @discardableResult
    public mutating func vertex(_ kind: SurfaceKind, _ p: Vec3, normal n: Vec3, uv: Vec2) -> UInt32 {
        var g = groups[kind] ?? Group()
        groups[kind] = nil  // keep the array uniquely referenced while appending
        let i = UInt32(g.positions.count)
        g.positions.append(p)
        g.normals.append(n)
        g.uvs.append(uv)
        if let c = color {
            if !g.hasColors {
                g.colors = [Vec4](repeating: Vec4(1, 1, 1, 1), count: g.positions.count - 1)
                g.hasColors = true
            }
            g.colors.append(c)
        } else if g.hasColors {
            g.colors.append(Vec4(1, 1, 1, 1))
        }
        groups[kind] = g
        return i
    }

    /// Adds a triangle over existing vertex indices of `kind`.
    public mutating func triangle(_ kind: SurfaceKind, _ a: UInt32, _ b: UInt32, _ c: UInt32) {
        groups[kind, default: Group()].indices.append(contentsOf: [a, b, c])
    }

    // MARK: - Faces

    /// A flat triangle; UVs default to a planar projection along the face's main axis.
    public mutating func addTriangle(_ kind: SurfaceKind, _ a: Vec3, _ b: Vec3, _ c: Vec3, uvs: (Vec2, Vec2, Vec2)? = nil) {
        let n = normalize(cross(b - a, c - a))
        guard n != .zero else { return }
        let (ua, ub, uc) = uvs ?? (Self.planarUV(a, n), Self.planarUV(b, n), Self.planarUV(c, n))
        let i = vertex(kind, a, normal: n, uv: ua)
        vertex(kind, b, normal: n, uv: ub)
        vertex(kind, c, normal: n, uv: uc)
        triangle(kind, i, i + 1, i + 2)
    }

    /// A flat quad a-b-c-d (counter-clockwise seen from the front); UVs default to a planar
    /// projection along the face's main axis.
    public mutating func addQuad(_ kind: SurfaceKind, _ a: Vec3, _ b: Vec3, _ c: Vec3, _ d: Vec3, uvs: (Vec2, Vec2, Vec2, Vec2)? = nil) {
        let n = normalize(cross(c - a, d - b))
        guard n != .zero else { return }
        let (ua, ub, uc, ud) = uvs ?? (Self.planarUV(a, n), Self.planarUV(b, n), Self.planarUV(c, n), Self.planarUV(d, n))
        let i = vertex(kind, a, normal: n, uv: ua)
        vertex(kind, b, normal: n, uv: ub)
        vertex(kind, c, normal: n, uv: uc)
        vertex(kind, d, normal: n, uv: ud)
        triangle(kind, i, i + 1, i + 2)
        triangle(kind, i, i + 2, i + 3)
    }

    /// A flat quad whose winding is chosen so its normal points along `facing`.
    public mutating func addQuad(_ kind: SurfaceKind, _ a: Vec3, _ b: Vec3, _ c: Vec3, _ d: Vec3, facing: Vec3) {
        if dot(cross(c - a, d - b), facing) >= 0 { addQuad(kind, a, b, c, d) } else { addQuad(kind, d, c, b, a) }
    }

    /// A two-sided quad (front and back), for leaf cards, cloth and flags.
    public mutating func addDoubleSidedQuad(_ kind: SurfaceKind, _ a: Vec3, _ b: Vec3, _ c: Vec3, _ d: Vec3, uvs: (Vec2, Vec2, Vec2, Vec2)? = nil) {
        addQuad(kind, a, b, c, d, uvs: uvs)
        // The back face sits a hair behind the front so ray tracers do not see two
        // coincident surfaces.
        let n = normalize(cross(c - a, d - b)) * 0.003
        let u = uvs.map { ($0.3, $0.2, $0.1, $0.0) }
        addQuad(kind, d - n, c - n, b - n, a - n, uvs: u)
    }

    /// A two-sided triangle (grass blade tips, petals), back face offset like `addDoubleSidedQuad`.
    public mutating func addDoubleSidedTriangle(_ kind: SurfaceKind, _ a: Vec3, _ b: Vec3, _ c: Vec3) {
        addTriangle(kind, a, b, c)
        let n = normalize(cross(b - a, c - a)) * 0.003
        addTriangle(kind, c - n, b - n, a - n)
    }

    /// A flat planar polygon (any simple polygon, counter-clockwise seen from the front),
    /// triangulated by ear clipping.
    public mutating func addPolygon(_ kind: SurfaceKind, _ points: [Vec3]) {
        guard points.count >= 3 else { return }
        var n = Vec3.zero
        for i in 0..<points.count {  // Newell's normal: robust for concave polygons
            let p = points[i], q = points[(i + 1) % points.count]
            n += Vec3((p.y - q.y) * (p.z + q.z), (p.z - q.z) * (p.x + q.x), (p.x - q.x) * (p.y + q.y))
        }
        n = normalize(n)
        guard n != .zero else { return }
        let (u, v) = Self.basis(n)
        let flat = points.map { Vec2(dot($0, u), dot($0, v)) }
        let base = UInt32(groups[kind]?.positions.count ?? 0)
        for p in points { vertex(kind, p, normal: n, uv: Self.planarUV(p, n)) }
        for t in Triangulate.earClip(flat) { triangle(kind, base + t.0, base + t.1, base + t.2) }
    }

    // MARK: - Indexed meshes

    /// Adds an arbitrary indexed triangle mesh, computing normals (area-weighted when smooth)
    /// and UVs by planar projection along each normal's main axis.
    public mutating func addMesh(_ kind: SurfaceKind, positions: [Vec3], indices: [UInt32], normals mode: NormalMode) {
        let triCount = indices.count / 3
        switch mode {
        case .flat:
            for t in 0..<triCount {
                let a = Int(indices[t * 3]), b = Int(indices[t * 3 + 1]), c = Int(indices[t * 3 + 2])
                guard a < positions.count, b < positions.count, c < positions.count else { continue }
                addTriangle(kind, positions[a], positions[b], positions[c])
            }
        case .smooth:
            var ns = [Vec3](repeating: .zero, count: positions.count)
            for t in 0..<triCount {
                let a = Int(indices[t * 3]), b = Int(indices[t * 3 + 1]), c = Int(indices[t * 3 + 2])
                guard a < positions.count, b < positions.count, c < positions.count else { continue }
                let fn = cross(positions[b] - positions[a], positions[c] - positions[a])
                ns[a] += fn; ns[b] += fn; ns[c] += fn
            }
            let base = UInt32(groups[kind]?.positions.count ?? 0)
            for (i, p) in positions.enumerated() {
                var n = normalize(ns[i])
                if n == .zero { n = Vec3(0, 1, 0) }
                vertex(kind, p, normal: n, uv: Self.triplanarUV(p, n))
            }
            for t in 0..<triCount {
                let a = indices[t * 3], b = indices[t * 3 + 1], c = indices[t * 3 + 2]
                guard Int(max(a, b, c)) < positions.count else { continue }
                triangle(kind, base + a, base + b, base + c)
            }
        }
    }

    // MARK: - Appending

    /// Appends every triangle of `other`, transformed by `transform` (normals by its inverse
    /// transpose; winding flipped for mirroring transforms). UVs are kept.
    public mutating func append(_ other: MeshBuilder, transform: Mat4 = .identity) {
        let m = transform.m
        let lin = Linear3(m)
        let normalMatrix = lin.inverseTranspose
        let flip = lin.determinant < 0
        for kind in other.kinds {
            guard let src = other.groups[kind] else { continue }
            var g = groups[kind] ?? Group()
            groups[kind] = nil
            let base = UInt32(g.positions.count)
            g.positions.reserveCapacity(g.positions.count + src.positions.count)
            for p in src.positions { g.positions.append(lin.apply(p) + Vec3(m[12], m[13], m[14])) }
            for n in src.normals {
                let t = normalize(normalMatrix.apply(n))
                g.normals.append(t == .zero ? n : t)
            }
            g.uvs.append(contentsOf: src.uvs)
            if src.hasColors || g.hasColors {
                if !g.hasColors { g.colors = [Vec4](repeating: Vec4(1, 1, 1, 1), count: Int(base)); g.hasColors = true }
                g.colors.append(contentsOf: src.hasColors ? src.colors : [Vec4](repeating: Vec4(1, 1, 1, 1), count: src.positions.count))
            }
            var t = 0
            while t + 2 < src.indices.count {
                let a = src.indices[t] + base, b = src.indices[t + 1] + base, c = src.indices[t + 2] + base
                if flip { g.indices.append(contentsOf: [a, c, b]) } else { g.indices.append(contentsOf: [a, b, c]) }
                t += 3
            }
            groups[kind] = g
        }
    }

    /// Moves every vertex by `offset`.
    public mutating func translate(by offset: Vec3) {
        for k in kinds { groups[k]!.positions = groups[k]!.positions.map { $0 + offset } }
    }

    /// Re-tags every triangle of kind `from` as `to`.
    public mutating func retag(_ from: SurfaceKind, as to: SurfaceKind) {
        guard from != to, let g = groups.removeValue(forKey: from) else { return }
        var other = MeshBuilder()
        other.groups[to] = g
        append(other)
    }

    // MARK: - Output

    /// One indexed `Primitive` per surface kind (sorted by kind, so output is stable), with
    /// POSITION, NORMAL, TEXCOORD_0 and, when any vertex was colored, COLOR_0.
    public func makeMesh(name: String, material: (SurfaceKind) -> Int) -> Mesh {
        var mesh = Mesh(name: name)
        for kind in kinds {
            guard let g = groups[kind], !g.indices.isEmpty else { continue }
            var attrs: AttributeSet = [
                "POSITION": DataArray(vec3: g.positions),
                "NORMAL": DataArray(vec3: g.normals),
                "TEXCOORD_0": DataArray(vec2: g.uvs),
            ]
            if g.hasColors { attrs["COLOR_0"] = DataArray(vec4: g.colors) }
            mesh.primitives.append(Primitive(mode: .triangles, attributes: attrs, indices: DataArray(indices: g.indices), material: material(kind)))
        }
        return mesh
    }

    // MARK: - UV helpers

    /// Moves the UVs of `kind`'s vertices from `start` on into one period of the texture
    /// ([0, 1]²): shifted to start at 0 and, where they span more than one period, scaled down
    /// evenly until they fit. For pieces drawn with tileable noise (a character's skin, cloth,
    /// hair), where the phase of the pattern is invisible: a piece that samples one period can
    /// share an atlas page without having its triangles cut at the texture's repeats.
    public mutating func fitUVsIntoOnePeriod(_ kind: SurfaceKind, from start: Int) {
        guard var g = groups[kind], start < g.uvs.count else { return }
        var lo = g.uvs[start], hi = g.uvs[start]
        for uv in g.uvs[start...] {
            lo = Vec2(min(lo.x, uv.x), min(lo.y, uv.y))
            hi = Vec2(max(hi.x, uv.x), max(hi.y, uv.y))
        }
        let span = max(hi.x - lo.x, hi.y - lo.y)
        let scale: Float = span > 1 ? 1 / span : 1
        for i in start..<g.uvs.count {
            let uv = (g.uvs[i] - lo) * scale
            g.uvs[i] = Vec2(min(max(uv.x, 0), 1), min(max(uv.y, 0), 1))
        }
        groups[kind] = g
    }

    /// Metre-scale planar UV for a point on a face with normal `n`, projected along the
    /// normal's main axis; `v` is minus height on walls so textures stand upright.
    public static func planarUV(_ p: Vec3, _ n: Vec3) -> Vec2 {
        let ax = abs(n.x), ay = abs(n.y), az = abs(n.z)
        if ay >= ax && ay >= az { return Vec2(p.x, n.y >= 0 ? -p.z : p.z) }
        if ax >= az { return Vec2(n.x >= 0 ? -p.z : p.z, -p.y) }
        return Vec2(n.z >= 0 ? p.x : -p.x, -p.y)
    }

    /// Like `planarUV`, for smooth surfaces (rocks): same projection, shared per vertex.
    static func triplanarUV(_ p: Vec3, _ n: Vec3) -> Vec2 { planarUV(p, n) }

    /// Two unit vectors perpendicular to `n` and each other (u × v = n).
    static func basis(_ n: Vec3) -> (Vec3, Vec3) {
        let helper = abs(n.y) < 0.99 ? Vec3(0, 1, 0) : Vec3(1, 0, 0)
        let u = normalize(cross(helper, n))
        let v = cross(n, u)
        return (u, v)
    }
}

// MARK: - 3×3 linear part of a Mat4

/// The upper-left 3×3 of a column-major Mat4, cheap to apply in loops.
struct Linear3 {
    var c0: Vec3, c1: Vec3, c2: Vec3

    init(_ m: [Float]) {
        c0 = Vec3(m[0], m[1], m[2]); c1 = Vec3(m[4], m[5], m[6]); c2 = Vec3(m[8], m[9], m[10])
    }

    init(c0: Vec3, c1: Vec3, c2: Vec3) { self.c0 = c0; self.c1 = c1; self.c2 = c2 }

    @inline(__always) func apply(_ v: Vec3) -> Vec3 { c0 * v.x + c1 * v.y + c2 * v.z }

    var determinant: Float { dot(c0, cross(c1, c2)) }

    /// Inverse transpose (for normals), up to a positive scale; identity when singular.
    var inverseTranspose: Linear3 {
        let det = determinant
        guard det != 0, det.isFinite else { return Linear3(c0: Vec3(1, 0, 0), c1: Vec3(0, 1, 0), c2: Vec3(0, 0, 1)) }
        // Columns of the cofactor matrix = rows of the inverse transposed.
        return Linear3(c0: cross(c1, c2) / det, c1: cross(c2, c0) / det, c2: cross(c0, c1) / det)
    }
}
