import OysterCore

extension Dungeon {
    /// A good first-person establishing view: standing just inside the largest room (the one
    /// with the treasure) at the middle of its south wall, eye at 1.7 m, looking across the
    /// room. Same model space as `build` (grid centre at the origin).
    public static func viewpoint(_ L: DungeonLayout, params: DungeonParams) -> (eye: Vec3, target: Vec3) {
        let s = kitClamp(params.cellSize, 1, 8, fallback: 2)
        guard let r = L.rooms.max(by: { $0.width * $0.depth < $1.width * $1.depth }) else {
            return (Vec3(0, 1.7, 0), Vec3(0, 1.0, -5))
        }
        let ox = -Float(L.width) * s / 2, oz = -Float(L.depth) * s / 2
        let cx = ox + (Float(r.x) + Float(r.width) / 2) * s
        let zNear = oz + Float(r.z + r.depth) * s - 0.6
        let zFar = oz + Float(r.z) * s
        // Half a cell off the centre line so the treasure in the middle is not dead ahead.
        let eye = Vec3(cx - s * 0.5, 1.7, zNear)
        let target = Vec3(cx + s * 0.25, 0.9, (zNear + zFar) / 2 - s * 0.5)
        return (eye, target)
    }

    /// `build` plus its `viewpoint`.
    public static func buildWithViewpoint(_ params: DungeonParams, seed: UInt64) -> (model: KitModel, eye: Vec3, target: Vec3) {
        let L = DungeonLayout.generate(params, seed: seed)
        let v = viewpoint(L, params: params)
        return (build(L, params: params, seed: seed), v.eye, v.target)
    }
}
