import OysterCore

extension Primitive {
    /// The primitive with geometry moved by `matrix`: positions as points, normals by the
    /// inverse transpose (renormalized), tangents by the linear part with handedness flipped
    /// when the determinant is negative, morph-target displacements likewise; triangle winding
    /// is reversed for a negative determinant so front faces stay front faces.
    func transformed(by matrix: Mat4) -> Primitive {
        var p = self
        let det = matrix.determinant3x3
        let normalMatrix = matrix.normalMatrix
        if let pos = attributes["POSITION"] {
            p.attributes["POSITION"] = DataArray(vec3: pos.vec3Array().map { matrix.transformPoint($0) })
        }
        if let nrm = attributes["NORMAL"] {
            p.attributes["NORMAL"] = DataArray(vec3: nrm.vec3Array().map { normalize(normalMatrix.transformDirection($0)) })
        }
        if let tan = attributes["TANGENT"] {
            let flip: Float = det < 0 ? -1 : 1
            p.attributes["TANGENT"] = DataArray(vec4: tan.vec4Array().map { t in
                let d = normalize(matrix.transformDirection(Vec3(t.x, t.y, t.z)))
                return Vec4(d.x, d.y, d.z, (t.w < 0 ? -1 : 1) * flip)
            })
        }
        for i in targets.indices {
            if let d = targets[i]["POSITION"] { p.targets[i]["POSITION"] = DataArray(vec3: d.vec3Array().map { matrix.transformDirection($0) }) }
            if let d = targets[i]["NORMAL"] { p.targets[i]["NORMAL"] = DataArray(vec3: d.vec3Array().map { normalMatrix.transformDirection($0) }) }
            if let d = targets[i]["TANGENT"] { p.targets[i]["TANGENT"] = DataArray(vec3: d.vec3Array().map { matrix.transformDirection($0) }) }
        }
        if det < 0 && isTriangles {
            var tris = triangleIndices()
            for t in stride(from: 0, to: tris.count, by: 3) { tris.swapAt(t + 1, t + 2) }
            p.mode = .triangles
            p.indices = DataArray(indices: tris)
        }
        return p
    }
}

extension Mat4 {
    /// The inverse transpose of the upper 3×3 (as a Mat4 without translation), for normals;
    /// identity when singular.
    var normalMatrix: Mat4 {
        var linear = self
        linear.m[12] = 0; linear.m[13] = 0; linear.m[14] = 0
        guard let inv = linear.inverse else { return .identity }
        var t = Mat4.identity
        for r in 0..<3 { for c in 0..<3 { t[r, c] = inv[c, r] } }
        return t
    }

    /// A uniform scale matrix.
    static func scale(_ s: Vec3) -> Mat4 { Mat4(translation: .zero, rotation: .identity, scale: s) }
}
