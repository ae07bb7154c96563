import OysterCore

/// Parameters for a wooden pier.
public struct PierParams: Sendable, Hashable {
    /// Along +Z from the origin (the shore end), metres.
    public var length: Float
    public var width: Float
    /// Deck height above y = 0 (the water level).
    public var deckHeight: Float
    /// How far posts reach below y = 0.
    public var postDepth: Float
    public var railings: Bool

    public init(length: Float = 18, width: Float = 3, deckHeight: Float = 1.2, postDepth: Float = 3, railings: Bool = true) {
        self.length = length
        self.width = width
        self.deckHeight = deckHeight
        self.postDepth = postDepth
        self.railings = railings
    }
}

extension Buildings {
    /// A pier on timber posts running from the origin along +Z: plank deck with gaps,
    /// stringers, cross-braced posts, optional railings, bollards and a lantern post at the
    /// end (light anchor). Parts: `Deck`, `Lantern`.
    public static func pier(_ p: PierParams, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let L = kitClamp(p.length, 4, 200, fallback: 18), W = kitClamp(p.width, 1.5, 12, fallback: 3), h = kitClamp(p.deckHeight, 0.2, 10, fallback: 1.2)
        let postDepth = kitClamp(p.postDepth, 0, 30, fallback: 3)
        var b = MeshBuilder()
        // Planks across the width, slightly irregular.
        var z: Float = 0
        while z < L - 0.05 {
            let pw = rng.float(in: 0.22...0.3)
            let jitter = rng.float(in: -0.04...0.04)
            b.color = Vec4(repeating: rng.float(in: 0.8...1.0))
            b.box(.woodPlanks, min: Vec3(-W / 2 + jitter, h - 0.05, z), max: Vec3(W / 2 + jitter, h, min(z + pw - 0.02, L)))
            z += pw
        }
        b.color = nil
        // Stringers and posts.
        for x in [-W / 2 + 0.2, W / 2 - 0.2] { b.box(.timber, min: Vec3(x - 0.1, h - 0.3, 0), max: Vec3(x + 0.1, h - 0.05, L)) }
        let bays = max(1, Int(L / 2.5))
        for i in 0...bays {
            let pz = min(L - 0.15, max(0.15, L * Float(i) / Float(bays)))
            for x in [-W / 2 + 0.15, W / 2 - 0.15] {
                b.cylinder(.timber, from: Vec3(x, -postDepth, pz), to: Vec3(x, h + (p.railings ? 1.0 : 0.15), pz), radiusBottom: 0.13, radiusTop: 0.12, segments: 7)
            }
            b.box(.timber, min: Vec3(-W / 2, h - 0.45, pz - 0.08), max: Vec3(W / 2, h - 0.3, pz + 0.08))
            if i < bays {
                let nz = L * Float(i + 1) / Float(bays)
                b.beam(.timber, from: Vec3(-W / 2 + 0.15, -0.6, pz), to: Vec3(W / 2 - 0.15, h - 0.45, pz), width: 0.1, depth: 0.1, up: Vec3(0, 0, 1))
                if p.railings {
                    for x in [-W / 2 + 0.15, W / 2 - 0.15] {
                        b.beam(.timber, from: Vec3(x, h + 0.95, pz), to: Vec3(x, h + 0.95, nz), width: 0.09, depth: 0.12)
                        b.beam(.timber, from: Vec3(x, h + 0.5, pz), to: Vec3(x, h + 0.5, nz), width: 0.06, depth: 0.08)
                    }
                }
            }
        }
        // Bollards at the far end.
        for x in [-W / 2 + 0.4, W / 2 - 0.4] {
            b.cylinder(.metal, from: Vec3(x, h, L - 0.5), to: Vec3(x, h + 0.45, L - 0.5), radiusBottom: 0.12, radiusTop: 0.1, segments: 8)
            b.sphere(.metal, center: Vec3(x, h + 0.48, L - 0.5), radius: 0.13, rings: 4, segments: 8)
        }
        var model = KitModel(name: "Pier")
        model.add("Deck", b)
        let lamp = Props.lamppost(height: 2.6, seed: seed &+ 1)
        for part in lamp.parts {
            var q = part
            q.name = "Lantern" + (part.name == "Lamppost" ? "" : part.name)
            q.transform = .translation(Vec3(W / 2 - 0.35, h, L - 1.2)) * part.transform
            model.parts.append(q)
        }
        for a in lamp.lightAnchors { model.lightAnchors.append(LightAnchor(position: a.position + Vec3(W / 2 - 0.35, h, L - 1.2), kind: a.kind)) }
        return model
    }
}
