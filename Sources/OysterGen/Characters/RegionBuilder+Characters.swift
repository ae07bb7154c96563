import OysterCore

// MARK: - People in a world

extension RegionBuilder {
    /// Where the recipe's people go (see `Inhabitants`): standing on a ring round the home
    /// village's well (or the home hub) facing the square, clear of its props and of
    /// buildings; guards and knights farther out, facing away; up to
    /// `CharacterRoute.maxWalkers` villagers walking a loop round the well. Each plays the
    /// clip of its activity (`idle`, `talk`, `work`; `route` for the walkers).
    func peoplePlan() -> [Inhabitants.Person] {
        let groups = recipe.placedPeople
        guard !groups.isEmpty else { return [] }
        let well = features.sites.first { $0.kind == .well && $0.isHome }
        let square = townSquare.flatMap { $0.site.isHome ? $0 : nil }
        // A town's people gather round its fountain, on the square; a village's round its well.
        let items = square.map { townSquareItems($0.site, $0.lot) } ?? []
        let centre = items.first { $0.label == "Fountain" }?.at ?? well?.position ?? map.home.hub ?? Vec2(0, 0)
        // Obstacles: the square's props and every building's footprint (a town square's own
        // pad is where they stand: only its church and props are in the way).
        var props: [(Vec2, Float)] = items.map { ($0.at, $0.clearance) }
        var stalls = items.filter { $0.label == "MarketStall" }.map { (at: $0.at, yaw: $0.yaw) }
        if let well {
            let square = KitCatalog.villageProps(seed: recipe.seed ^ well.id).map { (label: $0.1, at: well.position + $0.2, yaw: $0.3) }
            props += square.map { ($0.at, $0.label == "Well" ? 1.6 : 1.0) }
            stalls += square.filter { $0.label == "MarketStall" }.map { (at: $0.at, yaw: $0.yaw) }
        }
        var posts = personPosts(centre: centre, stalls: stalls)
        let obstacles = features.sites.filter { $0.kind != .well && $0.kind != .townSquare }.map { ($0.position, $0.radius + 1) } + props
        /// On a town square: within its paving, a metre in from its edges (the rows and streets
        /// are beyond).
        func onSquare(_ p: Vec2) -> Bool {
            guard let (site, lot) = square else { return true }
            let d = p - site.position
            return abs(dot(d, lot.axis)) < lot.half.x - 1 && abs(dot(d, Vec2(-lot.axis.y, lot.axis.x))) < lot.half.y - 1
        }
        func free(_ p: Vec2) -> Bool { onSquare(p) && obstacles.allSatisfy { length(p - $0.0) > $0.1 } && features.waterLevel(p.x, p.y) == nil }
        // Roads out of the square, for villagers who walk them (each way along the road
        // nearest the well, where that way runs on far enough over dry ground).
        var roadWays: [[Vec2]] = []
        func away(_ road: Polyline) -> Float { road.distance(to: centre) }
        // On a road between houses: a site's radius bounds its building's corners, and houses
        // stand about that far from the road, so a walker keeps 80 % of it (and clear of
        // the square's props).
        func open(_ p: Vec2) -> Bool {
            features.sites.allSatisfy { $0.kind == .well || length(p - $0.position) > $0.radius * 0.8 } && props.allSatisfy { length(p - $0.0) > $0.1 }
        }
        func dry(_ p: Vec2) -> Bool {
            let riverDistance: Float = grid.river[grid.nearest(p.x, p.y)]
            return features.waterLevel(p.x, p.y) == nil && riverDistance > LocalFeatures.riverHalfWidth * 2
        }
        // Every road that starts in or passes the square, each way from 4 m out (clear of the
        // well), as far as it runs over dry, open ground (a road may run on under a house
        // that was set on it); the longest roads first. The strollers walk as many loops as
        // the shortest of their ways allows, so their stroll has one length.
        for road in features.roads.filter({ away($0) < 30 }).sorted(by: { ($0.points.count, $0.id) > ($1.points.count, $1.id) }) {
            for sign in [1, -1] {
                guard let way = CharacterStroll.stretch(of: road, from: centre, sign: sign, skip: 4) else { continue }
                let clear = Array(way.prefix { dry($0) && open($0) })
                if CharacterStroll.loops(in: clear) >= CharacterStroll.minLoops { roadWays.append(clear) }
            }
        }
        roadWays = Array(roadWays.prefix(CharacterStroll.maxStrollers))
        let strollLoops = roadWays.map(CharacterStroll.loops(in:)).min() ?? 0
        var counts: [CharacterRole: Int] = [:]
        var walkers = 0, standing = 0, strollers = 0
        var taken: [Vec2] = []
        var plan: [Inhabitants.Person] = []
        for g in groups {
            for _ in 0..<g.count {
                let k = counts[g.role, default: 0]
                counts[g.role] = k + 1
                var activity = g.role.activity(k)
                // Walkers take turns: round the well, then out along a road, while each has
                // room; then stand. (A town's fountain is too wide for the loop's 2.8 m: its
                // walkers take the streets.)
                if case .route = activity {
                    let loopFree = walkers < (square == nil ? CharacterRoute.maxWalkers : 0)
                    let roadFree = strollers < min(CharacterStroll.maxStrollers, roadWays.count)
                    if roadFree, !loopFree || walkers > strollers {
                        plan.append(.init(role: g.role, index: k, doing: .stroll(CharacterStroll(path: roadWays[strollers], loops: strollLoops))))
                        strollers += 1
                        continue
                    }
                    if !loopFree { activity = .stand(.idle) }
                }
                if case .stand(let clip) = activity, let post = posts.take(g.role, clip: clip) {
                    taken.append(post.at)
                    plan.append(.init(role: g.role, index: k, doing: .stand(at: post.at, yaw: post.yaw, clip: clip, floor: post.floor)))
                    continue
                }
                switch activity {
                case .route:
                    let start = Float(walkers) / Float(CharacterRoute.maxWalkers) * 2 * .pi
                    walkers += 1
                    plan.append(.init(role: g.role, index: k, doing: .loop(centre: centre, start: start)))
                case .stand(let clip):
                    let guarding = g.role == .guard || g.role == .knight
                    // Spiral outwards by the golden angle until a free spot turns up.
                    var spot = centre
                    for attempt in 0..<64 {
                        let i = Float(standing * 7 + attempt)
                        let angle = i * 2.39996
                        let r = (guarding ? 10 : 4.6) + 0.35 * Float(attempt) + (guarding ? 0 : 2.5 * (i * 0.618).truncatingRemainder(dividingBy: 1))
                        let p = centre + Vec2(kcos(angle), ksin(angle)) * r
                        if free(p) && taken.allSatisfy({ length($0 - p) > 1.1 }) { spot = p; break }
                    }
                    standing += 1
                    taken.append(spot)
                    let toCentre = centre - spot
                    let yaw = guarding ? katan2(-toCentre.x, -toCentre.y) : katan2(toCentre.x, toCentre.y)
                    plan.append(.init(role: g.role, index: k, doing: .stand(at: spot, yaw: yaw, clip: clip)))
                }
            }
        }
        return plan
    }

    /// The route of one walker: its rig moved round `centre` at the walk's root speed, turned
    /// along the way, on the ground's height; and the walk clip's keys repeated for the loop,
    /// all in the animation `route`.
    func routeAnimation(_ nodes: SceneAssembler.CharacterNodes, _ character: Character, centre: Vec2, start: Float,
                        into a: inout SceneAssembler) {
        let keys = CharacterRoute.strides * 8
        let duration = CharacterRoute.duration, radius = CharacterRoute.radius
        var times: [Float] = [], positions: [Float] = [], rotations: [Float] = []
        for i in 0...keys {
            let t = Float(i) / Float(keys) * duration
            let angle = start + 2 * .pi * Float(i) / Float(keys)
            let p = centre + Vec2(kcos(angle), ksin(angle)) * radius
            // Counter-clockwise seen from above (+Y): moving along (−sin, cos) in (x, z).
            let q = Orientation.yaw(katan2(-ksin(angle), kcos(angle)))
            times.append(t)
            positions += [p.x, features.height(p.x, p.y), p.y]
            rotations += [q.x, q.y, q.z, q.w]
        }
        a.animate("route", node: nodes.rig, path: .translation, times: times, values: positions)
        a.animate("route", node: nodes.rig, path: .rotation, times: times, values: rotations)
        a.animate(character, .walk, joints: nodes.joints, as: "route", loops: CharacterRoute.strides)
        a.scene.nodes[nodes.rig].transform = .trs(translation: Vec3(positions[0], positions[1], positions[2]),
                                                   rotation: Quat(Vec4(rotations[0], rotations[1], rotations[2], rotations[3])), scale: .one)
    }
}
