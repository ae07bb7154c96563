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
    /// Discs kept free of further sites (a town's streets and houses, planned as a whole).
    var reserved: [(centre: Vec2, radius: Float)] = []
    /// A town's centre: its pier is the harbour by its streets.
    var townCentre: Vec2?

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
        for d in reserved where length(d.centre - p) < d.radius + r { return true }
        for q in stride(from: 0, to: river.count, by: 3) where length(river[q] - p) < r + LocalFeatures.riverHalfWidth * 3 { return true }
        return false
    }

    mutating func add(_ kind: Structure, _ p: Vec2, yaw: Float) {
        let index = sites.filter { $0.kind == kind }.count
        var s = Site(kind: kind, position: p, yaw: yaw, radius: kind.padRadius, index: index)
        s.id = StableSeed.of("\(idPrefix)/site/\(kind.name)/\(index)")
        switch naming {
        case .numbered:
            s.name = "\(kind.label)_\(String(format2: index + 1))"
            s.isHome = true
        case .positional: s.name = "\(kind.label)_\(Int(p.x.rounded()))_\(Int(p.y.rounded()))"
        }
        sites.append(s)
    }

    /// The best of `tries` random candidates in the disc (`centre`, `spread`) by `score`, on
    /// dry ground flat enough for the kind's pad.
    @discardableResult
    mutating func pick(kind: Structure, centre: Vec2, spread: Float, tries: Int = 48, score: (Vec2) -> Float) -> Bool {
        let radius = kind.padRadius, maxSlope = kind.maxSlope
        var best: (Vec2, Float)?
        for _ in 0..<tries {
            let a = rng.nextFloat() * 2 * .pi, r = spread * rng.nextFloat().squareRoot()
            let p = centre + Vec2(kcos(a), ksin(a)) * r
            guard dryAndFlat(p, radius: radius, maxSlope: maxSlope), !overlaps(p, radius) else { continue }
            let s = score(p)
            if best == nil || s > best!.1 { best = (p, s) }
        }
        guard let (p, _) = best else { return false }
        add(kind, p, yaw: rng.nextFloat() * 2 * .pi)
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
        add(.well, c, yaw: 0)
        var placed = 0, attempts = 0
        var ring: Float = 11
        while placed < houses, attempts < houses * 30 {
            attempts += 1
            let a = rng.nextFloat() * 2 * .pi
            let p = c + Vec2(kcos(a), ksin(a)) * (ring + rng.nextFloat(-2, 2))
            if attempts % 8 == 0 { ring += 6 }
            guard dryAndFlat(p, radius: 5, maxSlope: 0.45), !overlaps(p, 4.5) else { continue }
            let toC = c - p
            add(.house, p, yaw: katan2(toC.x, toC.y))
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
            let score = -context.slope(p) - (villageCenter.map { length($0 - p) * 0.01 } ?? 0) - (townCentre.map { length($0 - p) * 0.05 } ?? 0)
            if best == nil || score > best!.2 { best = (p, katan2(dir.x, dir.y), score) }
        }
        guard let (p, yaw, _) = best else { return }
        add(.pier, p, yaw: yaw)
    }

    // MARK: - Home

    /// The recipe's structures round home, each by its own rule, in registry order.
    mutating func placeHomeSites(recipe: Recipe, lake: Lake?, seaward: Vec2?, hasSea: Bool) {
        for kind in Structure.all {
            // A town takes the village's place: its square and streets are the settlement (a
            // world too small or too rough for one keeps the village).
            if kind == .house, townCentre != nil { continue }
            guard let rule = kind.placeAtHome, let f = kind.feature, recipe.has(f) else { continue }
            rule(&self, HomeSetting(recipe: recipe, lake: lake, seaward: seaward, hasSea: hasSea, villageCentre: villageCenter, context: context))
        }
    }
}
