import OysterCore

/// An interior scene: a dungeon of rooms and corridors with props, lit by torches.
struct InteriorWorld {
    let recipe: Recipe
    var cameraPose: (Vec3, Vec3)?

    init(recipe: Recipe) { self.recipe = recipe }

    mutating func build(into a: inout SceneAssembler, kits: inout KitPlacement) {
        let rooms = max(1, min(recipe.feature(.dungeon)?.count ?? 12, 64))
        let params = Self.params(recipe, rooms: rooms)
        let layout = DungeonLayout.generate(params, seed: recipe.seed)
        let model = Dungeon.build(layout, params: params, seed: recipe.seed)
        kits.place(model, key: "Dungeon", name: "Dungeon", group: .interior, translation: .zero, yaw: 0, into: &a)
        cameraPose = Dungeon.viewpoint(layout, params: params)
        let s = params.cellSize
        let ox = -Float(layout.width) * s / 2, oz = -Float(layout.depth) * s / 2
        let rects = layout.rooms.map { r in
            (Vec2(ox + Float(r.x) * s, oz + Float(r.z) * s), Vec2(Float(r.width) * s, Float(r.depth) * s))
        }
        furnish(rects, style: params.style, keepClear: cameraPose.map { Vec2($0.0.x, $0.0.z) }, into: &a, kits: &kits)
        people(rects, keepClear: cameraPose.map { Vec2($0.0.x, $0.0.z) }, into: &a)
    }

    /// Dungeon parameters from the recipe: detail level, crypt or dungeon, clutter.
    static func params(_ recipe: Recipe, rooms: Int) -> DungeonParams {
        let clutter: Float = recipe.moods.contains(.barren) ? 0.2 : 0.7
        let detail: Float = recipe.detail == .low ? 0.6 : recipe.detail == .high ? 1.6 : 1
        return DungeonParams(rooms: rooms, cellSize: 2, wallHeight: 3.6, roomSize: 3...6, loops: max(1, rooms / 4), clutter: clutter,
                             detail: detail, style: recipe.has(.crypt) ? .crypt : .dungeon)
    }

    /// Per room: fallen rubble in a corner, barrels and crates along a wall, and treasure in a few.
    /// Nothing is put within 2.2 m (a tomb within 3.2 m) of `keepClear`, where the camera stands.
    mutating func furnish(_ rooms: [(min: Vec2, size: Vec2)], style: DungeonStyle = .dungeon, keepClear: Vec2? = nil,
                          into a: inout SceneAssembler, kits: inout KitPlacement) {
        var rng = PCG32(seed: recipe.seed, stream: 0xF0_12)
        let treasure = max(recipe.has(.treasure) ? 1 : 0, min(recipe.feature(.treasure)?.count ?? 2, rooms.count))
        let ancient = recipe.moods.contains(.ancient) || recipe.moods.contains(.ruined)
        var counters: [String: Int] = [:]
        func put(_ kit: KitModel, _ label: String, _ key: String, _ p: Vec2, _ yaw: Float) {
            if let c = keepClear, length(p - c) < (label == "Sarcophagus" ? 3.2 : 2.2) { return }
            let n = counters[label, default: 0] + 1
            counters[label] = n
            kits.place(kit, key: key, name: "\(label)_\(String(format2: n))", group: .interiorProps, translation: Vec3(p.x, 0, p.y), yaw: yaw, into: &a)
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
            if style == .crypt { tombs(room, index: i, treasureHere: i < treasure, put: put) }
            if i < treasure {
                put(Props.treasurePile(radius: 0.7, seed: recipe.seed ^ UInt64(i)), "Treasure", "treasure/\(i)", (lo + hi) * 0.5 + Vec2(0.8, 0.8), 0)
            }
        }
    }

    /// Crypt rooms: sarcophagi in a row down the middle, across the room, each flanked by a
    /// candelabrum; the middle is left free where treasure lies.
    func tombs(_ room: (min: Vec2, size: Vec2), index i: Int, treasureHere: Bool,
               put: (KitModel, String, String, Vec2, Float) -> Void) {
        let alongX = room.size.x >= room.size.y
        let length = alongX ? room.size.x : room.size.y
        let mid = room.min + room.size * 0.5
        let count = max(1, min(4, Int((length - 2.4) / 2.6)))
        for k in 0..<count {
            var off = (Float(k) - Float(count - 1) / 2) * 2.6
            if treasureHere, count % 2 == 1, k == count / 2 { off = -(length / 2 - 1.6) }  // far from the camera's end
            let p = alongX ? Vec2(mid.x + off, mid.y) : Vec2(mid.x, mid.y + off)
            // The tomb's long axis (its X) runs across the room.
            let yaw: Float = alongX ? Float.pi / 2 : 0
            put(Props.sarcophagus(seed: recipe.seed ^ UInt64(k % 3), detail: 14), "Sarcophagus", "sarcophagus/\(k % 3)", p, yaw)
            let side = alongX ? Vec2(0.75, 1.5) : Vec2(1.5, 0.75)
            if (k + i) % 2 == 0 {
                put(Props.candelabrum(seed: recipe.seed), "Candelabrum", "candelabrum", p + side, 0)
            }
        }
    }
}
