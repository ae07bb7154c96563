import OysterCore

extension Props {
    /// A town fountain: a round stone basin of water with a column and a small upper bowl.
    public static func fountain(radius: Float = 2.2, seed: UInt64) -> KitModel {
        _ = seed
        let r = kitClamp(radius, 0.8, 8, fallback: 2.2)
        var b = MeshBuilder()
        b.lathe(.stoneWall, profile: [Vec2(r + 0.1, -0.3), Vec2(r + 0.1, 0.55), Vec2(r + 0.25, 0.62), Vec2(r - 0.25, 0.7), Vec2(r - 0.35, 0.1), Vec2(0, 0.1)],
                segments: 24, normals: .flat)
        b.lathe(.water, profile: [Vec2(r - 0.34, 0.45), Vec2(0, 0.45)], segments: 24)
        b.cylinder(.stoneWall, from: Vec3(0, 0.1, 0), to: Vec3(0, 1.9, 0), radiusBottom: 0.32, radiusTop: 0.22, segments: 10)
        b.lathe(.stoneWall, profile: [Vec2(0.2, 1.8), Vec2(0.9, 2.0), Vec2(0.95, 2.15), Vec2(0.8, 2.15), Vec2(0, 2.05)], segments: 16, normals: .flat)
        b.lathe(.water, profile: [Vec2(0.8, 2.1), Vec2(0, 2.1)], segments: 16)
        b.cylinder(.stoneWall, from: Vec3(0, 2.05, 0), to: Vec3(0, 2.7, 0), radiusBottom: 0.12, radiusTop: 0.08, segments: 8)
        b.sphere(.stoneWall, center: Vec3(0, 2.78, 0), radius: 0.13, rings: 4, segments: 8)
        var m = KitModel(name: "Fountain")
        m.add("Fountain", b)
        return m
    }
}
