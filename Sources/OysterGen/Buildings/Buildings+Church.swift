import OysterCore

extension Buildings {
    /// A town church facing its square (+Z): a stone nave (ridge along X) with tall windows on
    /// both long sides and its door in the middle of the front, and a square bell tower with a
    /// pyramid spire at the −X end (`Buildings.tower`). Parts: the nave's `Walls` and `Roof`,
    /// and the tower's parts under `Tower`.
    public static func church(length: Float = 16, width: Float = 9, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let L = kitClamp(length, 8, 40, fallback: 16), W = kitClamp(width, 5, 20, fallback: 9)
        let t: Float = 0.6, H: Float = 7.5
        var walls = MeshBuilder(), roof = MeshBuilder()
        let frames = rectWalls(width: L, depth: W, thickness: t)
        let door = WallOpening(x0: L / 2 - 0.9, x1: L / 2 + 0.9, y0: plinthTop, y1: plinthTop + 3.4)
        var openings: [[WallOpening]] = [[door], [], [], []]
        for (i, len) in [(0, L), (2, L)] {
            let n = max(2, Int(len / 3.6))
            for k in 0..<n {
                let x = len * (Float(k) + 0.5) / Float(n)
                let o = WallOpening(x0: x - 0.55, x1: x + 0.55, y0: 2.6, y1: 6.2)
                if i == 0, o.x1 > door.x0 - 0.8, o.x0 < door.x1 + 0.8 { continue }
                openings[i].append(o)
            }
        }
        openings[1].append(WallOpening(x0: W / 2 - 0.8, x1: W / 2 + 0.8, y0: 3, y1: 6.4))
        for (i, f) in frames.enumerated() {
            walls.wall(.stoneWall, f, height: H, openings: openings[i], inner: .plaster)
            for o in openings[i] where o != door { walls.append(window(f, o, frame: .stoneWall, sill: .stoneWall, mullions: true)) }
        }
        walls.box(.stoneWall, min: Vec3(-L / 2 - 0.15, -1.2, -W / 2 - 0.15), max: Vec3(L / 2 + 0.15, plinthTop, W / 2 + 0.15))
        walls.append(doorFrame(frames[0], door, frame: .stoneWall))
        let leaf = doorPart(frames[0], door, tint: Vec4(0.5, 0.3, 0.2, 1))
        walls.append(leaf.mesh, transform: leaf.transform)
        // Buttresses between the windows.
        for f in [frames[0], frames[2]] {
            let n = max(2, Int(f.length / 3.6))
            for k in 1..<n {
                let x = f.length * Float(k) / Float(n)
                walls.orientedBox(.stoneWall, center: f.point(x, H * 0.4, -0.35), axes: (f.dir, f.up, f.outward), half: Vec3(0.3, H * 0.4, 0.35))
            }
        }
        gableRoof(&roof, walls: &walls, kind: rng.chance(0.5) ? .slate : .roofTiles, gableKind: .stoneWall, width: L, depth: W, eaveY: H,
                  pitch: 0.8, overhang: 0.4, thickness: 0.16, wallThickness: t)
        var model = KitModel(name: "Church")
        model.add("Walls", walls)
        model.add("Roof", roof)
        let r: Float = 2.8
        var tower = Buildings.tower(TowerParams(round: false, radius: r, height: rng.float(in: 17...22), pointedRoof: true, wallKind: .stoneWall, roofKind: .slate),
                                    seed: seed ^ 0x70E2)
        tower.lightAnchors = []
        // The tower's torches belong to a keep, not a church.
        tower.parts.removeAll { $0.name.hasPrefix("Torch") }
        let place = Mat4(translation: Vec3(-L / 2 - r + 0.3, 0, 0), rotation: .identity, scale: Vec3(1, 1, 1))
        model.parts.append(KitPart(name: "Tower", transform: place, children: tower.parts))
        return model
    }
}
