import OysterCore

extension Dungeon {
    /// A good first-person establishing view: standing just inside one short wall of the
    /// largest room (the one with the treasure), eye at 1.75 m, looking down the room's long
    /// axis under the vault, half a metre off the centre line so the tombs or the treasure in
    /// the middle are not dead ahead. Same model space as `build` (grid centre at the origin).
    public static func viewpoint(_ L: DungeonLayout, params: DungeonParams) -> (eye: Vec3, target: Vec3) {
        let s = kitClamp(params.cellSize, 1, 8, fallback: 2)
        guard let r = L.rooms.max(by: { $0.width * $0.depth < $1.width * $1.depth }) else {
            return (Vec3(0, 1.7, 0), Vec3(0, 1.0, -5))
        }
        let ox = -Float(L.width) * s / 2, oz = -Float(L.depth) * s / 2
        let x0 = ox + Float(r.x) * s, x1 = ox + Float(r.x + r.width) * s
        let z0 = oz + Float(r.z) * s, z1 = oz + Float(r.z + r.depth) * s
        let mx = (x0 + x1) / 2, mz = (z0 + z1) / 2
        let back = min(0.8, s * 0.4), side = min(0.5, s * 0.25)
        if r.width >= r.depth {  // along the vault's axis
            return (Vec3(x1 - back, 1.75, mz + side), Vec3(x0 + s, 1.6, mz - side * 0.4))
        }
        return (Vec3(mx + side, 1.75, z1 - back), Vec3(mx - side * 0.4, 1.6, z0 + s))
    }

    /// `build` plus its `viewpoint`.
    public static func buildWithViewpoint(_ params: DungeonParams, seed: UInt64) -> (model: KitModel, eye: Vec3, target: Vec3) {
        let L = DungeonLayout.generate(params, seed: seed)
        let v = viewpoint(L, params: params)
        return (build(L, params: params, seed: seed), v.eye, v.target)
    }
}
