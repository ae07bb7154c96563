import OysterCore

/// What a town's plan decided for one of its sites, so that every region builds it alike.
struct TownLot: Sendable {
    /// Height of the kit's origin (the street's level at a row, the square's at the church).
    var baseY: Float
    /// A row of terraced houses.
    var terrace: TerraceParams?
    /// Length of a stretch of wall, and whether it is a gate.
    var length: Float = 0
    var gate = false
    /// The square: half its size along the town's axes (main street, cross street), the
    /// main street's direction, and the town's radius (paved streets, no trees within it).
    var half: Vec2 = .zero
    var axis = Vec2(1, 0)
    var extent: Float = 0
    /// A modern town (the style `modern`): its square a park, the house fronts `front` metres
    /// from the streets' centre lines (wider streets with parking lanes).
    var modern = false
    var front: Float = TownPlan.front
    /// A stretch of a modern town's street: asphalt, markings, kerbs, cars and lights.
    var street: StreetSection?

    /// Where the square's fountain stands, along the main street and across it from the
    /// square's centre.
    var fountain: Vec2 { Vec2(-half.x * 0.3, -1) }
}

/// A town round the home region's centre: a grid of streets (winding lanes on hilly ground)
/// round a square with a fountain, market stalls and a church, rows of terraced houses along the
/// street fronts, bridges where streets cross the river, and with a castle, walls and gates.
///
/// Planned in two steps, because rows stand at their street's graded height: `init` lays out
/// the square and the streets (and keeps the town's disc from other sites); after home's pads
/// are known and the streets graded like any road, `lots` puts the rows, bridges and walls.
/// Everything is a function of the recipe and seed, so every region builds the same town.
struct TownPlan: Sendable {
    let centre: Vec2
    /// Along the main street; `across` is along the cross street.
    let axis: Vec2
    let extent: Float
    /// Winding lanes instead of straight streets (hilly ground).
    let lanes: Bool
    let walled: Bool
    /// A harbour town: it comes down to the shore, and its streets end in quays.
    let harbour: Bool
    /// A modern town: blocks of flats and offices along asphalt streets, a park for a square,
    /// no church and no walls.
    let modern: Bool
    /// Street centre lines before grading: the main street first, then the cross street (both
    /// run out past the town), then the others.
    var streets: [[Vec2]] = []
    /// Where the main and cross streets leave the town: roads from other cells arrive here.
    var gates: [Vec2] = []
    /// Half the square's size along `axis` and `across`.
    let squareHalf: Vec2
    /// Block sizes along `axis` and `across`.
    let block: Vec2

    /// Metres from a street's centre line to the house fronts (a 3.6 m street and pavements).
    static let front: Float = 3.4
    /// A modern town's: 3.9 m of asphalt each side (a lane and a parking lane), kerbs and a
    /// pavement.
    static let modernFront: Float = 6.2
    var frontSetback: Float { modern ? TownPlan.modernFront : TownPlan.front }

    var across: Vec2 { Vec2(-axis.y, axis.x) }
    func world(_ u: Float, _ v: Float) -> Vec2 { centre + axis * u + across * v }
    func local(_ p: Vec2) -> Vec2 { let d = p - centre; return Vec2(dot(d, axis), dot(d, across)) }
    /// The church's nave length (its tower adds 5.3 m at the +u end) and where it stands on
    /// the square, in the town's (u, v).
    var churchLength: Float { min(14, 2 * squareHalf.x - 7) }
    var churchPlace: (Float, Float) { (squareHalf.x - 5.8 - churchLength / 2, squareHalf.y - 4.5) }

    /// Lays out the town and adds its square and church to `placer` (nil when no ground fits).
    /// `towards`: the direction of home's first road out, which the main street follows.
    init?(recipe: Recipe, placer: inout SitePlacer, towards: Vec2?, seaward: Vec2?) {
        let context = placer.context
        let half = context.half
        let size = recipe.feature(.town)?.size ?? 0.5
        extent = max(28, min(half - 14, 40 + 60 * size))
        // Centre: the flattest dry ground near the middle, clear of water and the river.
        harbour = recipe.has(.pier) && seaward != nil
        var best: (Vec2, Float)?
        for _ in 0..<64 {
            let p = Vec2(placer.rng.nextFloat(-0.3, 0.3), placer.rng.nextFloat(-0.3, 0.3)) * half
            guard placer.dryAndFlat(p, radius: 12, maxSlope: 0.3), !placer.overlaps(p, 16) else { continue }
            var slope: Float = 0, wet: Float = 0
            for k in 0..<12 {
                let a = Float(k) * .pi / 6
                let q = p + Vec2(kcos(a), ksin(a)) * extent * (k % 2 == 0 ? 0.4 : 0.8)
                slope += context.slope(q)
                if context.isWet(q.x, q.y, 0.5) { wet += 1 }
            }
            var score = -slope * 4 - wet * 3 - length(p) * 0.02
            // A harbour town (a pier by the sea) comes down to the shore on its seaward side.
            if harbour, let s = seaward {
                var shore = extent * 2
                for k in 1...24 where shore == extent * 2 {
                    let q = p + s * (Float(k) * extent / 12)
                    if context.isWet(q.x, q.y, 0) { shore = Float(k) * extent / 12 }
                }
                score -= abs(shore - extent * 0.7) * 0.15 - wet * 2.5
            }
            if best == nil || score > best!.1 { best = (p, score) }
        }
        guard let (c, _) = best else { return nil }
        centre = c
        var hilly: Float = 0
        for k in 0..<16 {
            let a = Float(k) * .pi / 8
            hilly += context.slope(c + Vec2(kcos(a), ksin(a)) * extent * 0.6) / 16
        }
        lanes = hilly > 0.16
        modern = recipe.style == .modern
        walled = recipe.has(.castle) && !modern
        let turn = placer.rng.nextFloat(-0.25, 0.25)
        let base = towards.map { normalize2($0) } ?? Vec2(1, 0)
        axis = Vec2(base.x * kcos(turn) - base.y * ksin(turn), base.x * ksin(turn) + base.y * kcos(turn))
        block = lanes ? Vec2(placer.rng.nextFloat(30, 36), placer.rng.nextFloat(26, 30)) : Vec2(placer.rng.nextFloat(38, 46), placer.rng.nextFloat(30, 35))
        squareHalf = block / 2 - Vec2(repeating: LocalFeatures.roadHalfWidth + 0.6)
        streets = layStreets(seed: StableSeed.of("home/town/lanes", in: recipe.seed))
        gates = [streets[0].last!, streets[0].first!, streets[1].last!, streets[1].first!]
        // The square (flattened and paved) and its church, facing the square's middle.
        var square = Site(kind: .townSquare, position: c, yaw: katan2(axis.x, axis.y), radius: min(squareHalf.x, squareHalf.y) + 2)
        square.id = StableSeed.of("home/site/square/0")
        square.name = "Square_01"
        square.isHome = true
        square.lot = TownLot(baseY: 0, half: squareHalf, axis: axis, extent: extent)
        if modern { square.lot?.modern = true; square.lot?.front = TownPlan.modernFront }
        placer.sites.append(square)
        // A modern town's square is a park: no church.
        guard !modern else {
            placer.reserved.append((c, extent + 4))
            placer.townCentre = c
            return
        }
        // The church stands along the square's far side, its door towards the main street.
        let (cu, cv) = churchPlace
        var church = Site(kind: .church, position: world(cu, cv), yaw: katan2(-across.x, -across.y), radius: 9)
        church.id = StableSeed.of("home/site/church/0")
        church.name = "Church_01"
        church.isHome = true
        placer.sites.append(church)
        placer.reserved.append((c, extent + (walled ? 12 : 4)))
        placer.townCentre = c
    }

    /// Street centre lines: lines of the grid offset by half a block, so the square is the
    /// middle block, clipped to the town's disc; the square's near sides run on out of town.
    private func layStreets(seed: UInt64) -> [[Vec2]] {
        let R = extent
        var out: [[Vec2]] = []
        let out2 = R + 26
        // Main street (along the axis, the square's −v side) and cross street (the −u side).
        out.append([world(-out2, -block.y / 2), world(out2, -block.y / 2)])
        out.append([world(-block.x / 2, -out2), world(-block.x / 2, out2)])
        let nv = Int((R / block.y).rounded(.up)), nu = Int((R / block.x).rounded(.up))
        for k in -nv...nv where k != 0 {
            let v = (Float(k) - 0.5) * block.y
            guard abs(v) < R - 8 else { continue }
            let u = (R * R - v * v).squareRoot()
            out.append([world(-u, v), world(u, v)])
        }
        for k in -nu...nu where k != 0 {
            let u = (Float(k) - 0.5) * block.x
            guard abs(u) < R - 8 else { continue }
            let v = (R * R - u * u).squareRoot()
            out.append([world(u, -v), world(u, v)])
        }
        // Old-town lanes: straight by the square, wandering farther out.
        let noise = Fractal(seed: seed, octaves: 2)
        return out.enumerated().map { i, line in
            let pts = resample(line, step: 2)
            guard lanes else { return pts }
            let d = normalize2(line[1] - line[0]), side = Vec2(-d.y, d.x)
            return pts.map { p in
                let r = length(p - centre)
                return p + side * (4.5 * noise.fbm(dot(p, d) / 45 + Float(i) * 7.3, Float(i) * 3.1) * smoothstep(block.x * 0.6, block.x * 1.2, r))
            }
        }
    }
}
