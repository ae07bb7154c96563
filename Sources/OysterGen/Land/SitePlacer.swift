import OysterCore

/// Picks sites for structures on dry, flat ground clear of water, rivers and each other: the
/// village (square, then houses in rings facing it), landmarks scored per kind, and a pier on a
/// shore. Home uses the recipe's features; far cells use the same rules for what they recur.
struct SitePlacer {
    enum Naming { case numbered, positional }

    let context: PlacementContext
    var rng: PCG32
    /// River centre line to keep clear of.
    let river: [Vec2]
    let idPrefix: String
    let naming: Naming
    /// Placement area: the square of half-side `context.half` round `centre`.
    var centre = Vec2(0, 0)
    var sites: [Site] = []
    var villageCenter: Vec2?

    init(context: PlacementContext, rng: PCG32, river: [Vec2], idPrefix: String, naming: Naming, centre: Vec2 = .zero) {
        self.context = context
        self.rng = rng
        self.river = river
        self.idPrefix = idPrefix
        self.naming = naming
        self.centre = centre
    }

    // MARK: - Rules

    func dryAndFlat(_ p: Vec2, radius: Float, maxSlope: Float = 0.35) -> Bool {
        let half = context.half
        guard abs(p.x - centre.x) < half - radius - 4, abs(p.y - centre.y) < half - radius - 4 else { return false }
        if context.isWet(p.x, p.y, 1.2) { return false }
        for a in stride(from: Float(0), to: 6.28, by: 1.05) {
            let q = p + Vec2(kcos(a), ksin(a)) * radius
            if context.isWet(q.x, q.y, 0.8) { return false }
        }
        return context.slope(p) < maxSlope
    }

    func overlaps(_ p: Vec2, _ r: Float) -> Bool {
        for s in sites where length(s.position - p) < s.radius + r + 3 { return true }
        for q in stride(from: 0, to: river.count, by: 3) where length(river[q] - p) < r + LocalFeatures.riverHalfWidth * 3 { return true }
        return false
    }

    mutating func add(_ kind: Site.Kind, _ p: Vec2, yaw: Float, radius: Float) {
        let index = sites.filter { $0.kind == kind }.count
        var s = Site(kind: kind, position: p, yaw: yaw, radius: radius, index: index)
        s.id = StableSeed.of("\(idPrefix)/site/\(kind.rawValue)/\(index)")
        switch naming {
        case .numbered:
            s.name = "\(kind.label)_\(String(format2: index + 1))"
            s.isHome = true
        case .positional: s.name = "\(kind.label)_\(Int(p.x.rounded()))_\(Int(p.y.rounded()))"
        }
        sites.append(s)
    }

    /// The best of `tries` random candidates in the disc (`centre`, `spread`) by `score`.
    @discardableResult
    mutating func pick(kind: Site.Kind, radius: Float, centre: Vec2, spread: Float, tries: Int = 48,
                       maxSlope: Float = 0.35, score: (Vec2) -> Float) -> Bool {
        var best: (Vec2, Float)?
        for _ in 0..<tries {
            let a = rng.nextFloat() * 2 * .pi, r = spread * rng.nextFloat().squareRoot()
            let p = centre + Vec2(kcos(a), ksin(a)) * r
            guard dryAndFlat(p, radius: radius, maxSlope: maxSlope), !overlaps(p, radius) else { continue }
            let s = score(p)
            if best == nil || s > best!.1 { best = (p, s) }
        }
        guard let (p, _) = best else { return false }
        add(kind, p, yaw: rng.nextFloat() * 2 * .pi, radius: radius)
        return true
    }

    /// A village: the flattest dry ground near (not in) water, a square with a well, then
    /// `houses` houses in rings round it, doors facing the square.
    mutating func village(houses: Int, tries: Int, lake: Lake?, seaward: Vec2?) {
        let half = context.half
        let spread = 14 + Float(houses).squareRoot() * 9
        var best: (Vec2, Float)?
        for _ in 0..<tries {
            let p = centre + Vec2(rng.nextFloat(-0.55, 0.55), rng.nextFloat(-0.55, 0.55)) * half
            guard dryAndFlat(p, radius: 8, maxSlope: 0.25), !overlaps(p, 8) else { continue }
            var s = -context.slope(p) * 40
            if let lake { s -= abs(length(p - lake.center) - lake.radius - spread * 0.9) * 0.05 }
            s -= length(p - centre) * 0.02 - dot((p - centre) / half, seaward ?? .zero) * 4
            if best == nil || s > best!.1 { best = (p, s) }
        }
        guard let (c, _) = best else { return }
        villageCenter = c
        // The square: a well, stalls and lamps (kept clear of trees and houses).
        add(.well, c, yaw: 0, radius: 8.5)
        var placed = 0, attempts = 0
        var ring: Float = 11
        while placed < houses, attempts < houses * 30 {
            attempts += 1
            let a = rng.nextFloat() * 2 * .pi
            let p = c + Vec2(kcos(a), ksin(a)) * (ring + rng.nextFloat(-2, 2))
            if attempts % 8 == 0 { ring += 6 }
            guard dryAndFlat(p, radius: 5, maxSlope: 0.45), !overlaps(p, 4.5) else { continue }
            let toC = c - p
            add(.house, p, yaw: katan2(toC.x, toC.y), radius: 5)
            placed += 1
        }
    }

    /// A pier on a shore, pointing into the water.
    mutating func pier(tries: Int = 300) {
        let ground = context.ground
        var best: (Vec2, Float, Float)?
        for _ in 0..<tries {
            let p = centre + Vec2(rng.nextFloat(-0.85, 0.85), rng.nextFloat(-0.85, 0.85)) * context.half
            guard let w = context.waterLevel(p.x, p.y) else { continue }
            let h = ground(p.x, p.y)
            guard h > w + 0.2, h < w + 1.2 else { continue }
            // Direction of steepest descent = towards the water.
            let e: Float = 2
            let g = Vec2(ground(p.x + e, p.y) - ground(p.x - e, p.y), ground(p.x, p.y + e) - ground(p.x, p.y - e))
            guard length(g) > 0.01 else { continue }
            let dir = -normalize2(g)
            let end = p + dir * 14
            guard ground(end.x, end.y) < w - 0.8 else { continue }
            let score = -context.slope(p) - (villageCenter.map { length($0 - p) * 0.01 } ?? 0)
            if best == nil || score > best!.2 { best = (p, katan2(dir.x, dir.y), score) }
        }
        guard let (p, yaw, _) = best else { return }
        add(.pier, p, yaw: yaw, radius: 2)
    }

    // MARK: - Home

    /// The recipe's structures round home, in the finite world's order.
    mutating func placeHomeSites(recipe r: Recipe, lake: Lake?, seaward: Vec2?, hasSea: Bool) {
        let half = context.half
        let lakeCentre = lake?.center ?? .zero, lakeR = lake?.radius ?? 0
        if let v = r.feature(.village) { village(houses: max(1, min(v.count ?? 6, 40)), tries: 64, lake: lake, seaward: seaward) }
        let ground = context.ground, isWet = context.isWet
        let vc = villageCenter ?? .zero
        if r.has(.castle) {
            pick(kind: .castle, radius: 15, centre: vc * 0.3, spread: half * 0.7, maxSlope: 0.5) { p in ground(p.x, p.y) - length(p) * 0.05 }
        }
        if let t = r.feature(.tower) {
            for _ in 0..<max(1, min(t.count ?? 1, 6)) {
                pick(kind: .tower, radius: 4, centre: .zero, spread: half * 0.75, maxSlope: 0.6) { p in ground(p.x, p.y) }
            }
        }
        if let t = r.feature(.ruins) {
            for _ in 0..<max(1, min(t.count ?? 1, 6)) {
                pick(kind: .ruins, radius: 9, centre: .zero, spread: half * 0.7, maxSlope: 0.5) { p in length(p - vc) * 0.01 }
            }
        }
        if let t = r.feature(.cabin) {
            for _ in 0..<max(1, min(t.count ?? 1, 8)) {
                pick(kind: .cabin, radius: 5, centre: lakeCentre, spread: half * 0.7, maxSlope: 0.45) { p in
                    -abs(length(p - lakeCentre) - lakeR - 14) * (lake == nil ? 0 : 1)
                }
            }
        }
        if r.has(.windmill) {
            pick(kind: .windmill, radius: 5, centre: vc, spread: half * 0.45, maxSlope: 0.4) { p in
                ground(p.x, p.y) * 0.5 - abs(length(p - vc) - 40) * 0.2
            }
        }
        if r.has(.lighthouse) {
            pick(kind: .lighthouse, radius: 5, centre: .zero, spread: half * 0.9, tries: 200, maxSlope: 0.6) { p in
                let h = ground(p.x, p.y)
                let shore = isWet(p.x + 8, p.y, 0.3) || isWet(p.x - 8, p.y, 0.3) || isWet(p.x, p.y + 8, 0.3) || isWet(p.x, p.y - 8, 0.3)
                return hasSea ? -abs(h - 4) - (shore ? 0 : 3) : h
            }
        }
        if r.has(.pier) { pier() }
    }
}
