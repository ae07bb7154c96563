import OysterCore

/// The finite world's ground and everything laid on it: the eroded heightfield with lake
/// basin, river bed, building pads and roads, plus where water and structures are.
struct WorldLayout: Sendable {
    var plan: WorldPlan
    var hf: Heightfield
    /// Sediment settled by erosion per sample (positive in gullies and fans).
    var deposit: [Float]
    var lakeLevel: Float?
    /// River centre line with the water surface height at each point.
    var river: [(p: Vec2, surface: Float)] = []
    var waterfall: (top: Vec3, bottom: Vec3, direction: Vec2, width: Float)?
    /// Distance to the nearest road (∞ far away).
    var roadDistance: [Float]
    var riverDistance: [Float]
    var sites: [Site] = []
    var villageCenter: Vec2?
    var roads: [[Vec2]] = []
    let shape: TerrainShape

    static let roadHalfWidth: Float = 1.8
    static let riverHalfWidth: Float = 2.2

    init(recipe: Recipe) {
        plan = WorldPlan(recipe: recipe)
        shape = TerrainShape(recipe: recipe)
        let cells = recipe.detail.terrainCells(size: recipe.size)
        let spacing = recipe.size / Float(cells)
        hf = Heightfield(cells: cells, spacing: spacing, originX: -recipe.size / 2, originZ: -recipe.size / 2)
        let shape = self.shape, plan = self.plan
        hf.fill { x, z in plan.shape(x, z, shape.height(x, z), amplitude: shape.amplitude) }
        var erosion = Heightfield.ErosionOptions()
        erosion.dropletsPerCell = recipe.detail == .low ? 0.4 : 0.7
        deposit = hf.erodeHydraulic(seed: recipe.seed, options: erosion)
        hf.erodeThermal(iterations: 4, talus: shape.landform == .mountains ? 1.2 : 0.8)
        roadDistance = [Float](repeating: .infinity, count: hf.heights.count)
        riverDistance = roadDistance
        var rng = PCG32(seed: recipe.seed, stream: 0x1A70)
        carveLake()
        let riverPath = planRiver(&rng)
        placeSites(&rng, avoiding: riverPath)
        layRoads(&rng)
        carveRiver(riverPath)
        for k in sites.indices { sites[k].height = hf.height(sites[k].position.x, sites[k].position.y) }
    }

    // MARK: - Water level

    /// The water surface height at (x, z), or nil where there is no water body.
    func waterLevel(_ x: Float, _ z: Float) -> Float? {
        if let lake = plan.lake, let level = lakeLevel, length(Vec2(x, z) - lake.center) < lake.radius * 1.6 { return level }
        if plan.seaDirection != nil || plan.island { return WorldPlan.seaLevel }
        return nil
    }

    /// True where the ground is under water (lake, sea or river).
    func isWet(_ x: Float, _ z: Float, margin: Float = 0.3) -> Bool {
        let h = hf.height(x, z)
        if let w = waterLevel(x, z), h < w + margin { return true }
        let c = hf.nearest(x, z)
        return riverDistance[c.j * hf.side + c.i] < WorldLayout.riverHalfWidth + 1.5
    }

    // MARK: - Lake

    mutating func carveLake() {
        guard let lake = plan.lake else { return }
        // Level: a little under the lowest ground on a ring around the basin, so the water is held.
        var ringMin = Float.infinity
        for s in 0..<48 {
            let a = Float(s) / 48 * 2 * .pi
            let p = lake.center + Vec2(kcos(a), ksin(a)) * lake.radius * 1.05
            ringMin = min(ringMin, hf.height(p.x, p.y))
        }
        let level = max(ringMin - 0.6, WorldPlan.seaLevel + 1.5)
        lakeLevel = level
        let depth = 3 + lake.radius * 0.06
        let n = hf.side
        let noise = Fractal(seed: plan.recipe.seed ^ 0x1A4E, octaves: 3)
        for j in 0..<n {
            for i in 0..<n {
                let p = Vec2(hf.worldX(i), hf.worldZ(j))
                let v = p - lake.center
                // Irregular shoreline: the radius wobbles with direction-free noise.
                let r = lake.radius * (1 + 0.25 * noise.fbm(p.x / 40, p.y / 40))
                let d = length(v) / r
                guard d < 1.6 else { continue }
                let desired = d < 1 ? level - depth * (1 - d * d) : level + (d - 1) * r * 0.25 - 0.05
                if desired < hf[i, j] { hf[i, j] = desired }
            }
        }
    }

    // MARK: - River

    /// Plans the river from a high source near the edge down to the lake, the sea or off the map.
    mutating func planRiver(_ rng: inout PCG32) -> [Vec2] {
        guard plan.river else { return [] }
        let half = plan.half
        // Source: the highest of a few points on the outer ring (away from the sea).
        var best = Vec2(0, 0), bestH = -Float.infinity
        for _ in 0..<24 {
            let a = rng.nextFloat() * 2 * .pi
            var p = Vec2(kcos(a), ksin(a)) * half * 0.82
            p = Vec2(clamp(p.x, -half * 0.85, half * 0.85), clamp(p.y, -half * 0.85, half * 0.85))
            if let s = plan.seaDirection, dot(p / half, s) > -0.2 { continue }
            let h = hf.height(p.x, p.y)
            if h > bestH { bestH = h; best = p }
        }
        let target: Vec2
        if let lake = plan.lake { target = lake.center }
        else if let s = plan.seaDirection { target = s * half * 0.95 }
        else if plan.island { target = normalize2(-best) * half * 0.9 }
        else { target = -best }
        return resample(meander(from: best, to: target, amplitude: half * 0.25, seed: plan.recipe.seed ^ 0x217E), step: hf.spacing)
    }

    mutating func carveRiver(_ path: [Vec2]) {
        guard path.count > 2 else { return }
        var pts: [Vec2] = []
        var beds: [Float] = []
        var bed = hf.height(path[0].x, path[0].y) - 1.2
        let stopLevel = lakeLevel ?? WorldPlan.seaLevel
        let fallIndex = plan.waterfall ? path.count * 3 / 10 : -1
        var fallTop: Float = 0
        for (i, p) in path.enumerated() {
            if let lake = plan.lake, length(p - lake.center) < lake.radius * 0.8 { break }
            bed = min(bed - 0.02 * hf.spacing, hf.height(p.x, p.y) - 1.2)
            if i == fallIndex {
                fallTop = bed
                bed -= 7
            }
            if (plan.seaDirection != nil || plan.island), bed < WorldPlan.seaLevel - 1, hf.height(p.x, p.y) < WorldPlan.seaLevel { break }
            bed = max(bed, stopLevel - 1.5)
            pts.append(p)
            beds.append(bed)
        }
        guard pts.count > 2 else { return }
        var field = PathField(count: hf.heights.count)
        let bank = WorldLayout.riverHalfWidth * 3
        field.stamp(pts, values: beds, radius: bank, on: hf)
        for k in hf.heights.indices where field.distance[k].isFinite {
            let d = field.distance[k]
            let t = d / bank
            let desired = field.value[k] + 3.2 * t * t
            if desired < hf.heights[k] { hf.heights[k] = desired }
        }
        riverDistance = field.distance
        river = zip(pts, beds).map { ($0, $1 + 0.7) }
        if fallIndex > 0, fallIndex < pts.count - 1 {
            let p = pts[fallIndex]
            let dir = normalize2(pts[fallIndex + 1] - pts[fallIndex - 1])
            waterfall = (Vec3(p.x, fallTop + 0.7, p.y), Vec3(p.x, fallTop - 7 + 0.7, p.y), dir, WorldLayout.riverHalfWidth * 2)
        }
    }

    // MARK: - Sites

    func dryAndFlat(_ p: Vec2, radius: Float, maxSlope: Float = 0.35) -> Bool {
        guard abs(p.x) < plan.half - radius - 4, abs(p.y) < plan.half - radius - 4 else { return false }
        if isWet(p.x, p.y, margin: 1.2) { return false }
        for a in stride(from: Float(0), to: 6.28, by: 1.05) {
            let q = p + Vec2(kcos(a), ksin(a)) * radius
            if isWet(q.x, q.y, margin: 0.8) { return false }
        }
        return hf.slope(p.x, p.y) < maxSlope
    }

    func overlaps(_ p: Vec2, _ r: Float, _ path: [Vec2]) -> Bool {
        for s in sites where length(s.position - p) < s.radius + r + 3 { return true }
        for q in stride(from: 0, to: path.count, by: 3) where length(path[q] - p) < r + WorldLayout.riverHalfWidth * 3 { return true }
        return false
    }

    /// The best of `tries` random candidates in the disc (`centre`, `spread`) by `score`.
    mutating func pick(_ rng: inout PCG32, kind: Site.Kind, radius: Float, centre: Vec2, spread: Float, tries: Int = 48,
                       river: [Vec2], maxSlope: Float = 0.35, score: (Vec2) -> Float) -> Site? {
        var best: (Vec2, Float)?
        for _ in 0..<tries {
            let a = rng.nextFloat() * 2 * .pi, r = spread * rng.nextFloat().squareRoot()
            let p = centre + Vec2(kcos(a), ksin(a)) * r
            guard dryAndFlat(p, radius: radius, maxSlope: maxSlope), !overlaps(p, radius, river) else { continue }
            let s = score(p)
            if best == nil || s > best!.1 { best = (p, s) }
        }
        guard let (p, _) = best else { return nil }
        let site = Site(kind: kind, position: p, yaw: rng.nextFloat() * 2 * .pi, radius: radius, index: sites.filter { $0.kind == kind }.count)
        sites.append(site)
        return site
    }

    mutating func placeSites(_ rng: inout PCG32, avoiding river: [Vec2]) {
        let r = plan.recipe, half = plan.half
        let lakeCentre = plan.lake?.center ?? .zero
        let lakeR = plan.lake?.radius ?? 0
        let seaward = plan.seaDirection ?? .zero
        // Village first: it wants the flattest ground near (not in) the water.
        if let v = r.feature(.village) {
            let houses = max(1, min(v.count ?? 6, 40))
            let spread = 14 + Float(houses).squareRoot() * 9
            var centre: Vec2?
            var best: Float = -.infinity
            for _ in 0..<64 {
                let p = Vec2(rng.nextFloat(-0.55, 0.55), rng.nextFloat(-0.55, 0.55)) * half
                guard dryAndFlat(p, radius: 8, maxSlope: 0.25), !overlaps(p, 8, river) else { continue }
                var s = -hf.slope(p.x, p.y) * 40
                s -= abs(length(p - lakeCentre) - lakeR - spread * 0.9) * 0.05
                s -= length(p) * 0.02 - dot(p / half, seaward) * 4
                if s > best { best = s; centre = p }
            }
            if let c = centre {
                villageCenter = c
                var placed = 0
                var ring: Float = 11
                var attempts = 0
                while placed < houses, attempts < houses * 30 {
                    attempts += 1
                    let a = rng.nextFloat() * 2 * .pi
                    let p = c + Vec2(kcos(a), ksin(a)) * (ring + rng.nextFloat(-2, 2))
                    if attempts % 8 == 0 { ring += 6 }
                    guard dryAndFlat(p, radius: 5, maxSlope: 0.45), !overlaps(p, 4.5, river) else { continue }
                    // Face the village centre (doors are on the kit's +z side).
                    let toC = c - p
                    let yaw = katan2(toC.x, toC.y)
                    sites.append(Site(kind: .house, position: p, yaw: yaw, radius: 5, index: placed))
                    placed += 1
                }
            }
        }
        let snap = self, ground = hf
        let vc = villageCenter ?? .zero
        if r.has(.castle) {
            _ = pick(&rng, kind: .castle, radius: 15, centre: vc * 0.3, spread: half * 0.7, river: river, maxSlope: 0.5) { p in
                ground.height(p.x, p.y) - length(p) * 0.05
            }
        }
        if let t = r.feature(.tower) {
            for _ in 0..<max(1, min(t.count ?? 1, 6)) {
                _ = pick(&rng, kind: .tower, radius: 4, centre: .zero, spread: half * 0.75, river: river, maxSlope: 0.6) { p in ground.height(p.x, p.y) }
            }
        }
        if let t = r.feature(.ruins) {
            for _ in 0..<max(1, min(t.count ?? 1, 6)) {
                _ = pick(&rng, kind: .ruins, radius: 9, centre: .zero, spread: half * 0.7, river: river, maxSlope: 0.5) { p in -length(p - vc) * -0.01 }
            }
        }
        if let t = r.feature(.cabin) {
            for _ in 0..<max(1, min(t.count ?? 1, 8)) {
                _ = pick(&rng, kind: .cabin, radius: 5, centre: lakeCentre, spread: half * 0.7, river: river, maxSlope: 0.45) { p in
                    -abs(length(p - lakeCentre) - lakeR - 14) * (snap.plan.lake == nil ? 0 : 1)
                }
            }
        }
        if r.has(.windmill) {
            _ = pick(&rng, kind: .windmill, radius: 5, centre: vc, spread: half * 0.45, river: river, maxSlope: 0.4) { p in
                ground.height(p.x, p.y) * 0.5 - abs(length(p - vc) - 40) * 0.2
            }
        }
        let hasSea = plan.seaDirection != nil || plan.island
        if r.has(.lighthouse) {
            _ = pick(&rng, kind: .lighthouse, radius: 5, centre: .zero, spread: half * 0.9, tries: 200, river: river, maxSlope: 0.6) { p in
                let h = ground.height(p.x, p.y)
                return hasSea ? -abs(h - 4) - (snap.isWet(p.x + 8, p.y) || snap.isWet(p.x - 8, p.y) || snap.isWet(p.x, p.y + 8) || snap.isWet(p.x, p.y - 8) ? 0 : 3) : h
            }
        }
        if r.has(.pier) { placePier(&rng) }
    }

    /// A pier starts on the shore and points into the water.
    mutating func placePier(_ rng: inout PCG32) {
        var best: (Vec2, Float, Float)?
        for _ in 0..<300 {
            let p = Vec2(rng.nextFloat(-0.85, 0.85), rng.nextFloat(-0.85, 0.85)) * plan.half
            guard let w = waterLevel(p.x, p.y) else { continue }
            let h = hf.height(p.x, p.y)
            guard h > w + 0.2, h < w + 1.2 else { continue }
            // Direction of steepest descent = towards the water.
            let e: Float = 2
            let g = Vec2(hf.height(p.x + e, p.y) - hf.height(p.x - e, p.y), hf.height(p.x, p.y + e) - hf.height(p.x, p.y - e))
            guard length(g) > 0.01 else { continue }
            let dir = -normalize2(g)
            let end = p + dir * 14
            guard hf.height(end.x, end.y) < w - 0.8 else { continue }
            let score = -hf.slope(p.x, p.y) - (villageCenter.map { length($0 - p) * 0.01 } ?? 0)
            if best == nil || score > best!.2 { best = (p, katan2(dir.x, dir.y), score) }
        }
        guard let (p, yaw, _) = best else { return }
        sites.append(Site(kind: .pier, position: p, yaw: yaw, radius: 2))
    }

    // MARK: - Roads

    mutating func layRoads(_ rng: inout PCG32) {
        // Flatten pads first.
        let n = hf.side
        for s in sites where s.kind != .pier {
            let target = hf.height(s.position.x, s.position.y)
            let outer = s.radius + 4
            let c = hf.nearest(s.position.x, s.position.y)
            let r = Int((outer / hf.spacing).rounded(.up))
            for j in max(0, c.j - r)...min(n - 1, c.j + r) {
                for i in max(0, c.i - r)...min(n - 1, c.i + r) {
                    let d = length(Vec2(hf.worldX(i), hf.worldZ(j)) - s.position)
                    let w = 1 - smoothstep(s.radius, outer, d)
                    hf[i, j] = mix(hf[i, j], target, w)
                }
            }
        }
        var paths: [[Vec2]] = []
        if let vc = villageCenter {
            // Main road: from the landward edge through the village.
            let from = edgePoint(&rng, awayFrom: plan.seaDirection)
            paths.append(meander(from: from, to: vc, amplitude: plan.half * 0.2, seed: plan.recipe.seed ^ 0x80AD))
            for s in sites where s.kind == .house {
                let door = s.position + Vec2(ksin(s.yaw), kcos(s.yaw)) * 3.5
                paths.append(meander(from: vc, to: door, amplitude: 2, seed: plan.recipe.seed ^ UInt64(s.index + 99)))
            }
            for s in sites where [.castle, .windmill, .pier, .lighthouse, .tower].contains(s.kind) {
                let end = s.position + (vc - s.position).normalizedOrZero * (s.radius + 1)
                paths.append(meander(from: vc, to: end, amplitude: 6, seed: plan.recipe.seed ^ UInt64(s.kind.rawValue.count * 31)))
            }
        } else if plan.recipe.has(.road) {
            let a = edgePoint(&rng, awayFrom: plan.seaDirection)
            let b = sites.first.map { $0.position } ?? -a
            paths.append(meander(from: a, to: b, amplitude: plan.half * 0.3, seed: plan.recipe.seed ^ 0x80AD))
        }
        roads = paths
        var field = PathField(count: hf.heights.count)
        let outer = WorldLayout.roadHalfWidth * 2.2
        for path in paths {
            let pts = resample(path, step: hf.spacing).filter { !isWet($0.x, $0.y, margin: 0) }
            guard pts.count > 1 else { continue }
            let raw = pts.map { hf.height($0.x, $0.y) }
            // Road height: the ground smoothed along the road, so it climbs gently.
            let smooth = raw.indices.map { i -> Float in
                let lo = max(0, i - 6), hi = min(raw.count - 1, i + 6)
                return raw[lo...hi].reduce(0, +) / Float(hi - lo + 1)
            }
            field.stamp(pts, values: smooth, radius: outer, on: hf)
        }
        for k in hf.heights.indices where field.distance[k].isFinite {
            let w = 1 - smoothstep(WorldLayout.roadHalfWidth, outer, field.distance[k])
            hf.heights[k] = mix(hf.heights[k], field.value[k] - 0.08, w)
        }
        roadDistance = field.distance
    }

    func edgePoint(_ rng: inout PCG32, awayFrom sea: Vec2?) -> Vec2 {
        let dirs = [Vec2(1, 0), Vec2(-1, 0), Vec2(0, 1), Vec2(0, -1)].filter { sea == nil || dot($0, sea!) < 0.5 }
        let d = dirs[rng.nextInt(dirs.count)]
        let t = rng.nextFloat(-0.5, 0.5)
        return d * plan.half * 0.98 + Vec2(-d.y, d.x) * t * plan.half
    }
}

func normalize2(_ v: Vec2) -> Vec2 {
    let l = length(v)
    return l > 0 ? v / l : Vec2(1, 0)
}

extension SIMD2 where Scalar == Float {
    var normalizedOrZero: SIMD2<Float> { let l = (x * x + y * y).squareRoot(); return l > 0 ? self / l : .zero }
}
