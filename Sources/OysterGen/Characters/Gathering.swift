import OysterCore

/// People called together round a point ("the villagers gather at the well"): each of the
/// world's people the call names, within `Gathering.reach` of the point, walks from where its
/// routine has it when called, straight to a place on rings round the point, and stands
/// there facing it, talking. A pure function of the world's plan, the call and the clock, so
/// a replayed session gathers the same people the same way.
///
/// The walk is whole walk loops long at the walk's own speed (so the feet stay planted); it
/// ends within half a stride of the person's place, and the rings are spaced wider than that.
/// People on a structure's floor (guards on a castle wall) keep their posts: there is no way
/// down for them to walk.
public struct Gathering: Sendable {
    /// The person's node name in the world's tiles (the plan's name, unique in the world):
    /// its routine there stops when the call is made.
    public let name: String
    /// The walk over: the person keyed on the world's clock, standing as it was until the call,
    /// then turning and walking to its place, then turning to face the point. Drawn from the
    /// call until `standing` takes over (its animation is `settled` long, so it never loops
    /// while drawn).
    public let walking: Scene
    /// In its place facing the point, talking (a looping clip), from `settled` on.
    public let standing: Scene
    /// The world's clock second the walk ends and `standing` is drawn.
    public let settled: Float
    /// Where it stands at the end, and which way it faces (radians about +Y): where a later
    /// call finds it.
    public let end: Vec3
    public let facing: Float

    /// Metres from the point within which people answer a call.
    public static let reach: Float = 80
    /// Most people one call gathers (the nearest).
    public static let maxPeople = 24
    /// Metres between neighbours on a ring, and between rings.
    static let spacing: Float = 1.3
    /// Seconds spent turning on the spot before and after the walk.
    static let turn: Float = 0.6
}

/// Where one of the plan's people is at a moment, and which way it faces.
struct PersonPlace {
    var person: Inhabitants.Person
    var at: Vec3
    var yaw: Float
}

extension WorldMap {
    /// Where each of the plan's people `answers` accepts stands at `clock` (its routine's
    /// animation played as the tiles play it, looping), built as the tile owning it builds it.
    /// People on a structure's floor are left out.
    func peoplePlaces(at clock: Float, tileSize: Float, answers: (Inhabitants.Person) -> Bool) -> [PersonPlace] {
        let people = inhabitants.people.filter { person in
            if case .stand(_, _, _, let floor) = person.doing, floor != nil { return false }
            return answers(person)
        }
        // One builder per owning tile: the ground a tile builds its people on.
        var byTile: [SIMD2<Int32>: [Inhabitants.Person]] = [:]
        var tiles: [SIMD2<Int32>] = []
        for person in people {
            let a = person.doing.anchor
            let key = SIMD2(Int32((a.x / tileSize).rounded(.down)), Int32((a.y / tileSize).rounded(.down)))
            if byTile[key] == nil { tiles.append(key) }
            byTile[key, default: []].append(person)
        }
        var out: [PersonPlace] = []
        for key in tiles {
            let region = Region.tile(x: Int(key.x), z: Int(key.y), size: tileSize, spacing: Region.spacing(recipe.detail))
            let builder = RegionBuilder(map: self, region: region)
            for person in byTile[key] ?? [] {
                var plan = Inhabitants()
                plan.people = [person]
                var a = SceneAssembler()
                builder.inhabit(plan, owns: { _ in true }, into: &a)
                a.finishAnimations()
                let scene = a.scene
                guard let holder = scene.nodes.firstIndex(where: { $0.role == .character && $0.name == person.name }),
                      let rig = scene.nodes[holder].children.first else { continue }
                let pose = scene.pose(at: clock, animations: Array(scene.animations.indices), looping: true)
                let m = pose.worldMatrices[rig].m
                out.append(PersonPlace(person: person, at: Vec3(m[12], m[13], m[14]), yaw: katan2(m[8], m[10])))
            }
        }
        return out
    }
}

extension ChunkGenerator.Stream {
    /// The people of `roles` (nil: everyone) within `Gathering.reach` of `point` at the
    /// world's `clock` second, the nearest `Gathering.maxPeople`, each walking to its place
    /// round the point (`clearance` metres from it to the first ring: a well's or a fountain's
    /// edge) and standing there. `moved` gives people an earlier call already took away:
    /// they set out from the place it gave them. Empty when nobody answers.
    public func gather(_ roles: Set<CharacterRole>?, at point: Vec2, clearance: Float, clock: Float,
                       moved: [String: (at: Vec3, yaw: Float)] = [:]) -> [Gathering] {
        let reach = Inhabitants.reach(map) + Gathering.reach
        guard abs(point.x) < reach, abs(point.y) < reach, Inhabitants.live(in: map.recipe) else { return [] }
        var places = map.peoplePlaces(at: clock, tileSize: size) { roles?.contains($0.role) ?? true }
        for i in places.indices {
            if let m = moved[places[i].person.name] { places[i].at = m.at; places[i].yaw = m.yaw }
        }
        func flat(_ p: Vec3) -> Vec2 { Vec2(p.x, p.z) }
        places = places.filter { length(flat($0.at) - point) <= Gathering.reach }
        // Nearest first (ties by name, so the order is the plan's, whatever the tiles).
        places.sort { (length(flat($0.at) - point), $0.person.name) < (length(flat($1.at) - point), $1.person.name) }
        places = Array(places.prefix(Gathering.maxPeople))
        guard !places.isEmpty else { return [] }
        let lo = places.reduce(point) { pointwiseMin($0, flat($1.at)) } - Vec2(8, 8)
        let hi = places.reduce(point) { pointwiseMax($0, flat($1.at)) } + Vec2(8, 8)
        let ground = map.features(minX: lo.x, minZ: lo.y, maxX: hi.x, maxZ: hi.y)
        let obstacles = ground.sites.filter { $0.kind != .well && $0.kind != .townSquare }
        // Places on rings round the point, the first `clearance` out, each ring a spacing wider;
        // a place on a building's pad or in water is skipped.
        var free: [(at: Vec2, ring: Int)] = []
        var ring = 0
        while free.count < places.count * 2 + 8, ring < 12 {
            let r = max(clearance, 0.8) + Gathering.spacing * Float(ring)
            let count = max(6, Int((2 * .pi * r / Gathering.spacing).rounded(.down)))
            for k in 0..<count {
                let angle = (Float(k) + (ring % 2 == 0 ? 0 : 0.5)) / Float(count) * 2 * .pi
                let p = point + Vec2(kcos(angle), ksin(angle)) * r
                guard ground.waterLevel(p.x, p.y) == nil, obstacles.allSatisfy({ length(p - $0.position) > $0.radius * 0.8 }) else { continue }
                free.append((p, ring))
            }
            ring += 1
        }
        var out: [Gathering] = []
        for place in places {
            let from = flat(place.at)
            // The innermost ring with room, at its free place nearest the side it comes from.
            guard let inner = free.map(\.ring).min() else { break }
            let k = free.indices.filter { free[$0].ring == inner }.min { (length(free[$0].at - from), $0) < (length(free[$1].at - from), $1) }!
            let spot = free.remove(at: k).at
            out.append(gathering(place, to: spot, facing: point, clock: clock, ground: ground))
        }
        return out
    }

    /// One person's walk from `place` towards `spot` and its stand there facing `centre`.
    private func gathering(_ place: PersonPlace, to spot: Vec2, facing centre: Vec2, clock: Float, ground: LocalFeatures) -> Gathering {
        let recipe = map.recipe
        let person = place.person
        let character = Characters.make(person.role, index: person.index, recipe: recipe)
        let walk = CharacterClip.walk, idle = CharacterClip.idle
        let stride = walk.rootSpeed * walk.duration
        let from = Vec2(place.at.x, place.at.z)
        let offset = spot - from
        // Whole loops, the nearest number: it ends within half a stride of its place.
        let loops = Int((length(offset) / stride).rounded())
        let direction = length(offset) > 1e-3 ? offset / length(offset) : Vec2(ksin(place.yaw), kcos(place.yaw))
        let heading = katan2(direction.x, direction.y)
        let end = from + direction * (Float(loops) * stride)
        let toCentre = centre - end
        let facing = length(toCentre) > 1e-3 ? katan2(toCentre.x, toCentre.y) : heading
        let turn = Gathering.turn
        let setOff = clock + turn, arrive = setOff + Float(loops) * walk.duration, settled = arrive + turn
        func height(_ p: Vec2) -> Float { ground.height(p.x, p.y) }
        /// Where the rig is at world second `t`, and its heading.
        func rig(at t: Float) -> (Vec3, Float) {
            if t <= clock { return (place.at, place.yaw) }
            if t < setOff { return (place.at, Self.turning(place.yaw, heading, (t - clock) / turn)) }
            if t <= arrive {
                let p = from + direction * (walk.rootSpeed * (t - setOff))
                return (Vec3(p.x, height(p), p.y), heading)
            }
            return (Vec3(end.x, height(end), end.y), Self.turning(heading, facing, min(1, (t - arrive) / turn)))
        }
        let label = person.name
        var a = SceneAssembler()
        let group = a.group(.characters)
        let nodes = a.addCharacter(character, name: label, translation: .zero, yaw: 0, under: group, clips: [])
        // The rig's keys: held until the call, a turn, one key per walk key, a turn.
        let keysPerLoop = CharacterKeys.intervals(walk)
        var times: [Float] = [0, clock]
        for k in 1...4 { times.append(clock + turn * Float(k) / 4) }
        if loops > 0 { for i in 1...(loops * keysPerLoop) { times.append(setOff + Float(i) / Float(keysPerLoop) * walk.duration) } }
        for k in 1...4 { times.append(arrive + turn * Float(k) / 4) }
        if clock <= 0 { times.removeFirst() }
        var positions: [Float] = [], rotations: [Float] = []
        var previous = Quat.identity
        for t in times {
            let (p, yaw) = rig(at: t)
            var q = Orientation.yaw(yaw)
            if dot(q.vector, previous.vector) < 0 { q = Quat(-q.vector) }
            previous = q
            positions += [p.x, p.y, p.z]
            rotations += [q.x, q.y, q.z, q.w]
        }
        a.animate("gather", node: nodes.rig, path: .translation, times: times, values: positions)
        a.animate("gather", node: nodes.rig, path: .rotation, times: times, values: rotations)
        // The body: the walk's loops under the walk (its first pose held while turning to
        // set off), then idle while turning to face the point; one idle loop when it is
        // already in its place.
        let skeleton = character.skeleton
        let segments: [(clip: CharacterClip, start: Float, loops: Int)] = loops > 0
            ? [(walk, setOff, loops), (idle, arrive + CharacterStroll.blend, 1)] : [(idle, clock, 1)]
        a.animate(character, segments: segments, joints: nodes.joints,
                  closingAt: max(settled, arrive + CharacterStroll.blend + idle.duration) + 0.01, as: "gather") { t, pose in
            let (p, yaw) = rig(at: t)
            pose.ground(on: { ground.height($0, $1) }, rig: p, yaw: yaw, skeleton: skeleton)
        }
        a.scene.nodes[nodes.rig].transform = .trs(translation: place.at, rotation: Orientation.yaw(place.yaw), scale: .one)
        let walking = finished(&a)

        var b = SceneAssembler()
        let standingGroup = b.group(.characters)
        b.addCharacter(character, name: label, translation: Vec3(end.x, height(end), end.y), yaw: facing, under: standingGroup, clips: [.talk])
        let stand = Vec3(end.x, height(end), end.y)
        return Gathering(name: label, walking: walking, standing: finished(&b), settled: settled, end: stand, facing: facing)
    }

    /// The yaw `f` of the way from `a` to `b`, the short way round.
    private static func turning(_ a: Float, _ b: Float, _ f: Float) -> Float {
        var d = (b - a).truncatingRemainder(dividingBy: 2 * .pi)
        if d > .pi { d -= 2 * .pi } else if d < -.pi { d += 2 * .pi }
        return a + d * max(0, min(1, f))
    }

    private func finished(_ a: inout SceneAssembler) -> Scene {
        a.finishMaterials([], recipe: map.recipe)
        ChunkGenerator.shareTextures(&a, recipe: map.recipe)
        return a.finish(recipe: map.recipe, extras: .object([LightUnits.extrasKey: .string(Lighting.units.rawValue)]))
    }
}

extension ChunkGenerator.Stream {
    /// The nearest place of the kind `name` (`DirectGathering.placeName`: "well", "square",
    /// "castle") within `within` metres of `near`: the point a gathering stands round. Nil
    /// when there is none that near.
    public func landmark(_ name: String, near: Vec2, within: Float) -> Vec2? {
        let features = map.features(minX: near.x - within, minZ: near.y - within, maxX: near.x + within, maxZ: near.y + within)
        return features.sites.filter { $0.kind.name == name }.map(Self.gatheringPlace)
            .filter { length($0.point - near) <= within }
            .min { (length($0.point - near), $0.point.x, $0.point.y) < (length($1.point - near), $1.point.x, $1.point.y) }?.point
    }

    /// How far from `point` a gathering's first ring stands: clear of the well, the fountain
    /// or the building there (a landmark's point), else a metre.
    public func gatheringClearance(round point: Vec2) -> Float {
        let features = map.features(minX: point.x - 1, minZ: point.y - 1, maxX: point.x + 1, maxZ: point.y + 1)
        return features.sites.map(Self.gatheringPlace).first { length($0.point - point) < 0.05 }?.clearance ?? 1
    }

    /// Where people gather at a site, and how far out: round a well, round a town square's
    /// fountain, or round a building (outside its pad).
    private static func gatheringPlace(_ site: Site) -> (point: Vec2, clearance: Float) {
        if site.kind == .well { return (site.position, 2.3) }
        if site.kind == .townSquare, let lot = site.lot {
            let across = Vec2(-lot.axis.y, lot.axis.x)
            return (site.position + lot.axis * lot.fountain.x + across * lot.fountain.y, 3.4)
        }
        return (site.position, site.radius * 0.8 + 0.6)
    }
}
