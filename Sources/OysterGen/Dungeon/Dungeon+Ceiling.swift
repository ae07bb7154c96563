import OysterCore

/// A segmental barrel vault over a room: its axis, span and arc, in model space.
struct Vault {
    /// Room interior between wall faces.
    var x0: Float, x1: Float, z0: Float, z1: Float
    var alongX: Bool
    var spring: Float
    var radius: Float
    var centreY: Float
    var halfAngle: Float

    init(x0: Float, x1: Float, z0: Float, z1: Float, spring: Float, riseRatio: Float) {
        self.x0 = x0; self.x1 = x1; self.z0 = z0; self.z1 = z1
        alongX = (x1 - x0) >= (z1 - z0)
        let c = alongX ? z1 - z0 : x1 - x0
        let h = min(c / 2, c * riseRatio)
        radius = (c * c / 4 + h * h) / (2 * h)
        self.spring = spring
        centreY = spring + h - radius
        halfAngle = kacos(max(-1, min(1, (radius - h) / radius)))
    }

    var axisRange: (Float, Float) { alongX ? (x0, x1) : (z0, z1) }
    var spanMid: Float { alongX ? (z0 + z1) / 2 : (x0 + x1) / 2 }
    var axis: Vec3 { alongX ? Vec3(1, 0, 0) : Vec3(0, 0, 1) }
    var across: Vec3 { alongX ? Vec3(0, 0, 1) : Vec3(1, 0, 0) }

    /// The point at axis coordinate `a`, arc angle `t` (0 = crown) and radius `r`.
    func point(_ a: Float, _ t: Float, _ r: Float) -> Vec3 {
        axis * a + across * (spanMid + ksin(t) * r) + Vec3(0, centreY + kcos(t) * r, 0)
    }

    /// Height of the vault's underside at `span` across the room (nil outside the span).
    func height(atSpan t: Float) -> Float? {
        let d = t - spanMid
        guard abs(d) <= radius else { return nil }
        return centreY + (radius * radius - d * d).squareRoot()
    }
}

extension Dungeon {
    /// Vaulted ceilings over rooms (stone courses on a mortar shell, transverse ribs springing
    /// from pilasters, lunettes closing the ends) and stone slabs on timber beams in corridors.
    static func ceilings(_ g: DungeonGrid, rng: inout KitRandom) -> (ceiling: MeshBuilder, vaults: [Vault]) {
        var b = MeshBuilder()
        var vaults: [Vault] = []
        let s = g.s, H = g.H, inset = DungeonGrid.inset
        for r in g.L.rooms {
            let lo = g.corner(r.x, r.z), hi = g.corner(r.x + r.width, r.z + r.depth)
            let v = Vault(x0: lo.x + inset, x1: hi.x - inset, z0: lo.z + inset, z1: hi.z - inset, spring: H,
                          riseRatio: g.style == .crypt ? 0.4 : 0.3)
            vaults.append(v)
            vault(v, g, into: &b, rng: &rng)
            // Pilasters under the interior ribs, on both long walls, where the wall is solid.
            let cellsAlong = v.alongX ? r.width : r.depth
            for k in 1..<max(cellsAlong, 1) {
                for side in [-1, 1] {
                    let cellsBeside: [(Int, Int)] = v.alongX
                        ? [(r.x + k - 1, side < 0 ? r.z : r.z + r.depth - 1), (r.x + k, side < 0 ? r.z : r.z + r.depth - 1)]
                        : [(side < 0 ? r.x : r.x + r.width - 1, r.z + k - 1), (side < 0 ? r.x : r.x + r.width - 1, r.z + k)]
                    let (dx, dz) = v.alongX ? (0, side) : (side, 0)
                    guard cellsBeside.allSatisfy({ g.isWall($0.0, $0.1, dx, dz) }) else { continue }
                    let a = (v.alongX ? lo.x : lo.z) + Float(k) * s
                    let wallT = v.spanMid + Float(side) * (v.alongX ? (v.z1 - v.z0) : (v.x1 - v.x0)) / 2
                    let base = v.axis * a + v.across * wallT
                    pilaster(at: base, inward: v.across * Float(-side), along: v.axis, height: H, courses: g.detail.courses, into: &b, rng: &rng)
                }
            }
        }
        // Corridors: slabs between timber beams.
        for z in 0..<g.L.depth {
            for x in 0..<g.L.width where g.L.regionAt(x, z) == -2 {
                let c = g.center(x, z)
                let ex = g.L.passable(.init(x, z), .init(x + 1, z)) || g.L.passable(.init(x, z), .init(x - 1, z))
                let run = ex ? Vec3(1, 0, 0) : Vec3(0, 0, 1), across = ex ? Vec3(0, 0, 1) : Vec3(1, 0, 0)
                let half = s / 2
                b.addQuad(.mortar, c + Vec3(-half, H + 0.05, -half), c + Vec3(half, H + 0.05, -half), c + Vec3(half, H + 0.05, half), c + Vec3(-half, H + 0.05, half), facing: Vec3(0, -1, 0))
                let slabs = 2
                for i in 0..<slabs {
                    let t0 = -half + s * Float(i) / Float(slabs), t1 = -half + s * Float(i + 1) / Float(slabs)
                    b.color = stoneTint(rng.float(in: 0.55...0.75))
                    b.dressedStone(.ashlar, center: c + run * ((t0 + t1) / 2) + Vec3(0, H + 0.02 - rng.float(in: 0...0.02), 0), u: run, v: across, n: Vec3(0, -1, 0),
                                   half: Vec3((t1 - t0) / 2 - 0.012, half - 0.012, 0.04), bevel: 0.02)
                    b.color = nil
                }
                // A beam across the corridor on stone corbels.
                let w = half - inset
                b.color = stoneTint(rng.float(in: 0.8...1))
                b.beam(.timber, from: c - across * (w + 0.05) + Vec3(0, H - 0.14, 0), to: c + across * (w + 0.05) + Vec3(0, H - 0.14, 0), width: 0.22, depth: 0.24, up: run)
                b.color = nil
                for side: Float in [-1, 1] where g.isWall(x, z, Int(across.x * side), Int(across.z * side)) {
                    b.dressedStone(.ashlar, center: c + across * (side * (w - 0.1)) + Vec3(0, H - 0.36, 0), u: run, v: Vec3(0, 1, 0), n: across * -side,
                                   half: Vec3(0.15, 0.1, 0.12), bevel: 0.03)
                }
            }
        }
        return (b, vaults)
    }

    /// The vault's shell, its stones, its ribs and the two end lunettes.
    static func vault(_ v: Vault, _ g: DungeonGrid, into b: inout MeshBuilder, rng: inout KitRandom) {
        let n = g.detail.vaultCourses
        let (a0, a1) = v.axisRange
        let R = v.radius
        func inward(_ t: Float) -> Vec3 { normalize(Vec3(0, -kcos(t), 0) - v.across * ksin(t)) }
        // The shell's flat facets pass behind the stones' flat backs (chords sag inwards).
        let shell = (R + 0.03) / kcos(v.halfAngle / Float(n))
        for j in 0..<n {
            let t0 = -v.halfAngle + 2 * v.halfAngle * Float(j) / Float(n), t1 = -v.halfAngle + 2 * v.halfAngle * Float(j + 1) / Float(n)
            b.addQuad(.mortar, v.point(a0, t0, shell), v.point(a1, t0, shell), v.point(a1, t1, shell), v.point(a0, t1, shell), facing: inward((t0 + t1) / 2))
            // Stones in a running bond along the axis.
            let tm = (t0 + t1) / 2
            let chord = 2 * R * ksin((t1 - t0) / 2)
            let tangent = normalize(v.point(0, t1, R) - v.point(0, t0, R))
            var a = a0
            var first = true
            while a < a1 - 0.02 {
                var len = g.s * rng.float(in: 0.25...0.45)
                if first, j % 2 == 1 { len *= 0.5 }
                first = false
                var ab = min(a1, a + len)
                if a1 - ab < g.s * 0.12 { ab = a1 }
                let proud = rng.float(in: 0.015...0.05)
                b.color = stoneTint(rng.float(in: 0.7...0.95))
                b.dressedStone(.ashlar, center: v.point((a + ab) / 2, tm, R - (proud - 0.02) / 2 * 1), u: v.axis, v: tangent, n: inward(tm),
                               half: Vec3((ab - a) / 2 - 0.01, chord / 2 - 0.01, (proud + 0.02) / 2), bevel: 0.025)
                b.color = nil
                a = ab
            }
        }
        // Ribs: over each cell boundary and against each end wall.
        var ribAt: [Float] = [a0 + 0.17, a1 - 0.17]
        var k = a0 - DungeonGrid.inset + g.s
        while k < a1 - 0.5 { ribAt.append(k); k += g.s }
        for a in ribAt {
            for j in 0..<n {
                let t0 = -v.halfAngle + 2 * v.halfAngle * Float(j) / Float(n), t1 = -v.halfAngle + 2 * v.halfAngle * Float(j + 1) / Float(n)
                let tm = (t0 + t1) / 2, chord = 2 * R * ksin((t1 - t0) / 2)
                let tangent = normalize(v.point(0, t1, R) - v.point(0, t0, R))
                b.color = stoneTint(rng.float(in: 0.85...1.05))
                b.dressedStone(.ashlar, center: v.point(a, tm, R - 0.1), u: v.axis, v: tangent, n: inward(tm),
                               half: Vec3(0.16, chord / 2 - 0.005, 0.1), bevel: 0.035)
                b.color = nil
            }
        }
        // Wall plates: close the strip between the wall tops and the shell's first facets.
        for t in [-v.halfAngle, v.halfAngle] {
            b.addQuad(.mortar, v.point(a0, t, R - 0.01), v.point(a1, t, R - 0.01), v.point(a1, t, shell), v.point(a0, t, shell), facing: inward(0))
        }
        // Lunettes: the end walls above the springing, fanned from the middle of the wall top
        // (the outline is convex seen from there).
        for (a, face) in [(a0, v.axis), (a1, -v.axis)] {
            var pts: [Vec3] = [v.point(a, -v.halfAngle, R - 0.01)]
            for j in 0...n {
                let t = -v.halfAngle + 2 * v.halfAngle * Float(j) / Float(n)
                pts.append(v.point(a, t, shell))
            }
            pts.append(v.point(a, v.halfAngle, R - 0.01))
            let hub = v.axis * a + v.across * v.spanMid + Vec3(0, v.spring - 0.01, 0)
            b.color = stoneTint(0.8)
            for i in 0..<(pts.count - 1) {
                let p = pts[i], q = pts[i + 1]
                if dot(cross(p - hub, q - hub), face) >= 0 { b.addTriangle(.ashlar, hub, p, q) } else { b.addTriangle(.ashlar, hub, q, p) }
            }
            b.color = nil
        }
    }

    /// A flat pilaster of stacked stones with a moulded capital, against a wall.
    static func pilaster(at base: Vec3, inward: Vec3, along: Vec3, height H: Float, courses: Int, into b: inout MeshBuilder, rng: inout KitRandom) {
        let n = max(3, courses)
        let top = H - 0.2
        let ch = (top - 0.3) / Float(n)
        b.dressedStone(.ashlar, center: base + inward * 0.09 + Vec3(0, 0.17, 0), u: along, v: Vec3(0, 1, 0), n: inward, half: Vec3(0.26, 0.17, 0.13), bevel: 0.03)
        for i in 0..<n {
            b.color = stoneTint(rng.float(in: 0.8...1.05))
            b.dressedStone(.ashlar, center: base + inward * 0.06 + Vec3(0, 0.34 + (Float(i) + 0.5) * ch, 0), u: along, v: Vec3(0, 1, 0), n: inward,
                           half: Vec3(0.19, ch / 2 - 0.008, 0.1), bevel: 0.025)
            b.color = nil
        }
        b.dressedStone(.ashlar, center: base + inward * 0.1 + Vec3(0, top + 0.1, 0), u: along, v: Vec3(0, 1, 0), n: inward, half: Vec3(0.26, 0.1, 0.16), bevel: 0.04)
    }
}
