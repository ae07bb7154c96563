import OysterCore

/// A building's footprint on the ground: a rectangle with its front edge `a`→`b` and its depth
/// running along `inward`.
struct Footprint: Sendable {
    var a: Vec2, b: Vec2
    var inward: Vec2
    var depth: Float

    var corners: [Vec2] { [a, b, b + inward * depth, a + inward * depth] }
    var centre: Vec2 { (a + b) / 2 + inward * (depth / 2) }
    /// Corners, edge middles and the middle: where a row checks the ground and the streets.
    var samples: [Vec2] {
        let c = corners
        return c + [(c[0] + c[1]) / 2, (c[1] + c[2]) / 2, (c[2] + c[3]) / 2, (c[3] + c[0]) / 2, centre]
    }

    /// True when the two rectangles overlap by more than `slack` (rows of one terrace touch).
    func overlaps(_ o: Footprint, slack: Float = 0.05) -> Bool {
        let axes = [normalize2(b - a), inward, normalize2(o.b - o.a), o.inward]
        let mine = corners, theirs = o.corners
        for ax in axes {
            let p = mine.map { dot($0, ax) }, q = theirs.map { dot($0, ax) }
            if p.max()! <= q.min()! + slack || q.max()! <= p.min()! + slack { return false }
        }
        return true
    }
}

extension TownPlan {
    /// What placing the town's rows needs: the ground before roads (lakes and pads), the
    /// streets as graded, the river's course, and whether a point is in still water.
    struct Ground {
        let beforeRoads: (Float, Float) -> Float
        let streets: [Polyline]
        let river: [Vec2]
        let isWet: (Float, Float) -> Bool
    }

    /// The rows of terraced houses along both sides of every street, bridges where streets cross
    /// the river, and for a walled town its walls, gates and towers. `square` is the planned
    /// square (its pad height known); sites are numbered in the order placed.
    func lots(ground g: Ground, seed: UInt64) -> [Site] {
        var rng = PCG32(seed: seed, stream: 0x70E1)
        let front = frontSetback
        let index = SegmentIndex(g.streets, radius: front + 2, bucket: 8)
        let riverNear = g.river.filter { length($0 - centre) < extent + 30 }
        // The square (with its church) is kept clear.
        var placed: [Footprint] = [squareFootprint]
        var out: [Site] = []
        /// The ground a house front meets: the street's graded surface blended into the slope
        /// beside it, as `LocalFeatures.sample` lays roads.
        func finalGround(_ p: Vec2) -> Float {
            let h = g.beforeRoads(p.x, p.y)
            guard let r = index.nearest(p.x, p.y) else { return h }
            let w = 1 - smoothstep(LocalFeatures.roadHalfWidth, LocalFeatures.roadOuter, r.distance)
            return mix(h, r.value - 0.08, w)
        }
        func fits(_ f: Footprint) -> Bool {
            let samples = f.samples
            var lo = Float.infinity, hi = -Float.infinity
            for p in samples {
                guard length(p - centre) < extent else { return false }
                if let r = index.nearest(p.x, p.y), r.distance < front - 0.45 { return false }
                if g.isWet(p.x, p.y) { return false }
                for q in riverNear where length(q - p) < LocalFeatures.riverBank + 1.5 { return false }
                let h = g.beforeRoads(p.x, p.y)
                lo = min(lo, h); hi = max(hi, h)
            }
            // The row hugs its street (no drifting off a bend) and keeps to buildable slopes.
            guard let r = index.nearest(f.b.x, f.b.y), r.distance < front + 1.2 else { return false }
            // A modern block is one floor level across its width: it keeps to gentler ground.
            return hi - lo < (modern ? 2.5 : 6) && !placed.contains { $0.overlaps(f) }
        }
        for (si, street) in g.streets.enumerated() {
            let pts = street.points
            guard pts.count > 4 else { continue }
            let main = si < 2
            for side: Float in [1, -1] {
                var k = 2
                while k < pts.count - 3 {
                    let t = normalize2(pts[k + 1] - pts[k - 1])
                    let inward = Vec2(-t.y, t.x) * side
                    let depth = rng.nextFloat(8, 10.5)
                    let start = pts[k] + inward * front
                    var houses: [Footprint] = []
                    var x: Float = 0
                    // Up to six terraced houses of 5–8 m wall to wall in 30 m; in a modern
                    // town up to three blocks of 12–22 m in 48 m, 2–5 m apart.
                    let (most, run, widths, gaps): (Int, Float, ClosedRange<Float>, ClosedRange<Float>?) =
                        modern ? (3, 48, 12...22, 2...5) : (6, 30, 5...8, nil)
                    while houses.count < most, x < run {
                        let w = rng.nextFloat(widths.lowerBound, widths.upperBound)
                        let f = Footprint(a: start + t * x, b: start + t * (x + w), inward: inward, depth: depth)
                        guard fits(f) else { break }
                        houses.append(f)
                        placed.append(f)
                        x += w + (gaps.map { rng.nextFloat($0.lowerBound, $0.upperBound) } ?? 0)
                    }
                    if houses.isEmpty { k += 1; continue }
                    out.append(row(houses, facingSquare: main || isBySquare(houses[0]), index: out.count, ground: finalGround, rng: &rng))
                    // An alley between some rows.
                    k += Int((x / 2).rounded(.up)) + (rng.nextFloat() < 0.3 ? 2 : 0)
                }
            }
        }
        var sites = out
        sites += bridges(g)
        if walled { sites += walls(g) }
        if harbour { sites += quays(g, avoiding: placed) }
        if modern { sites += streetSections(g, ground: finalGround, river: riverNear, seed: seed) }
        return sites
    }

    /// The square's (and its church's) rectangles: rows keep off them.
    var squareFootprint: Footprint {
        let a = world(-squareHalf.x, -squareHalf.y), b = world(squareHalf.x, -squareHalf.y)
        return Footprint(a: a, b: b, inward: across, depth: 2 * squareHalf.y)
    }

    func isBySquare(_ f: Footprint) -> Bool {
        let l = local(f.a)
        return abs(l.x) < squareHalf.x + 12 && abs(l.y) < squareHalf.y + 12
    }

    /// A terrace site from its houses' footprints: the kit's origin in the middle of the row at
    /// the lowest house's ground-floor level, each house at its own front's level.
    func row(_ houses: [Footprint], facingSquare: Bool, index: Int, ground: (Vec2) -> Float, rng: inout PCG32) -> Site {
        let first = houses[0], last = houses[houses.count - 1]
        let whole = Footprint(a: first.a, b: last.b, inward: first.inward, depth: first.depth)
        let c = whole.centre
        let facing = -first.inward
        let xAxis = Vec2(facing.y, -facing.x)
        let bases = houses.map { ground(($0.a + $0.b) / 2) - 0.02 }
        let baseY = bases.min()!
        var lowest = Float.infinity
        for f in houses { for p in f.samples { lowest = min(lowest, ground(p)) } }
        var params: [TerraceHouse] = []
        for (f, y) in zip(houses, bases) {
            let xa = dot(f.a - c, xAxis), xb = dot(f.b - c, xAxis)
            params.append(TerraceHouse(x0: min(xa, xb), x1: max(xa, xb), baseY: y - baseY, shop: rng.nextFloat() < (facingSquare ? 0.6 : 0.1)))
        }
        if modern {
            // Offices mostly on the main streets and round the park, flats elsewhere; a city's
            // blocks rise higher.
            let city = extent > 85
            for i in params.indices {
                let office = rng.nextFloat() < (facingSquare ? 0.55 : 0.15)
                params[i].modern = office ? ModernBlock(kind: .offices, floors: rng.nextInt(in: 5...(city ? 10 : 7)))
                                          : ModernBlock(kind: .apartments, floors: rng.nextInt(in: 4...(city ? 8 : 6)))
            }
        }
        var terrace = TerraceParams(houses: params, depth: first.depth, footY: lowest - baseY - 0.6, lamps: !modern)
        if modern { terrace.style = .modern }
        return TownPlan.site(.terrace, index, "Terrace_\(String(format3: index + 1))", at: c, yaw: katan2(facing.x, facing.y),
                             radius: max(length(last.b - first.a), first.depth) / 2 + 0.5,
                             lot: TownLot(baseY: baseY, terrace: terrace))
    }

    /// A bridge wherever a street crosses the river, along the street at its graded height.
    func bridges(_ g: Ground) -> [Site] {
        var out: [Site] = []
        guard g.river.count > 1 else { return out }
        for street in g.streets {
            let p = street.points
            guard p.count > 1 else { continue }
            for i in 1..<p.count {
                for j in stride(from: 1, to: g.river.count, by: 1) {
                    guard let hit = intersection(p[i - 1], p[i], g.river[j - 1], g.river[j]) else { continue }
                    guard !out.contains(where: { length($0.position - hit) < 12 }) else { continue }
                    let t = normalize2(p[i] - p[i - 1])
                    let v = street.values[i - 1] + (street.values[i] - street.values[i - 1]) * (length(hit - p[i - 1]) / max(length(p[i] - p[i - 1]), 1e-4))
                    out.append(TownPlan.site(.bridge, out.count, "Bridge_\(String(format2: out.count + 1))", at: hit, yaw: katan2(t.x, t.y), radius: 7,
                                             lot: TownLot(baseY: v - 0.1, length: 16)))
                }
            }
        }
        return out
    }

    /// A quay at each street end that runs into the sea (the grading stops a street at the
    /// water), out from the shore along the street, clear of the houses.
    func quays(_ g: Ground, avoiding houses: [Footprint]) -> [Site] {
        var out: [Site] = []
        for street in g.streets where street.points.count > 2 {
            let p = street.points, v = street.values
            for (end, before, value) in [(p[p.count - 1], p[p.count - 2], v[v.count - 1]), (p[0], p[1], v[0])] {
                let d = normalize2(end - before)
                let at = end + d * 2
                guard length(end - centre) < extent + 30, g.isWet(at.x, at.y) else { continue }
                let f = Footprint(a: end - Vec2(-d.y, d.x) * 3.3, b: end + Vec2(-d.y, d.x) * 3.3, inward: d, depth: 6)
                guard !houses.contains(where: { $0.overlaps(f) }), !out.contains(where: { length($0.position - end) < 14 }) else { continue }
                out.append(TownPlan.site(.quay, out.count, "Quay_\(String(format2: out.count + 1))", at: end, yaw: katan2(d.x, d.y), radius: 4,
                                         lot: TownLot(baseY: value - 0.08, length: 6.6)))
            }
        }
        return out
    }

    /// A walled town: an octagon of wall round the houses, a gate where each street runs out.
    func walls(_ g: Ground) -> [Site] {
        let R = extent + 8
        var out: [Site] = []
        let turn = katan2(axis.y, axis.x) + .pi / 8
        let corners = (0..<8).map { k -> Vec2 in
            let a = turn + Float(k) * .pi / 4
            return centre + Vec2(kcos(a), ksin(a)) * R
        }
        for (k, c) in corners.enumerated() {
            // A round tower at each corner, on its own small pad.
            var tower = Site(kind: .tower, position: c, yaw: katan2(c.x - centre.x, c.y - centre.y), radius: Structure.tower.padRadius)
            tower.id = StableSeed.of("home/site/walltower/\(k)")
            tower.name = "WallTower_" + String(format2: k + 1)
            tower.isHome = true
            tower.padHeight = g.beforeRoads(c.x, c.y)
            out.append(tower)
        }
        for k in 0..<8 {
            let a = corners[k], b = corners[(k + 1) % 8]
            let len = length(b - a), dir = (b - a) / len
            // Where streets cross this side: gates, 12 m each.
            var cuts: [Float] = []
            for street in g.streets {
                let p = street.points
                for i in 1..<p.count {
                    if let hit = intersection(p[i - 1], p[i], a, b) { cuts.append(dot(hit - a, dir)) }
                }
            }
            cuts.sort()
            var pieces: [(Float, Float, Bool)] = []
            var s: Float = 1.2
            for c in cuts where c - 6 > s - 0.01 {
                if c - 6 - s > 3 { pieces.append((s, c - 6, false)) }
                pieces.append((c - 6, c + 6, true))
                s = c + 6
            }
            if len - 1.2 - s > 3 { pieces.append((s, len - 1.2, false)) }
            for (p0, p1, gate) in pieces {
                let mid = a + dir * ((p0 + p1) / 2)
                let outward = normalize2(mid - centre)
                var lowest = Float.infinity
                for t in stride(from: p0, through: p1, by: 2) { let q = a + dir * t; lowest = min(lowest, g.beforeRoads(q.x, q.y)) }
                out.append(TownPlan.site(.townWall, out.count, (gate ? "Gate_" : "Wall_") + String(format2: out.count + 1), at: mid,
                                         yaw: katan2(outward.x, outward.y), radius: (p1 - p0) / 2,
                                         lot: TownLot(baseY: gate ? g.beforeRoads(mid.x, mid.y) - 0.05 : lowest - 0.3, length: p1 - p0, gate: gate)))
            }
        }
        return out
    }
}

extension TownPlan {
    /// One of the town's sites: the `index`-th of its kind (its id from the kind's name and the
    /// index, so a site keeps its seed whatever else the town holds), named `name`.
    static func site(_ kind: Structure, _ index: Int, _ name: String, at p: Vec2, yaw: Float, radius: Float, lot: TownLot) -> Site {
        var s = Site(kind: kind, position: p, yaw: yaw, radius: radius)
        s.id = StableSeed.of("home/site/\(kind.name)/\(index)")
        s.name = name
        s.isHome = true
        s.index = index
        s.lot = lot
        return s
    }
}

/// Where segments p0→p1 and q0→q1 cross, if they do.
func intersection(_ p0: Vec2, _ p1: Vec2, _ q0: Vec2, _ q1: Vec2) -> Vec2? {
    let r = p1 - p0, s = q1 - q0
    let den = r.x * s.y - r.y * s.x
    guard abs(den) > 1e-6 else { return nil }
    let d = q0 - p0
    let t = (d.x * s.y - d.y * s.x) / den, u = (d.x * r.y - d.y * r.x) / den
    guard t >= 0, t <= 1, u >= 0, u <= 1 else { return nil }
    return p0 + r * t
}

extension TownPlan {
    /// A modern town's streets in stretches of up to 24 m (a site each, so a tile builds the
    /// stretches it owns): within the town, away from the river (a bridge carries the street
    /// there) and dry. Each stretch samples the ground (`ground`, as the houses do) across its
    /// asphalt; where another street crosses, the lower-numbered street's asphalt runs through
    /// and the other's stops, dashes and kerbs stop, and no car parks within 10 m. Cars take
    /// about half the 6 m bays of the parking lanes; a street light stands every 20 m,
    /// alternating sides.
    func streetSections(_ g: Ground, ground: (Vec2) -> Float, river: [Vec2], seed: UInt64) -> [Site] {
        var rng = PCG32(seed: seed, stream: 0x57EE7)
        var out: [Site] = []
        let lines = g.streets.map(\.points)
        /// Distance from `p` to street `j`'s centre line.
        func distance(_ p: Vec2, to j: Int) -> Float {
            let pts = lines[j]
            var best = Float.infinity
            guard pts.count > 1 else { return best }
            for i in 1..<pts.count {
                let a = pts[i - 1], b = pts[i]
                let ab = b - a, l2 = dot(ab, ab)
                let t = l2 > 1e-8 ? clamp(dot(p - a, ab) / l2, 0, 1) : 0
                best = min(best, length(p - (a + ab * t)))
            }
            return best
        }
        /// Within `r` of another street (only those numbered below `si` when `lower`).
        func nearOther(_ p: Vec2, _ si: Int, _ r: Float, lower: Bool = false) -> Bool {
            for j in lines.indices where j != si && (!lower || j < si) {
                if distance(p, to: j) < r { return true }
            }
            return false
        }
        func usable(_ p: Vec2) -> Bool {
            guard length(p - centre) < extent + 2, !g.isWet(p.x, p.y) else { return false }
            return !river.contains { length($0 - p) < LocalFeatures.riverBank + 5 }
        }
        let o = StreetSection.offsets
        for (si, street) in g.streets.enumerated() {
            let pts = street.points
            guard pts.count > 2 else { continue }
            // Runs of usable samples, cut into stretches of 12 segments.
            var runs: [ClosedRange<Int>] = []
            var start: Int?
            for i in pts.indices {
                if usable(pts[i]) { if start == nil { start = i } } else if let s = start { if i - 1 > s { runs.append(s...(i - 1)) }; start = nil }
            }
            if let s = start, pts.count - 1 > s { runs.append(s...(pts.count - 1)) }
            var lampCount = 0
            for run in runs {
                var a = run.lowerBound
                while a < run.upperBound {
                    let b = min(a + 12, run.upperBound)
                    let mid = pts[(a + b) / 2]
                    let baseY = ground(mid)
                    var s = StreetSection()
                    s.lift = 0.05 + 0.02 * Float(si % 2)
                    for i in a...b {
                        let t = normalize2(pts[min(i + 1, pts.count - 1)] - pts[max(i - 1, 0)])
                        let side = Vec2(-t.y, t.x)
                        s.centre.append(pts[i] - mid)
                        s.side.append(side)
                        s.heights.append(o.map { ground(pts[i] + side * $0) - baseY })
                    }
                    for i in a..<b {
                        let m = (pts[i] + pts[i + 1]) / 2
                        let side = s.side[i - a]
                        s.asphalt.append(!nearOther(m, si, 3.9, lower: true))
                        s.dashes.append(!nearOther(m, si, 6))
                        s.kerbs.append([-1, 1].map { (sign: Float) in !nearOther(m + side * (4.05 * sign), si, 4.4) })
                    }
                    // Parking bays every 6 m each side, about half taken; cars face the way
                    // of their lane.
                    for i in stride(from: a + 1, to: b, by: 3) {
                        let t = normalize2(pts[i + 1] - pts[i - 1])
                        let side = Vec2(-t.y, t.x)
                        for sign: Float in [-1, 1] {
                            let p = pts[i] + side * (2.85 * sign)
                            let take = rng.nextFloat() < 0.5, paint = rng.nextInt(Props.carPaints.count)
                            guard take, !nearOther(p, si, 10), usable(p) else { continue }
                            let dir = sign > 0 ? -t : t
                            let along = rng.nextFloat(-0.6, 0.6)
                            let q = p + t * along
                            s.cars.append(ParkedCar(position: Vec3(q.x - mid.x, ground(q) - baseY, q.y - mid.y), yaw: katan2(-dir.y, dir.x), paint: paint))
                        }
                    }
                    // Street lights: every 20 m, alternating sides, arms over the road.
                    for i in a..<b where (i - run.lowerBound) % 10 == 5 {
                        let t = normalize2(pts[i + 1] - pts[max(i - 1, 0)])
                        let side = Vec2(-t.y, t.x)
                        let sign: Float = lampCount % 2 == 0 ? 1 : -1
                        lampCount += 1
                        let p = pts[i] + side * (4.5 * sign)
                        guard !nearOther(p, si, 6), usable(p) else { continue }
                        let toRoad = side * -sign
                        s.lamps.append(StreetLamp(position: Vec3(p.x - mid.x, ground(p) - baseY, p.y - mid.y), yaw: katan2(-toRoad.y, toRoad.x)))
                    }
                    out.append(TownPlan.site(.townStreet, out.count, "Street_" + String(format3: out.count + 1), at: mid, yaw: 0, radius: 1,
                                             lot: TownLot(baseY: baseY, street: s)))
                    a = b
                }
            }
        }
        return out
    }
}
