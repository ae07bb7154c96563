import OysterCore

// MARK: - Herds in a world

extension RegionBuilder {
    /// Where the world's animals gather: the home village's well, else its hub.
    var homePoint: Vec2 { features.sites.first { ($0.kind == .well || $0.kind == .townSquare) && $0.isHome }?.position ?? map.home.hub ?? Vec2(0, 0) }

    /// Where the recipe's animals go (see `Inhabitants`): each species a herd on open meadow
    /// (gentle, treeless ground well away from buildings, roads, rivers and lakes), as near
    /// the home village as such ground is; most graze, some stand looking round, and one of
    /// each herd of two or more walks a loop beside it (`<species>-route`). Dogs stay near
    /// the village instead.
    func herdPlan() -> [Inhabitants.Beast] {
        let herds = recipe.placedAnimals
        guard !herds.isEmpty else { return [] }
        let home = homePoint
        var taken: [Vec2] = []
        var plan: [Inhabitants.Beast] = []
        for herd in herds {
            let p = herd.species.proportions
            let spacing = 1.6 * (p.bodyLength + p.neckLength) + 0.8
            let radius = spacing * (Float(herd.count) + 0.5).squareRoot()
            let centre = herd.species == .dog ? home : meadow(radius: radius, near: home, avoiding: taken)
            taken.append(centre)
            let baseYaw = Float(StableSeed.of("herd/\(herd.species.rawValue)", in: recipe.seed) % 6283) / 1000
            // The walker's loop lies beside the herd (not through it), on one side or the other.
            let walk = AnimalClip.walk
            let loopRadius = Float(Self.routeLoops) * walk.rootSpeed(herd.species) * walk.duration(herd.species) / (2 * .pi)
            let beside = [Float(1), -1].map { centre + Vec2(kcos(baseYaw), ksin(baseYaw)) * ($0 * (radius + loopRadius + 1)) }
            let loopCentre = herd.species != .dog && herd.count >= 2 ? beside.first { loopIsClear($0, loopRadius) } : nil
            var spot = 0
            for k in 0..<herd.count {
                let bits = StableSeed.of("animal/\(herd.species.rawValue)/\(k)/place", in: recipe.seed)
                if let loopCentre, k == 0 {
                    let start = Float(bits % 6283) / 1000
                    plan.append(.init(species: herd.species, index: k, doing: .loop(centre: loopCentre, start: start)))
                    continue
                }
                // A spiral by the golden angle from the herd's middle (dogs: from 12 m out, off
                // the square), each animal on a free spot.
                var at = centre
                for _ in 0..<48 {
                    let i = Float(spot)
                    spot += 1
                    let reach = herd.species == .dog ? 12 + 1.5 * i : spacing * (i + 0.5).squareRoot()
                    let q = centre + Vec2(kcos(i * 2.39996), ksin(i * 2.39996)) * reach
                    if canGrow(q, clearance: 1), grid.slope(q.x, q.y) < 0.35 { at = q; break }
                }
                let yaw = baseYaw + (Float(bits >> 20 & 1023) / 1023 - 0.5) * 2.2
                let clip: AnimalClip = herd.species == .dog ? .idle : (bits % 10 < 7 ? .graze : .idle)
                plan.append(.init(species: herd.species, index: k, doing: .stand(at: at, yaw: yaw, clip: clip)))
            }
        }
        return plan
    }

    /// Whether a herd may stand at `p`: gentle, dry, treeless ground far from buildings (20 m
    /// past a site's radius), roads (5 m) and water (10 m).
    func isOpenMeadow(_ p: Vec2, woods mask: Fractal) -> Bool {
        guard region.owns(p.x, p.y) else { return false }
        let k = grid.nearest(p.x, p.y)
        if grid.road[k] < LocalFeatures.roadHalfWidth + 5 { return false }
        if grid.river[k] < LocalFeatures.riverHalfWidth * 2 + 10 { return false }
        if grid.slope(p.x, p.y) > 0.3 { return false }
        for s in features.sites where length(s.position - p) < s.radius + 20 { return false }
        for d in [Vec2(0, 0), Vec2(10, 0), Vec2(-10, 0), Vec2(0, 10), Vec2(0, -10)] {
            let q = p + d
            if let w = features.waterLevel(q.x, q.y), grid.height(q.x, q.y) < w + 1 { return false }
        }
        // Clearings only: the vegetation's woods mask (trees need more than 0.05 there).
        let forest = recipe.feature(.forest)
        let density = forest?.density ?? (forest == nil ? 0.12 : 0.55)
        return mask.fbm(p.x / 70, p.y / 70) + (density - 0.5) * 0.9 < 0
    }

    /// The middle of a herd `radius` across: the open meadow point nearest 45 m from `home`
    /// (far enough to leave the village, near enough to be seen), at least two herds' width
    /// from the herds already placed. Searched on a 6 m grid; `home` when nowhere is open.
    func meadow(radius: Float, near home: Vec2, avoiding others: [Vec2]) -> Vec2 {
        var best: (score: Float, p: Vec2)?
        let woods = Fractal(seed: recipe.seed ^ StableSeed.of("vegetation/woods"), octaves: 3)
        let step: Float = 6
        let inset = radius + 10
        var z = (region.minZ + inset).rounded(.down)
        while z < region.maxZ - inset {
            var x = (region.minX + inset).rounded(.down)
            while x < region.maxX - inset {
                let p = Vec2(x, z)
                let score = abs(length(p - home) - 45)
                if score < (best?.score ?? .infinity), others.allSatisfy({ length($0 - p) > 2 * radius + 12 }),
                   isOpenMeadow(p, woods: woods),
                   [Vec2(radius, 0), Vec2(-radius, 0), Vec2(0, radius), Vec2(0, -radius)].allSatisfy({ isOpenMeadow(p + $0, woods: woods) }) {
                    best = (score, p)
                }
                x += step
            }
            z += step
        }
        return best?.p ?? home
    }

    /// Whether a loop of `radius` round `centre` crosses no water, road or building.
    func loopIsClear(_ centre: Vec2, _ radius: Float) -> Bool {
        (0..<24).allSatisfy { i in
            let a = Float(i) / 24 * 2 * .pi
            let q = centre + Vec2(kcos(a), ksin(a)) * radius
            return region.owns(q.x, q.y) && canGrow(q, clearance: 2) && grid.slope(q.x, q.y) < 0.35
        }
    }

    /// The route of a walking animal: its rig moved round `centre` (counter-clockwise seen
    /// from above) at the walk's speed on the ground's height, turned along the way, with legs
    /// placed on that ground (`QuadrupedMotion` along the path, so the feet stay planted on
    /// the curve), all in the animation `<species>-route`. The loop is `routeLoops` walk
    /// loops long (4.1 m across for a sheep, 7.3 m for a horse), so it closes.
    /// Walk loops in a route: its keys are the walk's, repeated with the legs placed on the
    /// curve and the ground, so a route's size is its cost (19 joints × 50 keys a loop).
    static let routeLoops = 16

    func animalRoute(_ nodes: SceneAssembler.RigNodes, _ animal: Animal, centre: Vec2, start: Float, into a: inout SceneAssembler) {
        let species = animal.species
        let T = AnimalClip.walk.duration(species), v = AnimalClip.walk.rootSpeed(species)
        let loops = Self.routeLoops
        let radius = Float(loops) * v * T / (2 * .pi)
        let features = self.features
        let path = RootPath(at: { t in
            let angle = start + v * t / radius
            return (centre + Vec2(kcos(angle), ksin(angle)) * radius, katan2(-ksin(angle), kcos(angle)))
        }, ground: { features.height($0, $1) }).rememberingGround()
        let n = loops * CharacterKeys.gaitGrid
        let times = (0...n).map { Float($0) / Float(n) * Float(loops) * T }
        var poses = QuadrupedMotion(skeleton: animal.skeleton).poses(.walk, at: Array(times.dropLast()), path: path, loops: loops)
        poses.append(poses[0])
        var positions: [Float] = [], rotations: [Float] = []
        var previous = Quat.identity
        positions.reserveCapacity(times.count * 3)
        rotations.reserveCapacity(times.count * 4)
        for (i, t) in times.enumerated() {
            let (p, yaw) = path.at(i == n ? 0 : t)
            // Neighbouring keys on one hemisphere: the heading's angle wraps at ±π.
            var q = Orientation.yaw(yaw)
            if dot(q.vector, previous.vector) < 0 { q = Quat(-q.vector) }
            previous = q
            positions += [p.x, features.height(p.x, p.y), p.y]
            rotations += [q.x, q.y, q.z, q.w]
        }
        let name = "\(species.rawValue)-route"
        a.animate(name, node: nodes.rig, path: .translation, times: times, values: positions)
        a.animate(name, node: nodes.rig, path: .rotation, times: times, values: rotations)
        a.animate(poses, at: times, joints: nodes.joints, as: name)
        a.scene.nodes[nodes.rig].transform = .trs(translation: Vec3(positions[0], positions[1], positions[2]),
                                                   rotation: Quat(Vec4(rotations[0], rotations[1], rotations[2], rotations[3])), scale: .one)
    }
}
