import OysterCore

extension Buildings {
    /// A bridge along Z, centred on the origin, ends at ground level (y = 0) at z = ±length/2:
    /// stone (a humped deck over a round arch, with parapets) or wooden (a flat plank deck on
    /// trestles with railings). Parts: `Bridge`.
    public static func bridge(length: Float = 14, width: Float = 3.5, stone: Bool = true, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let L = kitClamp(length, 4, 80, fallback: 14), W = kitClamp(width, 1.5, 12, fallback: 3.5)
        var b = MeshBuilder()
        let n = 20
        if stone {
            let rise = min(L * 0.12, 2.2)
            let span = L * 0.62, archH = min(span * 0.45, rise + 1.2)
            func top(_ z: Float) -> Float { let t = 2 * z / L; return 0.35 + rise * (1 - t * t) }
            func bottom(_ z: Float) -> Float {
                let t = 2 * z / span
                return abs(t) < 1 ? archH * (1 - t * t).squareRoot() - 1.2 : -1.2
            }
            let zs = (0...n).map { -L / 2 + L * Float($0) / Float(n) }
            for i in 0..<n {
                let z0 = zs[i], z1 = zs[i + 1]
                // Deck, sides and arch underside.
                b.addQuad(.cobblestone, Vec3(-W / 2, top(z0), z0), Vec3(-W / 2, top(z1), z1), Vec3(W / 2, top(z1), z1), Vec3(W / 2, top(z0), z0), facing: Vec3(0, 1, 0))
                for x in [-W / 2 - 0.3, W / 2 + 0.3] {
                    let out = Vec3(x > 0 ? 1 : -1, 0, 0)
                    b.addQuad(.stoneWall, Vec3(x, bottom(z0), z0), Vec3(x, bottom(z1), z1), Vec3(x, top(z1) + 0.8, z1), Vec3(x, top(z0) + 0.8, z0), facing: out)
                    // Parapet: inner face and cap.
                    let xi = x - out.x * 0.3
                    b.addQuad(.stoneWall, Vec3(xi, top(z0), z0), Vec3(xi, top(z1), z1), Vec3(xi, top(z1) + 0.8, z1), Vec3(xi, top(z0) + 0.8, z0), facing: -out)
                    b.addQuad(.stoneWall, Vec3(x, top(z0) + 0.8, z0), Vec3(x, top(z1) + 0.8, z1), Vec3(xi, top(z1) + 0.8, z1), Vec3(xi, top(z0) + 0.8, z0), facing: Vec3(0, 1, 0))
                }
                b.addQuad(.stoneWall, Vec3(-W / 2 - 0.3, bottom(z0), z0), Vec3(W / 2 + 0.3, bottom(z0), z0), Vec3(W / 2 + 0.3, bottom(z1), z1), Vec3(-W / 2 - 0.3, bottom(z1), z1), facing: Vec3(0, -1, 0))
            }
            // End faces: the deck's front edge and the parapet ends.
            for z in [-L / 2, L / 2] {
                let out = Vec3(0, 0, z > 0 ? 1 : -1)
                b.addQuad(.stoneWall, Vec3(-W / 2 - 0.3, -1.2, z), Vec3(W / 2 + 0.3, -1.2, z), Vec3(W / 2 + 0.3, top(z), z), Vec3(-W / 2 - 0.3, top(z), z), facing: out)
                for x in [-W / 2 - 0.3, W / 2] {
                    b.addQuad(.stoneWall, Vec3(x, top(z), z), Vec3(x + 0.3, top(z), z), Vec3(x + 0.3, top(z) + 0.8, z), Vec3(x, top(z) + 0.8, z), facing: out)
                }
            }
            // Voussoirs: a ring of slightly proud stones around the arch on both faces.
            let ring = 13
            for k in 0...ring {
                let a = Float(k) / Float(ring) * .pi
                let z = -kcos(a) * span / 2, y = ksin(a) * archH - 1.2
                guard y > -1.1 else { continue }
                for x in [-W / 2 - 0.33, W / 2 + 0.33] {
                    let c = Vec3(x, y, z) + Vec3(0, ksin(a), -kcos(a)) * 0.3
                    b.orientedBox(.stoneWall, center: c, axes: (Vec3(1, 0, 0), normalize(Vec3(0, ksin(a), -kcos(a))), normalize(Vec3(0, kcos(a), ksin(a)))), half: Vec3(0.06, 0.3, 0.17))
                }
            }
        } else {
            let deckY: Float = 0.6
            var z = -L / 2
            while z < L / 2 - 0.05 {
                let pw = rng.float(in: 0.22...0.3)
                b.color = Vec4(repeating: rng.float(in: 0.8...1))
                b.box(.woodPlanks, min: Vec3(-W / 2, deckY - 0.06, z), max: Vec3(W / 2, deckY, min(z + pw - 0.02, L / 2)))
                z += pw
            }
            b.color = nil
            for x in [-W / 2 + 0.15, W / 2 - 0.15] { b.box(.timber, min: Vec3(x - 0.12, deckY - 0.4, -L / 2), max: Vec3(x + 0.12, deckY - 0.06, L / 2)) }
            let bays = max(2, Int(L / 3))
            for i in 0...bays {
                let pz = -L / 2 + L * Float(i) / Float(bays)
                for x in [-W / 2 - 0.05, W / 2 + 0.05] {
                    b.box(.timber, min: Vec3(x - 0.08, i == 0 || i == bays ? 0 : -2.5, pz - 0.08), max: Vec3(x + 0.08, deckY + 1.0, pz + 0.08))
                }
                if i < bays {
                    let nz = -L / 2 + L * Float(i + 1) / Float(bays)
                    for x in [-W / 2 - 0.05, W / 2 + 0.05] {
                        b.beam(.timber, from: Vec3(x, deckY + 0.95, pz), to: Vec3(x, deckY + 0.95, nz), width: 0.1, depth: 0.12)
                        b.beam(.timber, from: Vec3(x, deckY + 0.15, pz), to: Vec3(x, deckY + 0.85, nz), width: 0.07, depth: 0.07, up: Vec3(1, 0, 0))
                    }
                }
            }
        }
        var m = KitModel(name: stone ? "StoneBridge" : "WoodBridge")
        m.add("Bridge", b)
        return m
    }
}
