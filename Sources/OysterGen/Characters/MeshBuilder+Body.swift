import OysterCore

// MARK: - Soft shapes for bodies: ellipsoids and lofts of elliptical rings

extension MeshBuilder {
    /// An ellipsoid with semi-axes `radii` (an icosphere stretched), smooth normals.
    mutating func ellipsoid(_ kind: SurfaceKind, center: Vec3, radii: Vec3, subdivisions: Int = 1) {
        let (pts, idx) = Icosphere.make(subdivisions: subdivisions)
        addMesh(kind, positions: pts.map { center + $0 * radii }, indices: idx, normals: .smooth)
    }

    /// A closed surface through elliptical rings (a trunk, a skirt, a sleeve): ring `i` is
    /// centred at `rings[i].center`, perpendicular to Y, with half-widths `rx` (X) and `rz`
    /// (Z). Caps close the first and last rings when asked. Smooth normals, no seam.
    mutating func loft(_ kind: SurfaceKind, rings: [(center: Vec3, rx: Float, rz: Float)], segments: Int = 14,
                       capStart: Bool = false, capEnd: Bool = false) {
        guard rings.count >= 2 else { return }
        let segs = max(3, segments)
        var pts: [Vec3] = []
        var idx: [UInt32] = []
        for ring in rings {
            for j in 0..<segs {
                let a = Float(j) / Float(segs) * 2 * .pi
                pts.append(ring.center + Vec3(kcos(a) * ring.rx, 0, ksin(a) * ring.rz))
            }
        }
        // Rings run upwards (or downwards: the winding follows so faces point outwards).
        let up = rings[rings.count - 1].center.y >= rings[0].center.y
        for i in 0..<(rings.count - 1) {
            for j in 0..<segs {
                let a = UInt32(i * segs + j), b = UInt32(i * segs + (j + 1) % segs)
                let c = b + UInt32(segs), d = a + UInt32(segs)
                if up { idx += [a, c, b, a, d, c] } else { idx += [a, b, c, a, c, d] }
            }
        }
        func cap(_ i: Int, facingUp: Bool) {
            pts.append(rings[i].center)
            let centre = UInt32(pts.count - 1)
            for j in 0..<segs {
                let a = UInt32(i * segs + j), b = UInt32(i * segs + (j + 1) % segs)
                if facingUp { idx += [centre, b, a] } else { idx += [centre, a, b] }
            }
        }
        if capStart { cap(0, facingUp: !up) }
        if capEnd { cap(rings.count - 1, facingUp: up) }
        addMesh(kind, positions: pts, indices: idx, normals: .smooth)
    }
}
