import OysterCore

// MARK: - Coats: ellipsoids along any axes, coloured vertex by vertex

extension MeshBuilder {
    /// An ellipsoid with semi-axes `radii` along `axes` (unit, orthogonal), smooth normals, each
    /// vertex coloured by `paint` (given the vertex's position) for a coat's markings: a
    /// lighter belly, a cow's patches.
    mutating func ellipsoid(_ kind: SurfaceKind, center: Vec3, axes: (Vec3, Vec3, Vec3) = (Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)),
                            radii: Vec3, subdivisions: Int = 1, paint: (Vec3) -> Vec4) {
        let (pts, idx) = Icosphere.make(subdivisions: subdivisions)
        let kept = color
        var first: UInt32?
        for q in pts {
            let p = center + axes.0 * (q.x * radii.x) + axes.1 * (q.y * radii.y) + axes.2 * (q.z * radii.z)
            let n = normalize(axes.0 * (q.x / radii.x) + axes.1 * (q.y / radii.y) + axes.2 * (q.z / radii.z))
            color = paint(p)
            let i = vertex(kind, p, normal: n, uv: MeshBuilder.planarUV(p, n))
            if first == nil { first = i }
        }
        color = kept
        guard let base = first else { return }
        for t in stride(from: 0, to: idx.count, by: 3) {
            triangle(kind, base + idx[t], base + idx[t + 1], base + idx[t + 2])
        }
    }
}

/// Orthonormal axes with the third along `forward` and the first as near +X as it can be.
func axes(along forward: Vec3) -> (Vec3, Vec3, Vec3) {
    let z = normalize(forward)
    var x = Vec3(1, 0, 0) - z * z.x
    if length(x) < 1e-4 { x = Vec3(0, 1, 0) - z * z.y }
    x = normalize(x)
    return (x, cross(z, x), z)
}
