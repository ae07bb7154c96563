import OysterCore

/// Parameters for a whole castle.
public struct CastleParams: Sendable, Hashable {
    /// Outer side of the square curtain wall, metres.
    public var size: Float
    public var wallHeight: Float
    public var towerRadius: Float
    /// A square keep with a pointed roof inside the courtyard.
    public var keep: Bool
    public var kind: SurfaceKind

    public init(size: Float = 34, wallHeight: Float = 7, towerRadius: Float = 3.6, keep: Bool = true, kind: SurfaceKind = .stoneWall) {
        self.size = size
        self.wallHeight = wallHeight
        self.towerRadius = towerRadius
        self.keep = keep
        self.kind = kind
    }
}

extension Buildings {
    /// A castle: four crenellated round corner towers joined by curtain walls, a gatehouse
    /// in the front (+Z) wall, flags on the towers and an optional keep. Parts are grouped:
    /// `Tower_NE/…`, `Wall_Front/…` (with `GateLeft`, `GateRight`), `Keep/…`, `Flag_N/…`.
    public static func castle(_ p: CastleParams, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let S = kitClamp(p.size, 16, 200, fallback: 34)
        let H = kitClamp(p.wallHeight, 4, 20, fallback: 7)
        let R = kitClamp(p.towerRadius, 2, 10, fallback: 3.6)
        var model = KitModel(name: "Castle")
        func add(_ sub: KitModel, _ name: String, _ m: Mat4) {
            model.parts.append(KitPart(name: name, transform: m, children: sub.parts))
            for a in sub.lightAnchors { model.lightAnchors.append(LightAnchor(position: m.transformPoint(a.position), kind: a.kind)) }
        }
        let half = S / 2
        let wallLen = S - 2 * R * 0.7
        let thick = min(2.6, R * 0.7)
        // Curtain walls: front has the gate; each wall's outside faces away from the centre.
        let sides: [(String, Float, Bool)] = [("Wall_Front", 0, true), ("Wall_Right", .pi / 2, false), ("Wall_Back", .pi, false), ("Wall_Left", -.pi / 2, false)]
        for (name, yaw, gate) in sides {
            let wall = castleWall(CastleWallParams(length: wallLen, height: H, thickness: thick, gate: gate, kind: p.kind), seed: rng.next())
            let offset = Vec3(ksin(yaw) * (half - thick / 2), 0, kcos(yaw) * (half - thick / 2))
            add(wall, name, .place(offset, yaw: yaw))
        }
        // Corner towers, taller than the walls, doors facing the courtyard.
        let corners: [(String, Float, Float)] = [("Tower_NE", 1, -1), ("Tower_SE", 1, 1), ("Tower_SW", -1, 1), ("Tower_NW", -1, -1)]
        for (i, (name, sx, sz)) in corners.enumerated() {
            let pointed = i % 2 == 1 && rng.chance(0.5)
            let tower = tower(TowerParams(round: true, radius: R, height: H + R * 1.4, pointedRoof: pointed, wallKind: p.kind), seed: rng.next())
            let pos = Vec3(sx * (half - R * 0.6), 0, sz * (half - R * 0.6))
            add(tower, name, .place(pos, yaw: katan2(-pos.x, -pos.z)))
            let flag = Props.flag(poleHeight: 4, seed: rng.next())
            if !pointed { add(flag, "Flag_\(i + 1)", .translation(pos + Vec3(0, H + R * 1.4, 0))) }
        }
        if p.keep {
            let keep = tower(TowerParams(round: false, radius: min(S * 0.14, 7), height: H * 2.1, pointedRoof: true, wallKind: p.kind), seed: rng.next())
            add(keep, "Keep", .place(Vec3(0, 0, -S * 0.12), yaw: 0))
        }
        // Courtyard paving.
        var yard = MeshBuilder()
        yard.box(.cobblestone, min: Vec3(-half + thick, -0.2, -half + thick), max: Vec3(half - thick, 0.05, half - thick))
        model.parts.insert(KitPart(name: "Courtyard", mesh: yard), at: 0)
        return model
    }
}
