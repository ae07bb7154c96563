import OysterCore

/// A place the world gives a person of some role: where they stand, which way they face, and
/// the floor under them when it is not the ground (a castle's wall walk).
struct PersonPost: Sendable {
    var at: Vec2
    var yaw: Float
    var floor: Float?
}

/// The home region's posts, by what they are for, each list in the order people take them.
/// A person whose role has no post left stands on the ring round the well or fountain.
struct PersonPosts: Sendable {
    /// Before a house's door, facing out (villagers standing idle).
    var doorsteps: [PersonPost] = []
    /// In a market stall behind its counter, facing its customers (merchants).
    var stalls: [PersonPost] = []
    /// In the furrows of the home fields, two to a field, nearest field first (farmers at work).
    var fields: [PersonPost] = []
    /// Beside the windmill (farmers at work, once the fields are taken).
    var farm: [PersonPost] = []
    /// Outside a walled town's gates, one to each gate in turn, then a second (guards).
    var townGates: [PersonPost] = []
    /// On the castle's wall walk, looking out (guards the town's gates had no room for).
    var walls: [PersonPost] = []
    /// Outside the castle's gate, either side of it (knights, then guards the walls had no
    /// room for).
    var castleGate: [PersonPost] = []

    /// Takes the next post for a person of `role` standing with `clip`, if there is one.
    mutating func take(_ role: CharacterRole, clip: CharacterClip) -> PersonPost? {
        func next(_ list: inout [PersonPost]) -> PersonPost? { list.isEmpty ? nil : list.removeFirst() }
        switch role {
        case .villager: return clip == .idle ? next(&doorsteps) : nil
        case .merchant: return next(&stalls)
        case .farmer: return next(&fields) ?? next(&farm)
        case .guard: return next(&townGates) ?? next(&walls) ?? next(&castleGate)
        case .knight: return next(&castleGate)
        case .monk, .adventurer, .skeleton: return nil
        }
    }
}

extension RegionBuilder {
    /// The posts round home: the doorsteps of the village's houses nearest `centre` first, the
    /// market stalls of the square (`stalls`: where each stands and its turn), the home
    /// windmill, a walled town's gates, the home castle's wall walk and gate. Each post on the
    /// ground is on dry land.
    func personPosts(centre: Vec2, stalls: [(at: Vec2, yaw: Float)]) -> PersonPosts {
        var posts = PersonPosts()
        func dry(_ p: Vec2) -> Bool { features.waterLevel(p.x, p.y) == nil }
        let home = features.sites.filter(\.isHome)
        // A house's door is in its front wall (local +Z, turned by the site's yaw towards the
        // square): the doorstep is a step out from it.
        for house in home.filter({ $0.kind == .house }).sorted(by: { length($0.position - centre) < length($1.position - centre) }) {
            let seed = recipe.seed ^ house.id
            let door = Mat4.place(Vec3(house.position.x, 0, house.position.y), yaw: house.yaw)
                .transformPoint(Buildings.houseDoor(HouseParams.random(seed: seed), seed: seed) + Vec3(0, 0, 1.1))
            let at = Vec2(door.x, door.z)
            if dry(at) { posts.doorsteps.append(PersonPost(at: at, yaw: house.yaw)) }
        }
        // In each stall behind its counter (`Props.marketStall`: the counter along its front,
        // local +Z), facing the customers.
        for stall in stalls {
            let at = stall.at - Vec2(ksin(stall.yaw), kcos(stall.yaw)) * 0.2
            if dry(at) { posts.stalls.append(PersonPost(at: at, yaw: stall.yaw)) }
        }
        // In each field's furrows, turned along the rows (`Buildings.fieldWorkSpots`).
        for field in home.filter({ $0.kind == .field }).sorted(by: { length($0.position - centre) < length($1.position - centre) }) {
            let place = Mat4.place(Vec3(field.position.x, 0, field.position.y), yaw: field.yaw)
            for spot in Buildings.fieldWorkSpots(seed: recipe.seed ^ field.id) {
                let p = place.transformPoint(Vec3(spot.at.x, 0, spot.at.y))
                let at = Vec2(p.x, p.z)
                if dry(at) { posts.fields.append(PersonPost(at: at, yaw: field.yaw + spot.yaw)) }
            }
        }
        // Round the windmill on the side facing the village, working towards it.
        if let mill = home.first(where: { $0.kind == .windmill }) {
            let towards = normalize2(centre - mill.position)
            for turn in [Float(0), 0.5, -0.5, 1, -1] {
                let d = Vec2(towards.x * kcos(turn) - towards.y * ksin(turn), towards.x * ksin(turn) + towards.y * kcos(turn))
                let at = mill.position + d * (mill.radius + 1.5)
                if dry(at), grid.slope(at.x, at.y) < 0.4 { posts.farm.append(PersonPost(at: at, yaw: katan2(-d.x, -d.y))) }
            }
        }
        // Outside each gate of a walled town's wall (`Buildings.castleWall`: the opening in
        // the middle, the outside towards local +Z), either side of the way through, looking
        // out: every gate's left side first, then every right.
        let gates = home.filter { $0.kind == .townWall && $0.lot?.gate == true }
        for side in [Float(-1), 1] {
            for gate in gates {
                let p = Mat4.place(Vec3(gate.position.x, 0, gate.position.y), yaw: gate.yaw).transformPoint(Vec3(side * 2.6, 0, 2.6))
                let at = Vec2(p.x, p.z)
                if dry(at) { posts.townGates.append(PersonPost(at: at, yaw: gate.yaw)) }
            }
        }
        if let castle = home.first(where: { $0.kind == .castle }) { castlePosts(castle, into: &posts) }
        return posts
    }

    /// Guards on the wall walk of `castle` (`KitCatalog.castle`): above the gate's two sides,
    /// then the middle of the back, right and left walls, each looking out; and two posts a
    /// few metres outside the gate, either side of the way in, facing out.
    func castlePosts(_ castle: Site, into posts: inout PersonPosts) {
        let base = Vec3(castle.position.x, features.height(castle.position.x, castle.position.y) - 0.05, castle.position.y)
        let place = Mat4.place(base, yaw: castle.yaw)
        // The walk runs between the parapets, a little in from the wall's middle.
        let walk: Float = -0.05
        let sides = KitCatalog.castleSides
        for (side, x) in [(0, Float(-4)), (0, 4), (2, 0), (1, 0), (3, 0)] {
            let local = Mat4.place(sides[side].centre, yaw: sides[side].yaw).transformPoint(Vec3(x, KitCatalog.castleWallHeight, walk))
            let p = place.transformPoint(local)
            posts.walls.append(PersonPost(at: Vec2(p.x, p.z), yaw: castle.yaw + sides[side].yaw, floor: p.y))
        }
        for x in [Float(-2.6), 2.6] {
            let p = place.transformPoint(Vec3(x, 0, KitCatalog.castleHalf + KitCatalog.castleWallThickness / 2 + 2))
            let at = Vec2(p.x, p.z)
            if features.waterLevel(at.x, at.y) == nil { posts.castleGate.append(PersonPost(at: at, yaw: castle.yaw)) }
        }
    }
}
