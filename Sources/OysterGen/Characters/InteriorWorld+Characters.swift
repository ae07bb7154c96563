import OysterCore

extension InteriorWorld {
    /// Places the recipe's characters in the dungeon: one to a room, round the rooms in turn
    /// (the camera's room last), each in the middle of its room a little off-centre, on the
    /// floor (y = 0), facing the room's door side, playing the clip of its role's activity
    /// (a route becomes `idle`: corridors are not walked yet).
    func people(_ rooms: [(min: Vec2, size: Vec2)], keepClear: Vec2?, into a: inout SceneAssembler) {
        let groups = recipe.placedPeople
        guard !groups.isEmpty, !rooms.isEmpty else { return }
        // The camera's room goes last, so the first characters stand where the camera looks.
        let order = rooms.indices.sorted { i, j in
            func holdsCamera(_ k: Int) -> Bool {
                guard let c = keepClear else { return false }
                let r = rooms[k]
                return c.x >= r.min.x && c.x <= r.min.x + r.size.x && c.y >= r.min.y && c.y <= r.min.y + r.size.y
            }
            return (holdsCamera(i) ? 1 : 0, i) < (holdsCamera(j) ? 1 : 0, j)
        }
        let group = a.group(.characters)
        var counts: [CharacterRole: Int] = [:]
        var placed = 0
        for g in groups {
            for _ in 0..<g.count {
                let k = counts[g.role, default: 0]
                counts[g.role] = k + 1
                let room = rooms[order[placed % order.count]]
                let lap = placed / order.count
                placed += 1
                // Several to a room stand on a small ring round its middle.
                let angle = Float(lap) * 2.39996
                let middle = room.min + room.size * 0.5
                let p = middle + Vec2(kcos(angle), ksin(angle)) * (lap == 0 ? 0.4 : min(1.2, 0.5 + 0.25 * Float(lap)))
                let clip: CharacterClip
                if case .stand(let c) = g.role.activity(k) { clip = c } else { clip = .idle }
                a.addCharacter(Characters.make(g.role, index: k, recipe: recipe), name: "\(g.role.displayName)_\(String(format2: k + 1))",
                               translation: Vec3(p.x, 0, p.y), yaw: angle, under: group, clips: [clip])
            }
        }
    }
}
