import OysterCore

// MARK: - Windows and doors set into walls

extension Buildings {
    /// A window set into `opening` of wall `f`: frame, sill, recessed glass with a cross of
    /// mullions, optional shutters. Geometry is in model space.
    static func window(_ f: WallFrame, _ o: WallOpening, frame: SurfaceKind = .timber, sill: SurfaceKind = .stoneWall,
                       shutters: Vec4? = nil, mullions: Bool = true) -> MeshBuilder {
        var b = MeshBuilder()
        let t = f.thickness
        let fw: Float = 0.09
        b.wallBeam(frame, f, from: Vec2(o.x0 - fw / 2, o.y0), to: Vec2(o.x0 - fw / 2, o.y1), width: fw, proud: 0.05)
        b.wallBeam(frame, f, from: Vec2(o.x1 + fw / 2, o.y0), to: Vec2(o.x1 + fw / 2, o.y1), width: fw, proud: 0.05)
        b.wallBeam(frame, f, from: Vec2(o.x0 - fw, o.y1 + fw / 2), to: Vec2(o.x1 + fw, o.y1 + fw / 2), width: fw * 1.3, proud: 0.06)
        // Sill: a slab sticking out below the opening.
        let sc = f.point((o.x0 + o.x1) / 2, o.y0 - 0.04, -0.05)
        b.orientedBox(sill, center: sc, axes: (f.dir, f.up, f.outward), half: Vec3(o.width / 2 + 0.12, 0.045, 0.1 + t * 0.1))
        // Glass halfway into the wall, seen from both sides.
        let gd = t * 0.45
        let g0 = f.point(o.x0, o.y0, gd), g1 = f.point(o.x1, o.y0, gd), g2 = f.point(o.x1, o.y1, gd), g3 = f.point(o.x0, o.y1, gd)
        b.addQuad(.glass, g0, g1, g2, g3, facing: f.outward)
        b.addQuad(.glass, g1, g0, g3, g2, facing: -f.outward)
        if mullions {
            let mx = (o.x0 + o.x1) / 2, my = o.y0 + o.height * 0.55
            let axes = (f.dir, f.up, f.outward)
            b.orientedBox(frame, center: f.point(mx, (o.y0 + o.y1) / 2, gd - 0.02), axes: axes, half: Vec3(0.025, o.height / 2, 0.035))
            b.orientedBox(frame, center: f.point(mx, my, gd - 0.02), axes: axes, half: Vec3(o.width / 2, 0.025, 0.035))
        }
        if let c = shutters {
            b.color = c
            let sw = o.width / 2
            for x in [o.x0 - fw - sw / 2 - 0.02, o.x1 + fw + sw / 2 + 0.02] {
                b.orientedBox(.woodPlanks, center: f.point(x, (o.y0 + o.y1) / 2, -0.03), axes: (f.dir, f.up, f.outward), half: Vec3(sw / 2, o.height / 2 + 0.02, 0.025))
            }
            b.color = nil
        }
        return b
    }

    /// A door leaf hinged on the opening's left side (seen from outside), as a part whose pivot
    /// is the hinge, with a swing hint that opens it inwards.
    static func doorPart(_ f: WallFrame, _ o: WallOpening, name: String = "Door", kind: SurfaceKind = .door, tint: Vec4? = nil) -> KitPart {
        let hinge = f.point(o.x0 + 0.01, o.y0, f.thickness * 0.3)
        let w = o.width - 0.02, h = o.height - 0.02
        var b = MeshBuilder()
        b.color = tint
        b.box(kind, min: Vec3(0, 0, -0.035), max: Vec3(w, h, 0.035))
        // Battens on the front and a ledge-and-brace look.
        b.box(kind, min: Vec3(0.05, h * 0.18, 0.035), max: Vec3(w - 0.05, h * 0.18 + 0.12, 0.06))
        b.box(kind, min: Vec3(0.05, h * 0.78, 0.035), max: Vec3(w - 0.05, h * 0.78 + 0.12, 0.06))
        b.color = nil
        // Handle and hinge straps.
        b.box(.metal, min: Vec3(w - 0.14, h * 0.47, 0.035), max: Vec3(w - 0.1, h * 0.53, 0.1))
        b.box(.metal, min: Vec3(0, h * 0.2, 0.06), max: Vec3(w * 0.6, h * 0.2 + 0.05, 0.07))
        b.box(.metal, min: Vec3(0, h * 0.8, 0.06), max: Vec3(w * 0.6, h * 0.8 + 0.05, 0.07))
        return KitPart(name: name, mesh: b, transform: .place(hinge, yaw: f.yaw), animation: .swing(axis: Vec3(0, 1, 0), angle: 1.4))
    }

    /// A timber (or stone) frame around a door opening plus a step in front.
    static func doorFrame(_ f: WallFrame, _ o: WallOpening, frame: SurfaceKind = .timber, step: SurfaceKind? = .stoneWall) -> MeshBuilder {
        var b = MeshBuilder()
        let fw: Float = 0.12
        b.wallBeam(frame, f, from: Vec2(o.x0 - fw / 2, o.y0), to: Vec2(o.x0 - fw / 2, o.y1), width: fw, proud: 0.06)
        b.wallBeam(frame, f, from: Vec2(o.x1 + fw / 2, o.y0), to: Vec2(o.x1 + fw / 2, o.y1), width: fw, proud: 0.06)
        b.wallBeam(frame, f, from: Vec2(o.x0 - fw, o.y1 + fw / 2), to: Vec2(o.x1 + fw, o.y1 + fw / 2), width: fw * 1.4, proud: 0.08)
        if let s = step, o.y0 > 0.05 || f.start.y > -0.01 {
            let c = f.point((o.x0 + o.x1) / 2, f.start.y > 0 ? -f.start.y / 2 : 0.0, -0.22)
            b.orientedBox(s, center: c + f.up * (o.y0 / 2 - 0.1), axes: (f.dir, f.up, f.outward), half: Vec3(o.width / 2 + 0.2, max(0.1, o.y0 / 2 + 0.1), 0.25))
        }
        return b
    }

    /// The four walls of a rectangular footprint `w` × `d` centred on the origin, outer faces
    /// on the footprint edge, in order front (+Z), right (+X), back (−Z), left (−X).
    static func rectWalls(width w: Float, depth d: Float, thickness t: Float, baseY: Float = 0) -> [WallFrame] {
        [
            WallFrame(start: Vec3(-w / 2, baseY, d / 2), dir: Vec3(1, 0, 0), length: w, thickness: t),
            WallFrame(start: Vec3(w / 2, baseY, d / 2), dir: Vec3(0, 0, -1), length: d, thickness: t),
            WallFrame(start: Vec3(w / 2, baseY, -d / 2), dir: Vec3(-1, 0, 0), length: w, thickness: t),
            WallFrame(start: Vec3(-w / 2, baseY, -d / 2), dir: Vec3(0, 0, 1), length: d, thickness: t),
        ]
    }
}
