import OysterCore

/// One cell edge of wall: the floor cell and the direction the wall lies in.
struct WallEdge: Hashable {
    var x: Int, z: Int, dx: Int, dz: Int
}

/// A niche cut into a wall: where its shelf is and which way it faces.
struct Niche {
    var shelf: Vec3
    var inward: Vec3
}

extension Dungeon {
    /// Coursed ashlar walls with a plinth at the foot and a cornice at the top, in straight
    /// runs along each side of the floor; niches with pointed heads where `niches` asks.
    static func walls(_ g: DungeonGrid, niches nicheEdges: Set<WallEdge>, rng: inout KitRandom) -> (mesh: MeshBuilder, niches: [Niche]) {
        var b = MeshBuilder()
        var found: [Niche] = []
        let s = g.s, H = g.H, inset = DungeonGrid.inset
        for (dx, dz) in DungeonGrid.dirs {
            let alongX = dz != 0
            let outer = alongX ? g.L.depth : g.L.width, inner = alongX ? g.L.width : g.L.depth
            for o in 0..<outer {
                var runStart: Int? = nil
                for i in 0...inner {
                    let (x, z) = alongX ? (i, o) : (o, i)
                    let need = i < inner && g.isWall(x, z, dx, dz)
                    if need && runStart == nil { runStart = i }
                    guard !need, let st = runStart else { continue }
                    runStart = nil
                    let n = Vec3(Float(dx), 0, Float(dz))
                    let (x0, z0) = alongX ? (st, o) : (o, st)
                    let along = alongX ? Vec3(1, 0, 0) : Vec3(0, 0, 1)
                    let a = g.center(x0, z0) + n * (s / 2 - inset) - along * (s / 2 + inset)
                    let length = Float(i - st) * s + 2 * inset
                    let face = MasonryFace(origin: a, along: along, normal: -n)
                    // Niches along this run.
                    var arches: [Arch] = []
                    for k in st..<i {
                        let (cx, cz) = alongX ? (k, o) : (o, k)
                        guard nicheEdges.contains(WallEdge(x: cx, z: cz, dx: dx, dz: dz)) else { continue }
                        let arch = Arch(center: Float(k - st) * s + s / 2 + inset, halfWidth: min(0.4, s * 0.22), spring: min(1.6, H * 0.45),
                                        bottom: min(0.85, H * 0.24), pointed: true, ring: 0.16)
                        arches.append(arch)
                        found.append(niche(&b, face, arch, rng: &rng))
                    }
                    let tint: Float = g.L.regionAt(x0, z0) == -2 ? 0.85 : 1
                    b.coursedWall(face, length: length, height: H, courses: g.detail.courses, arches: arches, rng: &rng, tint: tint)
                    // Plinth: a course of larger, prouder stones at the foot.
                    var xa: Float = 0
                    while xa < length - 0.02 {
                        var xb = min(length, xa + rng.float(in: 0.8...1.4))
                        if length - xb < 0.4 { xb = length }
                        b.color = stoneTint(rng.float(in: 0.7...0.9))
                        b.dressedStone(.ashlar, center: face.point((xa + xb) / 2, 0.15, 0.04), u: along, v: Vec3(0, 1, 0), n: -n,
                                       half: Vec3((xb - xa) / 2 - 0.01, 0.15, 0.07), bevel: 0.03)
                        b.color = nil
                        xa = xb
                    }
                    // Cornice under the vault or the ceiling.
                    b.dressedStone(.ashlar, center: face.point(length / 2, H - 0.09, 0.06), u: along, v: Vec3(0, 1, 0), n: -n,
                                   half: Vec3(length / 2, 0.09, 0.09), bevel: 0.04)
                }
            }
        }
        return (b, found)
    }

    /// A recess with a pointed head, a voussoir ring and a projecting sill; returns where a
    /// skull or urn can sit.
    static func niche(_ b: inout MeshBuilder, _ face: MasonryFace, _ arch: Arch, rng: inout KitRandom) -> Niche {
        let depth: Float = 0.26
        let c = arch.center, hw = arch.halfWidth
        b.color = stoneTint(0.55)
        var outline = [face.point(c - hw, arch.bottom, -depth), face.point(c + hw, arch.bottom, -depth)]
        let k = 10
        for j in stride(from: k, through: 0, by: -1) {
            let p = arch.point(Float(j) / Float(k))
            outline.append(face.point(p.x, p.y, -depth))
        }
        outline.removeLast()  // the arch's left springing repeats the jamb top below it
        outline.append(face.point(c - hw, arch.spring, -depth))
        b.addFan(.ashlar, hub: face.point(c, (arch.bottom + arch.spring) / 2, -depth), outline, facing: face.normal)
        for side: Float in [-1, 1] {
            let x = c + side * hw
            b.addQuad(.ashlar, face.point(x, arch.bottom, 0), face.point(x, arch.spring, 0), face.point(x, arch.spring, -depth), face.point(x, arch.bottom, -depth),
                      facing: face.along * -side)
        }
        let axis = face.point(c, arch.spring)
        for j in 0..<k {
            let p = arch.point(Float(j) / Float(k)), q = arch.point(Float(j + 1) / Float(k))
            let pa = face.point(p.x, p.y), qa = face.point(q.x, q.y)
            b.addQuad(.ashlar, pa, qa, qa - face.normal * depth, pa - face.normal * depth, facing: axis - (pa + qa) * 0.5)
        }
        b.addQuad(.ashlar, face.point(c - hw, arch.bottom, 0), face.point(c + hw, arch.bottom, 0), face.point(c + hw, arch.bottom, -depth),
                  face.point(c - hw, arch.bottom, -depth), facing: Vec3(0, 1, 0))
        b.color = nil
        b.dressedStone(.ashlar, center: face.point(c, arch.bottom - 0.05, 0.02), u: face.along, v: Vec3(0, 1, 0), n: face.normal,
                       half: Vec3(hw + 0.12, 0.05, 0.07), bevel: 0.02)
        b.voussoirs(face, arch, count: 7, back: -0.03, front: 0.06, twoFaced: false, rng: &rng)
        return Niche(shelf: face.point(c, arch.bottom, -depth / 2), inward: face.normal)
    }
}
