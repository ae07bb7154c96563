import OysterCore

// MARK: - Dressed stones

extension MeshBuilder {
    /// A dressed stone: a box on axes `u`, `v`, `n` (orthonormal) with half extents `half`,
    /// whose face towards +n is chamfered by `bevel` (and the -n face too when `twoFaced`).
    /// The -n face of a one-faced stone is left open: it sits against a wall or the ground.
    mutating func dressedStone(_ kind: SurfaceKind, center c: Vec3, u: Vec3, v: Vec3, n: Vec3, half h: Vec3, bevel: Float,
                               twoFaced: Bool = false) {
        let b = max(0.001, min(bevel, 0.45 * min(h.x, h.y), 0.9 * h.z))
        let signs: [(Float, Float)] = [(-1, -1), (1, -1), (1, 1), (-1, 1)]
        func ring(_ du: Float, _ dv: Float, _ dn: Float) -> [Vec3] { signs.map { c + u * ($0.0 * du) + v * ($0.1 * dv) + n * dn } }
        let frontIn = ring(h.x - b, h.y - b, h.z), frontRim = ring(h.x, h.y, h.z - b)
        let backRim = ring(h.x, h.y, twoFaced ? -(h.z - b) : -h.z)
        addQuad(kind, frontIn[0], frontIn[1], frontIn[2], frontIn[3], facing: n)
        for k in 0..<4 {
            let k1 = (k + 1) % 4
            let out = normalize((frontRim[k] + frontRim[k1]) * 0.5 - c - n * dot((frontRim[k] + frontRim[k1]) * 0.5 - c, n))
            addQuad(kind, frontIn[k], frontIn[k1], frontRim[k1], frontRim[k], facing: out + n)
            addQuad(kind, frontRim[k], frontRim[k1], backRim[k1], backRim[k], facing: out)
        }
        guard twoFaced else { return }
        let backIn = ring(h.x - b, h.y - b, -h.z)
        addQuad(kind, backIn[0], backIn[1], backIn[2], backIn[3], facing: -n)
        for k in 0..<4 {
            let k1 = (k + 1) % 4
            let out = normalize((backRim[k] + backRim[k1]) * 0.5 - c + n * dot(c - (backRim[k] + backRim[k1]) * 0.5, n))
            addQuad(kind, backRim[k], backRim[k1], backIn[k1], backIn[k], facing: out - n)
        }
    }

    /// A stone prism: the convex quad `outline` (points in a plane with normal `n`, any
    /// winding) extruded from `back` to `front` along `n`, chamfered by `bevel` on the front
    /// face (and the back face when `twoFaced`). Voussoirs and wedge-shaped stones.
    mutating func stonePrism(_ kind: SurfaceKind, outline: [Vec3], n: Vec3, back: Float, front: Float, bevel: Float, twoFaced: Bool) {
        guard outline.count == 4 else { return }
        let centre = (outline[0] + outline[1] + outline[2] + outline[3]) * 0.25
        var minEdge = Float.greatestFiniteMagnitude
        for k in 0..<4 { minEdge = min(minEdge, length(outline[(k + 1) % 4] - outline[k])) }
        let b = max(0.001, min(bevel, minEdge * 0.3, (front - back) * 0.45))
        func shrink(_ p: Vec3) -> Vec3 {
            let d = p - centre, l = length(d)
            return l > 1e-6 ? p - d / l * (b * 1.2) : p
        }
        let inner = outline.map(shrink)
        let fIn = inner.map { $0 + n * front }, fRim = outline.map { $0 + n * (front - b) }
        let bRim = outline.map { $0 + n * (twoFaced ? back + b : back) }
        addQuad(kind, fIn[0], fIn[1], fIn[2], fIn[3], facing: n)
        for k in 0..<4 {
            let k1 = (k + 1) % 4
            let mid = (outline[k] + outline[k1]) * 0.5 - centre
            let out = normalize(mid - n * dot(mid, n))
            addQuad(kind, fIn[k], fIn[k1], fRim[k1], fRim[k], facing: out + n)
            addQuad(kind, fRim[k], fRim[k1], bRim[k1], bRim[k], facing: out)
            if twoFaced {
                let bIn = inner.map { $0 + n * back }
                addQuad(kind, bRim[k], bRim[k1], bIn[k1], bIn[k], facing: out - n)
            }
        }
        if twoFaced {
            let bIn = inner.map { $0 + n * back }
            addQuad(kind, bIn[0], bIn[1], bIn[2], bIn[3], facing: -n)
        }
    }

    /// A flat region given by its outline, as a fan of triangles from `hub` (the region must
    /// be star-shaped from there: any convex shape from an inner point), facing `facing`.
    /// Unlike ear clipping it cannot lose the shape to near-collinear points.
    mutating func addFan(_ kind: SurfaceKind, hub: Vec3, _ outline: [Vec3], facing: Vec3) {
        guard outline.count >= 2 else { return }
        for i in 0..<outline.count {
            let p = outline[i], q = outline[(i + 1) % outline.count]
            guard length(cross(p - hub, q - hub)) > 1e-7 else { continue }
            if dot(cross(p - hub, q - hub), facing) >= 0 { addTriangle(kind, hub, p, q) } else { addTriangle(kind, hub, q, p) }
        }
    }
}

// MARK: - Arches

/// A round or pointed arch in a wall, in the wall's (x along, y up) coordinates.
struct Arch: Sendable {
    /// Centre of the opening along the wall.
    var center: Float
    /// Half the opening's width.
    var halfWidth: Float
    /// Height where the arch springs from the jambs.
    var spring: Float
    /// Bottom of the opening (0 for a doorway, sill height for a niche).
    var bottom: Float = 0
    var pointed: Bool
    /// Depth of the voussoir ring (radial).
    var ring: Float
    /// Width of the jamb stones beside the opening below the springing (laid separately).
    var jamb: Float = 0

    /// Radius of a pointed arch's two arcs (as a multiple of the half width).
    static let pointedRatio: Float = 1.6

    /// A point on the arch line grown by `offset` (0 = intrados, `ring` = extrados); `t` runs
    /// 0 (left springing) … 1 (right springing).
    func point(_ t: Float, offset o: Float = 0) -> Vec2 {
        let a = halfWidth
        if !pointed {
            let ang = Float.pi * (1 - t)
            return Vec2(center + kcos(ang) * (a + o), spring + ksin(ang) * (a + o))
        }
        let rp = a * Arch.pointedRatio, r = rp + o
        let cx = rp - a  // the left arc's centre sits this far right of the axis (and mirrored)
        let sweep = kacos(min(1, cx / r))  // angle each arc turns from springing to apex
        let tl = t <= 0.5 ? t * 2 : (1 - t) * 2
        let ang = Float.pi - sweep * tl
        let x = cx + kcos(ang) * r, y = spring + ksin(ang) * r
        return t <= 0.5 ? Vec2(center + x, y) : Vec2(center - x, y)
    }

    /// Top of the extrados.
    var top: Float { point(0.5, offset: ring).y }

    /// Half width of the region (arch plus ring) at height `y`, so coursed stones stop short.
    func halfWidthOfRing(at y: Float) -> Float {
        if y <= spring { return halfWidth + ring }
        let r = top - spring
        guard y < top, r > 0 else { return 0 }
        // Sample the extrados: the widest point at or above y.
        var w: Float = 0
        for i in 0...16 {
            let p = point(Float(i) / 32, offset: ring)
            if p.y >= y { w = max(w, center - p.x) }
        }
        return max(w, 0.05)
    }
}

// MARK: - Coursed walls

/// How densely masonry is laid (from the recipe's detail and the dungeon's size).
struct MasonryDetail: Sendable {
    /// Stone courses from floor to wall top.
    var courses: Int
    /// Voussoirs per arch.
    var voussoirs: Int
    /// Stones per arc of a vault.
    var vaultCourses: Int
    /// Flagstones per room cell side.
    var flags: Int
    /// Cobbles per corridor cell side.
    var cobbles: Int
    /// Segments around pillars and round props.
    var round: Int
}

/// A wall face for laying stones: origin on the face at floor level, `along` the run,
/// `normal` out of the face towards the viewer.
struct MasonryFace {
    var origin: Vec3
    var along: Vec3
    var normal: Vec3
    func point(_ x: Float, _ y: Float, _ d: Float = 0) -> Vec3 { origin + along * x + Vec3(0, y, 0) + normal * d }
}

extension MeshBuilder {
    /// Coursed ashlar on a wall face `length` × `height`: courses of slightly varying height,
    /// stones of random length with bevelled edges, each set proud of the face by a random few
    /// centimetres, over a dark mortar backing. Stones stop short of `arches` (their voussoirs
    /// are laid separately); the backing has the arch holes cut out.
    mutating func coursedWall(_ face: MasonryFace, length L: Float, height H: Float, courses: Int, arches: [Arch],
                              rng: inout KitRandom, stone: SurfaceKind = .ashlar, mortar: SurfaceKind = .mortar, tint: Float = 1) {
        guard L > 0.05, H > 0.05 else { return }
        let n = max(1, courses)
        // Course heights: ±20 % around the mean, rescaled to fill the height exactly.
        var hs = (0..<n).map { _ in rng.float(in: 0.8...1.2) }
        let sum = hs.reduce(0, +)
        hs = hs.map { $0 / sum * H }
        var y0: Float = 0
        let gap: Float = 0.012
        for ci in 0..<n {
            let y1 = y0 + hs[ci]
            // Free intervals of this course.
            var cuts: [(Float, Float)] = []
            for a in arches where y0 < a.top && y1 > a.bottom {
                let w = y1 > a.spring ? max(a.halfWidthOfRing(at: max(y0, a.spring)), y0 < a.spring ? a.halfWidth + a.jamb : 0) : a.halfWidth + a.jamb
                cuts.append((a.center - w, a.center + w))
            }
            cuts.sort { $0.0 < $1.0 }
            var spans: [(Float, Float)] = []
            var x = Float(0)
            for c in cuts { if c.0 > x { spans.append((x, c.0)) }; x = max(x, c.1) }
            if x < L { spans.append((x, L)) }
            let hc = hs[ci]
            for (s0, s1) in spans where s1 - s0 > 0.04 {
                // Stagger: the first stone of odd courses is shorter.
                var xa = s0
                var first = true
                while xa < s1 - 0.02 {
                    var len = hc * rng.float(in: 1.2...2.3)
                    if first && ci % 2 == 1 { len *= 0.5 }
                    first = false
                    var xb = min(s1, xa + len)
                    if s1 - xb < hc * 0.6 { xb = s1 }  // no sliver at the end
                    let proud = rng.float(in: 0.015...0.065)
                    let dy = rng.float(in: -0.006...0.006)
                    let hx = (xb - xa) / 2 - gap, hy = hc / 2 - gap
                    if hx > 0.01, hy > 0.01 {
                        let back: Float = -0.03
                        color = stoneTint(tint * rng.float(in: 0.78...1.08))
                        dressedStone(stone, center: face.point((xa + xb) / 2, (y0 + y1) / 2 + dy, (proud + back) / 2),
                                     u: face.along, v: Vec3(0, 1, 0), n: face.normal,
                                     half: Vec3(hx, hy, (proud - back) / 2), bevel: min(0.035, hc * 0.12))
                        color = nil
                    }
                    xa = xb
                }
            }
            y0 = y1
        }
        // Mortar backing in vertical strips: plain strips are quads, a strip with an arch is a
        // sill quad below and a polygon above the arch.
        var xs: [Float] = [0, L]
        let sorted = arches.sorted { $0.center < $1.center }
        for a in sorted { xs.append(max(0, a.center - a.halfWidth)); xs.append(min(L, a.center + a.halfWidth)) }
        xs = Array(Set(xs)).sorted()
        for i in 0..<(xs.count - 1) {
            let xa = xs[i], xb = xs[i + 1]
            guard xb - xa > 1e-4 else { continue }
            if let a = sorted.first(where: { abs($0.center - (xa + xb) / 2) < $0.halfWidth - 1e-4 }) {
                if a.bottom > 0.001 {
                    addQuad(mortar, face.point(xa, 0), face.point(xb, 0), face.point(xb, a.bottom), face.point(xa, a.bottom), facing: face.normal)
                }
                // Above the arch: one trapezoid per arch segment, up to the wall top.
                let k = 12
                for j in 0..<k {
                    let p = a.point(Float(j) / Float(k)), q = a.point(Float(j + 1) / Float(k))
                    guard p.y < H || q.y < H else { continue }
                    addQuad(mortar, face.point(p.x, min(p.y, H)), face.point(q.x, min(q.y, H)), face.point(q.x, H), face.point(p.x, H), facing: face.normal)
                }
            } else {
                addQuad(mortar, face.point(xa, 0), face.point(xb, 0), face.point(xb, H), face.point(xa, H), facing: face.normal)
            }
        }
    }

    /// The voussoir ring of `arch` on `face`: wedge stones from `back` to `front` (depths
    /// along the face normal), keystone proud; `twoFaced` for through-stones of a doorway.
    mutating func voussoirs(_ face: MasonryFace, _ arch: Arch, count: Int, back: Float, front: Float, twoFaced: Bool,
                            rng: inout KitRandom, stone: SurfaceKind = .ashlar) {
        let k = max(3, count | 1)  // odd, so there is a keystone
        let gap: Float = 0.006
        for i in 0..<k {
            let t0 = Float(i) / Float(k) + gap, t1 = Float(i + 1) / Float(k) - gap
            let key = i == k / 2
            let lift: Float = key ? 0.06 : 0
            let a0 = arch.point(t0), a1 = arch.point(t1)
            let b0 = arch.point(t0, offset: arch.ring + lift), b1 = arch.point(t1, offset: arch.ring + lift)
            let outline = [face.point(a0.x, a0.y), face.point(a1.x, a1.y), face.point(b1.x, b1.y), face.point(b0.x, b0.y)]
            let extra: Float = key ? 0.04 : rng.float(in: 0...0.015)
            color = stoneTint(rng.float(in: 0.85...1.08))
            stonePrism(stone, outline: outline, n: face.normal, back: back, front: front + extra, bevel: 0.03, twoFaced: twoFaced)
            color = nil
        }
    }
}

/// A grey vertex tint for one stone (clamped to 0…1, as glTF requires of COLOR_0).
@inline(__always) func stoneTint(_ v: Float) -> Vec4 { Vec4(repeating: min(1, max(0, v))) }
