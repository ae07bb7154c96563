import OysterCore

/// Parameters for a straight castle wall segment.
public struct CastleWallParams: Sendable, Hashable {
    /// Along X, metres (centred on the origin).
    public var length: Float
    public var height: Float
    public var thickness: Float
    /// A gateway with two swinging gate leaves in the middle.
    public var gate: Bool
    public var kind: SurfaceKind

    public init(length: Float = 16, height: Float = 7, thickness: Float = 2.4, gate: Bool = false, kind: SurfaceKind = .stoneWall) {
        self.length = length
        self.height = height
        self.thickness = thickness
        self.gate = gate
        self.kind = kind
    }
}

extension Buildings {
    /// A castle wall segment along X (outside towards +Z): battered plinth, wall walk,
    /// crenellated outer parapet, low inner parapet, and optionally a gateway with two gate
    /// leaves (`GateLeft`, `GateRight`, swing hints) and torches. Ends are open for joining.
    public static func castleWall(_ p: CastleWallParams, seed: UInt64) -> KitModel {
        _ = seed
        let L = kitClamp(p.length, 4, 200, fallback: 16), H = kitClamp(p.height, 3, 30, fallback: 7), T = kitClamp(p.thickness, 1, 8, fallback: 2.4)
        var b = MeshBuilder()
        var model = KitModel(name: p.gate ? "CastleGate" : "CastleWall")
        let f = WallFrame(start: Vec3(-L / 2, 0, T / 2), dir: Vec3(1, 0, 0), length: L, thickness: T)
        let gw: Float = 3.4, gh: Float = 4.2
        let gate = WallOpening(x0: L / 2 - gw / 2, x1: L / 2 + gw / 2, y0: 0, y1: gh)
        b.wall(p.kind, f, height: H, openings: p.gate ? [gate] : [], capEnds: true)
        // Battered plinth on both faces.
        for side in [Float(1), -1] {
            let z = side * (T / 2 + 0.2)
            if p.gate {
                b.box(p.kind, min: Vec3(-L / 2, -0.5, min(z, z - side * 0.5)), max: Vec3(gate.x0 - L / 2, 0.9, max(z, z - side * 0.5)))
                b.box(p.kind, min: Vec3(gate.x1 - L / 2, -0.5, min(z, z - side * 0.5)), max: Vec3(L / 2, 0.9, max(z, z - side * 0.5)))
            } else {
                b.box(p.kind, min: Vec3(-L / 2, -0.5, min(z, z - side * 0.5)), max: Vec3(L / 2, 0.9, max(z, z - side * 0.5)))
            }
        }
        // Outer crenellations (merlon / crenel rhythm) and inner parapet.
        let n = max(3, Int(L / 1.3)) | 1
        for i in 0..<n where i % 2 == 0 {
            let x0 = -L / 2 + L * Float(i) / Float(n), x1 = -L / 2 + L * Float(i + 1) / Float(n)
            b.box(p.kind, min: Vec3(x0, H + 0.5, T / 2 - 0.45), max: Vec3(x1, H + 1.5, T / 2))
        }
        b.box(p.kind, min: Vec3(-L / 2, H, T / 2 - 0.45), max: Vec3(L / 2, H + 0.5, T / 2))
        b.box(p.kind, min: Vec3(-L / 2, H, -T / 2), max: Vec3(L / 2, H + 0.7, -T / 2 + 0.35))
        // Corbels under the outer parapet.
        var x = -L / 2 + 0.6
        while x < L / 2 - 0.3 {
            b.box(p.kind, min: Vec3(x - 0.15, H - 0.5, T / 2), max: Vec3(x + 0.15, H - 0.05, T / 2 + 0.25))
            x += 1.2
        }
        if p.gate {
            let fr = WallFrame(start: Vec3(-L / 2, 0, T / 2), dir: Vec3(1, 0, 0), length: L, thickness: T)
            b.append(doorFrame(fr, gate, frame: p.kind, step: nil))
            // Two leaves hinged at the jambs, set back in the passage.
            let inset: Float = 0.6
            let hingeL = Vec3(gate.x0 - L / 2 + 0.02, 0, T / 2 - inset), hingeR = Vec3(gate.x1 - L / 2 - 0.02, 0, T / 2 - inset)
            var leaf = MeshBuilder()
            let lw = gw / 2 - 0.03
            leaf.box(.door, min: Vec3(0, 0, -0.06), max: Vec3(lw, gh - 0.05, 0.06))
            for y in [Float(0.5), gh / 2, gh - 0.7] { leaf.box(.metal, min: Vec3(0, y, 0.06), max: Vec3(lw - 0.1, y + 0.12, 0.09)) }
            model.parts.append(KitPart(name: "GateLeft", mesh: leaf, transform: .translation(hingeL), animation: .swing(axis: Vec3(0, 1, 0), angle: 1.5)))
            model.parts.append(KitPart(name: "GateRight", mesh: leaf, transform: .trs(hingeR, kquat(angle: .pi, axis: Vec3(0, 1, 0))), animation: .swing(axis: Vec3(0, 1, 0), angle: -1.5)))
            for (k, tx) in [gate.x0 - L / 2 - 0.8, gate.x1 - L / 2 + 0.8].enumerated() {
                let t = Props.wallTorch(at: Vec3(tx, 2.6, T / 2), outward: Vec3(0, 0, 1), name: "Torch\(k + 1)")
                model.parts += t.parts
                model.lightAnchors.append(t.anchor)
            }
        }
        model.parts.insert(KitPart(name: "Wall", mesh: b), at: 0)
        return model
    }
}
