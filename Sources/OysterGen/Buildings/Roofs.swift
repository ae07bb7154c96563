import OysterCore

/// Roof shapes for houses.
public enum RoofStyle: String, Sendable, Hashable, CaseIterable {
    /// Two slopes meeting at a ridge along the long side, triangular gable walls at the ends.
    case gable
    /// Four slopes: trapezoids front and back, triangles at the ends.
    case hip
    /// A flat roof behind a low parapet (modern houses).
    case flat
}

// MARK: - Roof geometry

extension Buildings {
    /// A gable roof over a `w` × `d` footprint (ridge along X) whose eaves sit at `eaveY`;
    /// adds the gable-end triangles (in `gableKind`) to `walls`. Returns the ridge height.
    @discardableResult
    static func gableRoof(_ b: inout MeshBuilder, walls: inout MeshBuilder, kind: SurfaceKind, gableKind: SurfaceKind, width w: Float, depth d: Float,
                          eaveY: Float, pitch: Float, overhang o: Float, thickness th: Float, wallThickness t: Float, timber: SurfaceKind? = nil,
                          endOverhang: Float? = nil) -> Float {
        // A terrace's roofs stop at the party walls (`endOverhang` 0): neighbours' roofs meet there.
        let oe = endOverhang ?? o
        let tanP = ksin(pitch) / kcos(pitch)
        let rise = d / 2 * tanP
        let ridgeY = eaveY + rise
        // Each slope is a thick slab from the ridge down past the eave by the overhang.
        let slopeLen = (d / 2 + o) / kcos(pitch)
        for side in [Float(1), -1] {
            let down = normalize(Vec3(0, -tanP, side))  // down-slope direction
            let normal = normalize(Vec3(0, 1, side * tanP))
            let ridge = Vec3(0, ridgeY, 0)
            let center = ridge + down * (slopeLen / 2) + normal * (th / 2)
            var ax = Vec3(1, 0, 0), az = down
            if dot(cross(ax, normal), az) < 0 { ax = -ax }  // keep the box right-handed
            b.orientedBox(kind, center: center, axes: (ax, normal, az), half: Vec3(w / 2 + oe, th / 2, slopeLen / 2))
        }
        // Ridge cap.
        b.beam(kind, from: Vec3(-w / 2 - oe, ridgeY + th * 0.9, 0), to: Vec3(w / 2 + oe, ridgeY + th * 0.9, 0), width: th * 1.6, depth: th * 1.6, up: Vec3(0, 0, 1))
        // Gable triangles on both end walls (outer face and inner face).
        for side in [Float(-1), 1] {
            let x = side * w / 2
            let inner = x - side * t
            let tri = [Vec3(x, eaveY, d / 2), Vec3(x, eaveY, -d / 2), Vec3(x, ridgeY, 0)]
            let triIn = tri.map { Vec3(inner, $0.y, $0.z) }
            let outward = Vec3(side, 0, 0)
            if dot(cross(tri[1] - tri[0], tri[2] - tri[0]), outward) > 0 { walls.addPolygon(gableKind, tri); walls.addPolygon(gableKind, triIn.reversed()) }
            else { walls.addPolygon(gableKind, tri.reversed()); walls.addPolygon(gableKind, triIn) }
            if let tk = timber {
                let f = WallFrame(start: Vec3(x, eaveY, side > 0 ? d / 2 : -d / 2), dir: Vec3(0, 0, side > 0 ? -1 : 1), length: d, thickness: t)
                walls.wallBeam(tk, f, from: Vec2(d / 2, 0), to: Vec2(d / 2, rise - 0.1), width: 0.14)
                walls.wallBeam(tk, f, from: Vec2(0.1, 0.05), to: Vec2(d / 2, rise - 0.05), width: 0.14)
                walls.wallBeam(tk, f, from: Vec2(d - 0.1, 0.05), to: Vec2(d / 2, rise - 0.05), width: 0.14)
            }
        }
        return ridgeY
    }

    /// A hip roof over a `w` × `d` footprint (w ≥ d), closed underneath by a soffit. Returns the ridge height.
    @discardableResult
    static func hipRoof(_ b: inout MeshBuilder, kind: SurfaceKind, width w: Float, depth d: Float, eaveY: Float, pitch: Float, overhang o: Float, thickness th: Float) -> Float {
        let tanP = ksin(pitch) / kcos(pitch)
        let W = w / 2 + o, D = d / 2 + o
        let y0 = eaveY - o * tanP
        let ridgeY = y0 + D * tanP
        let rx = max(W - D, 0.05)
        let e0 = Vec3(-W, y0, D), e1 = Vec3(W, y0, D), e2 = Vec3(W, y0, -D), e3 = Vec3(-W, y0, -D)
        let r0 = Vec3(-rx, ridgeY, 0), r1 = Vec3(rx, ridgeY, 0)
        b.addPolygon(kind, [e0, e1, r1, r0])
        b.addPolygon(kind, [e2, e3, r0, r1])
        b.addPolygon(kind, [e1, e2, r1])
        b.addPolygon(kind, [e3, e0, r0])
        // Fascia band and soffit give the roof its thickness.
        let down = Vec3(0, -th, 0)
        let ring = [e0, e1, e2, e3]
        for i in 0..<4 {
            let p = ring[i], q = ring[(i + 1) % 4]
            let mid = (p + q) / 2
            b.addQuad(kind, p + down, q + down, q, p, facing: Vec3(mid.x, 0, mid.z))
        }
        b.addPolygon(kind, [e0 + down, e3 + down, e2 + down, e1 + down])
        b.beam(kind, from: r0 + Vec3(0, th * 0.3, 0), to: r1 + Vec3(0, th * 0.3, 0), width: th * 1.4, depth: th * 1.4, up: Vec3(0, 0, 1))
        return ridgeY
    }

    /// A flat roof over a `w` × `d` footprint whose walls stop at `eaveY`: a dark membrane
    /// just above the walls' tops and a parapet of `parapet` metres round the edge in
    /// `wallKind` (painted `paint`). Returns the parapet's top.
    @discardableResult
    static func flatRoof(_ b: inout MeshBuilder, width w: Float, depth d: Float, eaveY: Float, wallKind: SurfaceKind, paint: Vec4?,
                         parapet: Float = 0.5, edge: Float = 0.25) -> Float {
        b.color = Vec4(0.55, 0.55, 0.58, 1)
        b.box(.slate, min: Vec3(-w / 2 + edge, eaveY - 0.2, -d / 2 + edge), max: Vec3(w / 2 - edge, eaveY + 0.05, d / 2 - edge))
        b.color = paint
        let top = eaveY + parapet
        b.box(wallKind, min: Vec3(-w / 2 - 0.05, eaveY - 0.3, d / 2 - edge), max: Vec3(w / 2 + 0.05, top, d / 2 + 0.05))
        b.box(wallKind, min: Vec3(-w / 2 - 0.05, eaveY - 0.3, -d / 2 - 0.05), max: Vec3(w / 2 + 0.05, top, -d / 2 + edge))
        b.box(wallKind, min: Vec3(-w / 2 - 0.05, eaveY - 0.3, -d / 2 + edge), max: Vec3(-w / 2 + edge, top, d / 2 - edge))
        b.box(wallKind, min: Vec3(w / 2 - edge, eaveY - 0.3, -d / 2 + edge), max: Vec3(w / 2 + 0.05, top, d / 2 - edge))
        b.color = nil
        // A metal coping along the parapet's top.
        b.box(.metal, min: Vec3(-w / 2 - 0.08, top, d / 2 - edge - 0.02), max: Vec3(w / 2 + 0.08, top + 0.05, d / 2 + 0.08))
        b.box(.metal, min: Vec3(-w / 2 - 0.08, top, -d / 2 - 0.08), max: Vec3(w / 2 + 0.08, top + 0.05, -d / 2 + edge + 0.02))
        return top
    }

    /// A chimney stack from `baseY` to `topY` at (x, z), with a cap.
    static func chimney(_ b: inout MeshBuilder, kind: SurfaceKind, x: Float, z: Float, baseY: Float, topY: Float, size: Float = 0.6) {
        b.box(kind, min: Vec3(x - size / 2, baseY, z - size / 2), max: Vec3(x + size / 2, topY, z + size / 2))
        b.box(kind, min: Vec3(x - size / 2 - 0.06, topY, z - size / 2 - 0.06), max: Vec3(x + size / 2 + 0.06, topY + 0.12, z + size / 2 + 0.06))
        b.box(.metal, min: Vec3(x - 0.1, topY + 0.12, z - 0.1), max: Vec3(x + 0.1, topY + 0.3, z + 0.1))
    }
}
