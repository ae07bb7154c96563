import OysterCore

/// Small reusable objects: barrels, crates, carts, benches, lampposts, flags, market stalls,
/// torches, chests, tables and treasure. Each is a pure function of its parameters and seed.
public enum Props {
    /// A wall torch: iron bracket, wooden handle, and a flame part (flicker hint). `position`
    /// is where it meets the wall, `outward` the wall's outward normal. Returns the parts and the
    /// light anchor at the flame.
    public static func wallTorch(at position: Vec3, outward: Vec3, name: String = "Torch") -> (parts: [KitPart], anchor: LightAnchor) {
        let out = normalize(Vec3(outward.x, 0, outward.z))
        var bracket = MeshBuilder()
        bracket.beam(.metal, from: position, to: position + out * 0.22 + Vec3(0, 0.05, 0), width: 0.04, depth: 0.04)
        bracket.box(.metal, min: position + Vec3(-0.06, -0.1, -0.06) + out * 0.03, max: position + Vec3(0.06, 0.1, 0.06) + out * 0.03)
        let handleBase = position + out * 0.22 - Vec3(0, 0.18, 0)
        let handleTop = position + out * 0.3 + Vec3(0, 0.28, 0)
        bracket.cylinder(.woodPlanks, from: handleBase, to: handleTop, radiusBottom: 0.025, radiusTop: 0.04, segments: 6)
        bracket.cylinder(.metal, from: handleTop - Vec3(0, 0.06, 0) - out * 0.01, to: handleTop + Vec3(0, 0.02, 0), radiusBottom: 0.05, radiusTop: 0.055, segments: 6)
        let flameAt = handleTop + Vec3(0, 0.02, 0)
        var flame = MeshBuilder()
        flame.lathe(.fire, profile: [Vec2(0, 0), Vec2(0.06, 0.04), Vec2(0.07, 0.1), Vec2(0.04, 0.2), Vec2(0, 0.3)], segments: 6, normals: .flat)
        let parts = [
            KitPart(name: name + "Bracket", mesh: bracket),
            KitPart(name: name + "Flame", mesh: flame, transform: .translation(flameAt), animation: .flicker),
        ]
        return (parts, LightAnchor(position: flameAt + Vec3(0, 0.15, 0), kind: .torchFlame))
    }
}

extension Props {
    /// A small lantern on an iron bracket for a wall at `position` (outer face) facing
    /// `outward`; returns its mesh and a lantern light anchor.
    public static func wallLantern(at position: Vec3, outward: Vec3) -> (mesh: MeshBuilder, anchor: LightAnchor) {
        let out = normalize(Vec3(outward.x, 0, outward.z))
        var b = MeshBuilder()
        b.beam(.metal, from: position + Vec3(0, 0.25, 0), to: position + out * 0.3 + Vec3(0, 0.25, 0), width: 0.03, depth: 0.03)
        b.box(.metal, min: position + Vec3(-0.05, 0.05, -0.05) + out * 0.01, max: position + Vec3(0.05, 0.3, 0.05) + out * 0.01)
        let c = position + out * 0.3
        b.beam(.metal, from: c + Vec3(0, 0.25, 0), to: c + Vec3(0, 0.12, 0), width: 0.015, depth: 0.015)
        b.box(.glass, min: c + Vec3(-0.08, -0.12, -0.08), max: c + Vec3(0.08, 0.08, 0.08))
        b.box(.metal, min: c + Vec3(-0.1, -0.15, -0.1), max: c + Vec3(0.1, -0.12, 0.1))
        b.cone(.metal, base: c + Vec3(0, 0.08, 0), apex: c + Vec3(0, 0.2, 0), radius: 0.13, segments: 4, normals: .flat)
        b.lathe(.fire, profile: [Vec2(0, -0.1), Vec2(0.03, -0.05), Vec2(0, 0.03)], segments: 4, center: c)
        return (b, LightAnchor(position: c - Vec3(0, 0.03, 0), kind: .lantern))
    }
}
