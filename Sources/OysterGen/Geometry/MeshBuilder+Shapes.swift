import OysterCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Boxes

extension MeshBuilder {
    /// An axis-aligned box from `min` to `max` (flat faces, metre UVs).
    public mutating func box(_ kind: SurfaceKind, min lo: Vec3, max hi: Vec3) {
        let c = (lo + hi) * 0.5
        orientedBox(kind, center: c, axes: (Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)), half: (hi - lo) * 0.5)
    }

    /// A box centred at `center`, `size` along its own axes, turned `yaw` radians about Y.
    public mutating func box(_ kind: SurfaceKind, center: Vec3, size: Vec3, yaw: Float = 0) {
        let c = kcos(yaw), s = ksin(yaw)
        orientedBox(kind, center: center, axes: (Vec3(c, 0, -s), Vec3(0, 1, 0), Vec3(s, 0, c)), half: size * 0.5)
    }

    /// A box with arbitrary orthonormal `axes` and half extents; UVs are projections on the
    /// box's own axes (metres), so a rotated plank keeps its grain.
    public mutating func orientedBox(_ kind: SurfaceKind, center: Vec3, axes: (Vec3, Vec3, Vec3), half: Vec3, faces: BoxFaces = .all) {
        var (ax, ay, az) = axes
        if dot(cross(ax, ay), az) < 0 { ax = -ax }  // left-handed axes would turn the box inside out
        let ex = ax * half.x, ey = ay * half.y, ez = az * half.z
        func corner(_ sx: Float, _ sy: Float, _ sz: Float) -> Vec3 { center + ex * sx + ey * sy + ez * sz }
        func face(_ n: Vec3, _ u: Vec3, _ v: Vec3, _ pts: [Vec3]) {
            let uvs = pts.map { Vec2(dot($0, u), -dot($0, v)) }
            let i = vertex(kind, pts[0], normal: n, uv: uvs[0])
            vertex(kind, pts[1], normal: n, uv: uvs[1])
            vertex(kind, pts[2], normal: n, uv: uvs[2])
            vertex(kind, pts[3], normal: n, uv: uvs[3])
            triangle(kind, i, i + 1, i + 2)
            triangle(kind, i, i + 2, i + 3)
        }
        if faces.contains(.posX) { face(ax, -az, ay, [corner(1, -1, 1), corner(1, -1, -1), corner(1, 1, -1), corner(1, 1, 1)]) }
        if faces.contains(.negX) { face(-ax, az, ay, [corner(-1, -1, -1), corner(-1, -1, 1), corner(-1, 1, 1), corner(-1, 1, -1)]) }
        if faces.contains(.posZ) { face(az, ax, ay, [corner(-1, -1, 1), corner(1, -1, 1), corner(1, 1, 1), corner(-1, 1, 1)]) }
        if faces.contains(.negZ) { face(-az, -ax, ay, [corner(1, -1, -1), corner(-1, -1, -1), corner(-1, 1, -1), corner(1, 1, -1)]) }
        if faces.contains(.posY) { face(ay, ax, az, [corner(-1, 1, 1), corner(1, 1, 1), corner(1, 1, -1), corner(-1, 1, -1)]) }
        if faces.contains(.negY) { face(-ay, ax, -az, [corner(-1, -1, -1), corner(1, -1, -1), corner(1, -1, 1), corner(-1, -1, 1)]) }
    }

    /// A box between two points (a beam or plank), `width` × `depth` across; `up` picks the roll.
    public mutating func beam(_ kind: SurfaceKind, from a: Vec3, to b: Vec3, width: Float, depth: Float, up: Vec3 = Vec3(0, 1, 0)) {
        let d = b - a
        let len = length(d)
        guard len > 1e-6 else { return }
        let ay = d / len
        var ax = cross(up, ay)
        if length(ax) < 1e-4 { ax = cross(Vec3(1, 0, 0), ay) }
        ax = normalize(ax)
        let az = cross(ax, ay)
        orientedBox(kind, center: (a + b) * 0.5, axes: (ax, ay, az), half: Vec3(width / 2, len / 2, depth / 2))
    }
}

/// Which faces of a box to emit (hidden faces can be skipped to save triangles).
public struct BoxFaces: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let posX = BoxFaces(rawValue: 1), negX = BoxFaces(rawValue: 2)
    public static let posY = BoxFaces(rawValue: 4), negY = BoxFaces(rawValue: 8)
    public static let posZ = BoxFaces(rawValue: 16), negZ = BoxFaces(rawValue: 32)
    public static let all: BoxFaces = [.posX, .negX, .posY, .negY, .posZ, .negZ]
    public static let noBottom: BoxFaces = [.posX, .negX, .posY, .posZ, .negZ]
}

// MARK: - Swept shapes: cylinders, cones, tubes

extension MeshBuilder {
    /// A cylinder (or truncated cone) from `from` to `to`, with optional caps.
    public mutating func cylinder(_ kind: SurfaceKind, from a: Vec3, to b: Vec3, radiusBottom r0: Float, radiusTop r1: Float,
                                  segments: Int = 12, capBottom: Bool = true, capTop: Bool = true, normals: NormalMode = .smooth) {
        tube(kind, path: [a, b], radii: [r0, r1], segments: segments, capStart: capBottom, capEnd: capTop, normals: normals)
    }

    /// A cone from a base disc at `base` to an apex at `apex`.
    public mutating func cone(_ kind: SurfaceKind, base: Vec3, apex: Vec3, radius: Float, segments: Int = 12, capBase: Bool = true, normals: NormalMode = .smooth) {
        tube(kind, path: [base, apex], radii: [radius, 0], segments: segments, capStart: capBase, capEnd: false, normals: normals)
    }

    /// A tapered tube along a polyline (branches, trunks, ropes): one ring per path point with
    /// parallel-transported frames, so it does not twist. Zero radii close to a point.
    /// UVs: u around (metres at the mean radius), v along (metres).
    public mutating func tube(_ kind: SurfaceKind, path: [Vec3], radii: [Float], segments: Int = 8,
                              capStart: Bool = false, capEnd: Bool = false, normals: NormalMode = .smooth) {
        let n = min(path.count, radii.count)
        guard n >= 2 else { return }
        let segs = max(3, segments)
        // Tangents and parallel-transported frames.
        var tangents = [Vec3](repeating: .zero, count: n)
        for i in 0..<n {
            let t = path[min(i + 1, n - 1)] - path[max(i - 1, 0)]
            tangents[i] = normalize(t) == .zero ? Vec3(0, 1, 0) : normalize(t)
        }
        var us = [Vec3](repeating: .zero, count: n)
        us[0] = MeshBuilder.basis(tangents[0]).0
        for i in 1..<n {
            let prev = us[i - 1]
            var u = prev - tangents[i] * dot(prev, tangents[i])
            if length(u) < 1e-5 { u = MeshBuilder.basis(tangents[i]).0 }
            us[i] = normalize(u)
        }
        var lengths = [Float](repeating: 0, count: n)
        for i in 1..<n { lengths[i] = lengths[i - 1] + length(path[i] - path[i - 1]) }
        let meanR = max(radii.prefix(n).reduce(0, +) / Float(n), 0.001)
        let circumference = 2 * Float.pi * meanR
        // Ring positions and smooth normals (tilted by the taper).
        var ring = [[Vec3]](), ringN = [[Vec3]]()
        for i in 0..<n {
            let t = tangents[i], u = us[i], v = cross(t, u)
            let dl = lengths[min(i + 1, n - 1)] - lengths[max(i - 1, 0)]
            let dr = radii[min(i + 1, n - 1)] - radii[max(i - 1, 0)]
            let slope = dl > 1e-6 ? -dr / dl : 0
            var pts = [Vec3](), ns = [Vec3]()
            for j in 0...segs {
                let ang = Float(j % segs) / Float(segs) * 2 * .pi
                let radial = u * kcos(ang) + v * ksin(ang)
                pts.append(path[i] + radial * radii[i])
                ns.append(normalize(radial + t * slope))
            }
            ring.append(pts); ringN.append(ns)
        }
        func uv(_ i: Int, _ j: Int) -> Vec2 { Vec2(Float(j) / Float(segs) * circumference, -lengths[i]) }
        switch normals {
        case .smooth:
            var base = [UInt32]()
            for i in 0..<n {
                base.append(UInt32(groups[kind]?.positions.count ?? 0))
                for j in 0...segs { vertex(kind, ring[i][j], normal: ringN[i][j], uv: uv(i, j)) }
            }
            for i in 0..<(n - 1) {
                for j in 0..<segs {
                    let a = base[i] + UInt32(j), b = a + 1, c = base[i + 1] + UInt32(j) + 1, d = c - 1
                    if radii[i + 1] <= 0 { triangle(kind, a, b, c) }
                    else if radii[i] <= 0 { triangle(kind, a, c, d) }
                    else { triangle(kind, a, b, c); triangle(kind, a, c, d) }
                }
            }
        case .flat:
            for i in 0..<(n - 1) {
                for j in 0..<segs {
                    let a = ring[i][j], b = ring[i][j + 1], c = ring[i + 1][j + 1], d = ring[i + 1][j]
                    let uvs = (uv(i, j), uv(i, j + 1), uv(i + 1, j + 1), uv(i + 1, j))
                    if radii[i + 1] <= 0 { addTriangle(kind, a, b, c, uvs: (uvs.0, uvs.1, uvs.2)) }
                    else if radii[i] <= 0 { addTriangle(kind, a, c, d, uvs: (uvs.0, uvs.2, uvs.3)) }
                    else { addQuad(kind, a, b, c, d, uvs: uvs) }
                }
            }
        }
        if capStart && radii[0] > 0 { cap(kind, center: path[0], ring: ring[0], normal: -tangents[0], reversed: true) }
        if capEnd && radii[n - 1] > 0 { cap(kind, center: path[n - 1], ring: ring[n - 1], normal: tangents[n - 1], reversed: false) }
    }

    /// A disc closing a ring (the ring has segs+1 points, last repeating the first).
    private mutating func cap(_ kind: SurfaceKind, center: Vec3, ring: [Vec3], normal: Vec3, reversed: Bool) {
        let c = vertex(kind, center, normal: normal, uv: MeshBuilder.planarUV(center, normal))
        let segs = ring.count - 1
        for j in 0..<segs { vertex(kind, ring[j], normal: normal, uv: MeshBuilder.planarUV(ring[j], normal)) }
        for j in 0..<segs {
            let a = c + 1 + UInt32(j), b = c + 1 + UInt32((j + 1) % segs)
            if reversed { triangle(kind, c, b, a) } else { triangle(kind, c, a, b) }
        }
    }
}

// MARK: - Lathe and spheres

extension MeshBuilder {
    /// A surface of revolution about the vertical axis through `center`: `profile` holds
    /// (radius, height) pairs from bottom to top. Radius 0 closes the shape at that point.
    public mutating func lathe(_ kind: SurfaceKind, profile: [Vec2], segments: Int = 16, center: Vec3 = .zero, normals: NormalMode = .smooth) {
        let n = profile.count
        guard n >= 2 else { return }
        let segs = max(3, segments)
        var lengths = [Float](repeating: 0, count: n)
        for i in 1..<n { lengths[i] = lengths[i - 1] + length(profile[i] - profile[i - 1]) }
        let maxR = max(profile.map(\.x).max() ?? 1, 0.001)
        let circumference = 2 * Float.pi * maxR
        func point(_ i: Int, _ j: Int) -> Vec3 {
            let a = Float(j % segs) / Float(segs) * 2 * .pi
            return center + Vec3(kcos(a) * profile[i].x, profile[i].y, -ksin(a) * profile[i].x)
        }
        func uv(_ i: Int, _ j: Int) -> Vec2 { Vec2(Float(j) / Float(segs) * circumference, -lengths[i]) }
        switch normals {
        case .flat:
            for i in 0..<(n - 1) {
                for j in 0..<segs {
                    let a = point(i, j), b = point(i, j + 1), c = point(i + 1, j + 1), d = point(i + 1, j)
                    let uvs = (uv(i, j), uv(i, j + 1), uv(i + 1, j + 1), uv(i + 1, j))
                    if profile[i + 1].x <= 0 { addTriangle(kind, a, b, c, uvs: (uvs.0, uvs.1, uvs.2)) }
                    else if profile[i].x <= 0 { addTriangle(kind, a, c, d, uvs: (uvs.0, uvs.2, uvs.3)) }
                    else { addQuad(kind, a, b, c, d, uvs: uvs) }
                }
            }
        case .smooth:
            // 2D profile normals, averaged between neighbouring segments.
            var n2 = [Vec2](repeating: .zero, count: n)
            for i in 0..<(n - 1) {
                let d = profile[i + 1] - profile[i]
                let sn = Vec2(d.y, -d.x)
                let l = length(sn)
                if l > 0 { n2[i] += sn / l; n2[i + 1] += sn / l }
            }
            var base = [UInt32]()
            for i in 0..<n {
                base.append(UInt32(groups[kind]?.positions.count ?? 0))
                let nn = length(n2[i]) > 0 ? n2[i] / length(n2[i]) : Vec2(1, 0)
                for j in 0...segs {
                    let a = Float(j % segs) / Float(segs) * 2 * .pi
                    let normal = normalize(Vec3(kcos(a) * nn.x, nn.y, -ksin(a) * nn.x))
                    vertex(kind, point(i, j), normal: normal == .zero ? Vec3(0, 1, 0) : normal, uv: uv(i, j))
                }
            }
            for i in 0..<(n - 1) {
                for j in 0..<segs {
                    let a = base[i] + UInt32(j), b = a + 1, c = base[i + 1] + UInt32(j) + 1, d = c - 1
                    if profile[i + 1].x <= 0 { triangle(kind, a, b, c) }
                    else if profile[i].x <= 0 { triangle(kind, a, c, d) }
                    else { triangle(kind, a, b, c); triangle(kind, a, c, d) }
                }
            }
        }
    }

    /// A UV sphere (`rings` bands from pole to pole).
    public mutating func sphere(_ kind: SurfaceKind, center: Vec3, radius: Float, rings: Int = 8, segments: Int = 12, normals: NormalMode = .smooth) {
        let r = max(2, rings)
        let profile = (0...r).map { i -> Vec2 in
            let t = Float(i) / Float(r) * .pi
            return Vec2(ksin(t) * radius, -kcos(t) * radius)
        }
        var profileFixed = profile
        profileFixed[0].x = 0; profileFixed[r].x = 0
        lathe(kind, profile: profileFixed, segments: segments, center: center, normals: normals)
    }

    /// An icosphere: icosahedron subdivided `subdivisions` times (20·4ⁿ triangles).
    public mutating func icosphere(_ kind: SurfaceKind, center: Vec3, radius: Float, subdivisions: Int = 1, normals: NormalMode = .smooth) {
        let (pts, idx) = Icosphere.make(subdivisions: subdivisions)
        addMesh(kind, positions: pts.map { center + $0 * radius }, indices: idx, normals: normals)
    }

    /// A vertical prism: `polygon` (x, z) extruded from height `y0` to `y1`, with caps.
    public mutating func extrude(_ kind: SurfaceKind, polygon: [Vec2], from y0: Float, to y1: Float, capBottom: Bool = true, capTop: Bool = true, sideKind: SurfaceKind? = nil) {
        guard polygon.count >= 3 else { return }
        var area: Float = 0
        for i in 0..<polygon.count { let p = polygon[i], q = polygon[(i + 1) % polygon.count]; area += p.x * q.y - q.x * p.y }
        let poly = area > 0 ? Array(polygon.reversed()) : polygon  // wind so sides face outwards
        let side = sideKind ?? kind
        var run: Float = 0
        for i in 0..<poly.count {
            let p = poly[i], q = poly[(i + 1) % poly.count]
            let len = length(q - p)
            guard len > 1e-6 else { continue }
            addQuad(side, Vec3(p.x, y0, p.y), Vec3(q.x, y0, q.y), Vec3(q.x, y1, q.y), Vec3(p.x, y1, p.y),
                    uvs: (Vec2(run, -y0), Vec2(run + len, -y0), Vec2(run + len, -y1), Vec2(run, -y1)))
            run += len
        }
        if capTop { addPolygon(kind, poly.map { Vec3($0.x, y1, $0.y) }) }
        if capBottom { addPolygon(kind, poly.reversed().map { Vec3($0.x, y0, $0.y) }) }
    }
}

// MARK: - Icosphere geometry

/// Unit icosphere vertex and index lists (shared by spheres and rocks).
enum Icosphere {
    /// Levels 0–3, built once (leaf clumps and rocks ask for them thousands of times).
    static let cached: [([Vec3], [UInt32])] = (0...3).map { build(subdivisions: $0) }

    static func make(subdivisions: Int) -> ([Vec3], [UInt32]) {
        let s = max(0, min(subdivisions, 6))
        return s < cached.count ? cached[s] : build(subdivisions: s)
    }

    static func build(subdivisions: Int) -> ([Vec3], [UInt32]) {
        let t: Float = (1 + Float(5).squareRoot()) / 2
        var pts: [Vec3] = [
            Vec3(-1, t, 0), Vec3(1, t, 0), Vec3(-1, -t, 0), Vec3(1, -t, 0),
            Vec3(0, -1, t), Vec3(0, 1, t), Vec3(0, -1, -t), Vec3(0, 1, -t),
            Vec3(t, 0, -1), Vec3(t, 0, 1), Vec3(-t, 0, -1), Vec3(-t, 0, 1),
        ].map { normalize($0) }
        var tris: [UInt32] = [
            0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11,
            1, 5, 9, 5, 11, 4, 11, 10, 2, 10, 7, 6, 7, 1, 8,
            3, 9, 4, 3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9,
            4, 9, 5, 2, 4, 11, 6, 2, 10, 8, 6, 7, 9, 8, 1,
        ]
        for _ in 0..<max(0, min(subdivisions, 6)) {
            var cache: [UInt64: UInt32] = [:]
            func mid(_ a: UInt32, _ b: UInt32) -> UInt32 {
                let key = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
                if let m = cache[key] { return m }
                pts.append(normalize((pts[Int(a)] + pts[Int(b)]) * 0.5))
                let m = UInt32(pts.count - 1)
                cache[key] = m
                return m
            }
            var next: [UInt32] = []
            next.reserveCapacity(tris.count * 4)
            var i = 0
            while i < tris.count {
                let a = tris[i], b = tris[i + 1], c = tris[i + 2]
                let ab = mid(a, b), bc = mid(b, c), ca = mid(c, a)
                next += [a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca]
                i += 3
            }
            tris = next
        }
        return (pts, tris)
    }
}
