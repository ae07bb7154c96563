import OysterCore

extension Dungeon {
    /// The wall across a doorway, laid in courses on both faces around an arched opening:
    /// jamb stones, a voussoir ring of through-stones with a proud keystone, impost blocks, a
    /// stone sill and a plank tympanum over the swinging door leaf (returned as a part).
    static func doorway(_ g: DungeonGrid, _ door: DungeonLayout.Door, index: Int, into b: inout MeshBuilder, rng: inout KitRandom) -> KitPart {
        let s = g.s, H = g.H, inset = DungeonGrid.inset
        let rc = g.center(door.roomCell.x, door.roomCell.z), cc = g.center(door.corridorCell.x, door.corridorCell.z)
        let out = normalize(cc - rc)
        let dir = cross(Vec3(0, 1, 0), out)
        let boundary = (rc + cc) / 2
        let hw = min(0.65, s / 2 - 0.3)
        let pointed = g.style == .crypt
        let apexRise = pointed ? hw * (Arch.pointedRatio * Arch.pointedRatio - (Arch.pointedRatio - 1) * (Arch.pointedRatio - 1)).squareRoot() : hw
        let ring: Float = 0.26
        let spring = max(1.2, min(2.05, H - apexRise - ring - 0.35))
        let arch = Arch(center: s / 2, halfWidth: hw, spring: spring, pointed: pointed, ring: ring)
        // Room face and corridor face; the corridor face runs the other way so its x matches.
        let roomFace = MasonryFace(origin: boundary - dir * (s / 2) - out * inset, along: dir, normal: -out)
        let corridorFace = MasonryFace(origin: boundary + dir * (s / 2) + out * inset, along: -dir, normal: out)
        // Jamb stones run through the wall; coursed stones stop at their outer edge.
        let jamb: Float = min(0.28, s / 2 - hw - 0.02)
        var laid = arch
        laid.jamb = jamb
        for f in [roomFace, corridorFace] {
            b.coursedWall(f, length: s, height: H, courses: g.detail.courses, arches: [laid], rng: &rng)
        }
        let courses = max(2, Int((spring / 0.45).rounded()))
        let ch = spring / Float(courses)
        for i in 0..<courses {
            for side: Float in [-1, 1] {
                let len = i % 2 == 0 ? jamb : jamb * 0.6
                let x = s / 2 + side * (hw + len / 2)
                b.color = stoneTint(rng.float(in: 0.8...1.05))
                b.dressedStone(.ashlar, center: roomFace.point(x, (Float(i) + 0.5) * ch, -inset), u: dir, v: Vec3(0, 1, 0), n: -out,
                               half: Vec3(len / 2 - 0.006, ch / 2 - 0.006, inset + 0.05), bevel: 0.03, twoFaced: true)
                b.color = nil
            }
        }
        // Reveal behind the shorter jamb stones.
        for side: Float in [-1, 1] {
            let x = s / 2 + side * (hw + 0.001)
            b.addQuad(.mortar, roomFace.point(x, 0, 0), roomFace.point(x, spring, 0), roomFace.point(x, spring, -2 * inset), roomFace.point(x, 0, -2 * inset), facing: dir * -side)
        }
        // Imposts where the arch springs.
        for side: Float in [-1, 1] {
            b.dressedStone(.ashlar, center: roomFace.point(s / 2 + side * (hw + ring * 0.5), spring - 0.06, -inset), u: dir, v: Vec3(0, 1, 0), n: -out,
                           half: Vec3(ring * 0.5 + 0.06, 0.06, inset + 0.09), bevel: 0.025, twoFaced: true)
        }
        b.voussoirs(roomFace, arch, count: g.detail.voussoirs, back: -2 * inset - 0.04, front: 0.05, twoFaced: true, rng: &rng)
        // Sill.
        b.dressedStone(.ashlar, center: roomFace.point(s / 2, 0.015, -inset), u: dir, v: out, n: Vec3(0, 1, 0),
                       half: Vec3(hw + 0.05, inset + 0.08, 0.03), bevel: 0.015)
        // Plank tympanum in the arch head, on both sides of the door plane.
        let doorDepth = 2 * inset * 0.7  // the leaf hangs 0.3 of the thickness in from the corridor face
        var head: [Vec3] = []
        let k = 12
        for j in 0...k {
            let p = arch.point(Float(j) / Float(k))
            head.append(roomFace.point(p.x, p.y, -doorDepth))
        }
        for side: Float in [-1, 1] {
            b.color = Vec4(0.7, 0.6, 0.5, 1)
            b.addFan(.door, hub: roomFace.point(s / 2, spring, -doorDepth) - out * (side * 0.03), head.map { $0 - out * (side * 0.03) }, facing: out * -side)
            b.color = nil
        }
        let f = WallFrame(start: boundary - dir * (s / 2) + out * inset, dir: dir, length: s, thickness: inset * 2)
        let o = WallOpening(x0: s / 2 - hw, x1: s / 2 + hw, y0: 0.03, y1: spring)
        return Buildings.doorPart(f, o, name: "Door_\(index + 1)", tint: Vec4(0.7, 0.6, 0.5, 1))
    }
}
