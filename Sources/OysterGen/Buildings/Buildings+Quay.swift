import OysterCore

extension Buildings {
    /// A harbour quay where a street meets the water: a stone platform `width` across and
    /// `depth` out (+Z, towards the water), its paved top at y = 0, its walls going down
    /// 4 m into the water, with iron bollards along the edge and a few barrels. One part, `Quay`.
    public static func quay(width: Float = 12, depth: Float = 6, seed: UInt64) -> KitModel {
        let W = kitClamp(width, 4, 40, fallback: 12), D = kitClamp(depth, 2, 20, fallback: 6)
        var b = MeshBuilder()
        b.box(.stoneWall, min: Vec3(-W / 2, -4, -1), max: Vec3(W / 2, -0.12, D))
        b.box(.cobblestone, min: Vec3(-W / 2 - 0.05, -0.12, -1), max: Vec3(W / 2 + 0.05, 0, D + 0.05))
        // A kerb of dressed stone along the three sides over the water.
        b.box(.stoneWall, min: Vec3(-W / 2 - 0.1, 0, D - 0.35), max: Vec3(W / 2 + 0.1, 0.18, D + 0.1))
        var x = -W / 2 + 1.5
        while x < W / 2 - 1 {
            b.lathe(.metal, profile: [Vec2(0.16, 0), Vec2(0.14, 0.45), Vec2(0.2, 0.52), Vec2(0.2, 0.6), Vec2(0, 0.62)], segments: 8, center: Vec3(x, 0.18, D - 0.6))
            x += 3
        }
        for k in 0..<3 {
            b.append(Props.barrel(seed: seed ^ UInt64(k)).merged(), transform: Mat4(translation: Vec3(-W / 2 + 1 + Float(k) * 0.75, 0, 0.2), rotation: .identity, scale: Vec3(1, 1, 1)))
        }
        var m = KitModel(name: "Quay")
        m.add("Quay", b)
        return m
    }
}
