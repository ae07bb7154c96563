import OysterCore

/// An interior scene: a dungeon of rooms and corridors with props, lit by torches.
struct InteriorWorld {
    let recipe: Recipe
    var cameraPose: (Vec3, Vec3)?

    init(recipe: Recipe) { self.recipe = recipe }

    mutating func build(into a: inout SceneAssembler, kits: inout KitPlacement) {
        let rooms = max(1, min(recipe.feature(.dungeon)?.count ?? 12, 64))
        let kit = KitCatalog.dungeon(rooms: rooms, seed: recipe.seed, recipe: recipe)
        kits.place(kit.model, key: "Dungeon", name: "Dungeon", group: "Interior", translation: .zero, yaw: 0, into: &a)
        cameraPose = (kit.cameraEye, kit.cameraTarget)
        furnish(kit.rooms, into: &a, kits: &kits)
    }

    /// Per room: fallen rubble in a corner, barrels and crates along a wall, and treasure in a few.
    mutating func furnish(_ rooms: [(min: Vec2, size: Vec2)], into a: inout SceneAssembler, kits: inout KitPlacement) {
        var rng = PCG32(seed: recipe.seed, stream: 0xF0_12)
        let treasure = max(recipe.has(.treasure) ? 1 : 0, min(recipe.feature(.treasure)?.count ?? 2, rooms.count))
        let ancient = recipe.moods.contains(.ancient) || recipe.moods.contains(.ruined)
        var counters: [String: Int] = [:]
        func put(_ kit: KitModel, _ label: String, _ key: String, _ p: Vec2, _ yaw: Float) {
            let n = counters[label, default: 0] + 1
            counters[label] = n
            kits.place(kit, key: key, name: "\(label)_\(String(format2: n))", group: "Interior/Props", translation: Vec3(p.x, 0, p.y), yaw: yaw, into: &a)
        }
        for (i, room) in rooms.enumerated() {
            let inset: Float = 1.1
            let lo = room.min + Vec2(inset, inset), hi = room.min + room.size - Vec2(inset, inset)
            guard hi.x > lo.x, hi.y > lo.y else { continue }
            // Rubble heap in one corner.
            var rubble = KitModel(name: "Rubble")
            rubble.add("Stones", Rocks.rubble(count: ancient ? 48 : 36, radius: 0.9, stoneSize: 0.3, kind: .dungeonWall, seed: recipe.seed ^ UInt64(i % 4)))
            put(rubble, "Rubble", "rubble/\(i % 4)", Vec2(lo.x, lo.y), 0)
            put(rubble, "Rubble", "rubble/\(i % 4)", Vec2(hi.x, lo.y), 1.7)
            if i % 3 == 1 {
                put(Props.table(seed: recipe.seed ^ UInt64(i)), "Table", "table/\(i % 2)", (lo + hi) * 0.5 - Vec2(0.6, 0.6), rng.nextFloat() * 3)
            }
            // Barrels and crates along the far wall.
            for k in 0..<rng.nextInt(in: 2...4) {
                let t = Float(k + 1) / 5
                let p = Vec2(lo.x + (hi.x - lo.x) * t, hi.y)
                if rng.chance(0.5) {
                    put(Props.barrel(seed: UInt64(k % 2)), "Barrel", "barrel/\(k % 2)", p, rng.nextFloat() * 6.28)
                } else {
                    put(Props.crate(seed: UInt64(k % 2)), "Crate", "crate/\(k % 2)", p, rng.nextFloat() * 0.5)
                }
            }
            if i < treasure {
                put(Props.treasurePile(radius: 0.7, seed: recipe.seed ^ UInt64(i)), "Treasure", "treasure/\(i)", (lo + hi) * 0.5 + Vec2(0.8, 0.8), 0)
            }
        }
    }
}
