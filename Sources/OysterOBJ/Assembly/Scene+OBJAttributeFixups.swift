import OysterCore

extension Scene {
    /// Adds what glTF requires of a primitive whose material uses textures that the OBJ faces
    /// cannot feed: TEXCOORD_0 (zeros) when faces had no `vt`, and NORMAL (smooth, area
    /// weighted) when a normal map is used without `vn`. Returns how many primitives changed.
    /// KHR_materials_anisotropy needs TANGENT too; those are generated from the UVs.
    mutating func addAttributesRequiredByMaterials() -> (texcoords: Int, normals: Int) {
        var fixed = (texcoords: 0, normals: 0)
        for m in meshes.indices {
            for p in meshes[m].primitives.indices {
                let primitive = meshes[m].primitives[p]
                guard let mi = primitive.material, materials.indices.contains(mi) else { continue }
                let material = materials[mi]
                let count = primitive.vertexCount
                let textured = TextureSlot.allCases.contains { material[$0] != nil }
                if textured && primitive.attributes["TEXCOORD_0"] == nil {
                    meshes[m].primitives[p].attributes["TEXCOORD_0"] = DataArray(floats: [Float](repeating: 0, count: count * 2), elementType: .vec2)
                    fixed.texcoords += 1
                }
                if material.normalTexture != nil && primitive.attributes["NORMAL"] == nil,
                   let positions = primitive.attributes["POSITION"] {
                    meshes[m].primitives[p].attributes["NORMAL"] = Scene.smoothNormals(positions, primitive.triangleIndices())
                    fixed.normals += 1
                }
                let updated = meshes[m].primitives[p]
                if material.extensions["KHR_materials_anisotropy"] != nil, updated.attributes["TANGENT"] == nil,
                   let positions = updated.attributes["POSITION"], let normals = updated.attributes["NORMAL"],
                   let uvs = updated.attributes["TEXCOORD_0"] {
                    meshes[m].primitives[p].attributes["TANGENT"] = Scene.tangents(positions, normals, uvs, updated.triangleIndices())
                }
            }
        }
        return fixed
    }

    /// Area-weighted vertex normals of a triangle list (+Z where no triangle gives one).
    static func smoothNormals(_ positions: DataArray, _ indices: [UInt32]) -> DataArray {
        let n = positions.count
        let p = positions.floats()
        var acc = [Float](repeating: 0, count: n * 3)
        var t = 0
        while t + 2 < indices.count {
            let a = Int(indices[t]), b = Int(indices[t + 1]), c = Int(indices[t + 2])
            t += 3
            guard a < n, b < n, c < n else { continue }
            let pa = Vec3(p[a * 3], p[a * 3 + 1], p[a * 3 + 2])
            let face = cross(Vec3(p[b * 3], p[b * 3 + 1], p[b * 3 + 2]) - pa, Vec3(p[c * 3], p[c * 3 + 1], p[c * 3 + 2]) - pa)
            for v in [a, b, c] {
                acc[v * 3] += face.x
                acc[v * 3 + 1] += face.y
                acc[v * 3 + 2] += face.z
            }
        }
        for v in 0..<n {
            let l = Vec3(acc[v * 3], acc[v * 3 + 1], acc[v * 3 + 2])
            let u = length(l) > 0 && length(l).isFinite ? normalize(l) : Vec3(0, 0, 1)
            acc[v * 3] = u.x
            acc[v * 3 + 1] = u.y
            acc[v * 3 + 2] = u.z
        }
        return DataArray(floats: acc, elementType: .vec3)
    }

    /// Per-vertex tangents (xyz, w = handedness) from UV gradients accumulated over triangles
    /// (Lengyel), orthogonalized against the normal; an arbitrary perpendicular where UVs are
    /// degenerate.
    static func tangents(_ positions: DataArray, _ normals: DataArray, _ uvs: DataArray, _ indices: [UInt32]) -> DataArray {
        let n = positions.count
        var tan = [Vec3](repeating: .zero, count: n), bit = [Vec3](repeating: .zero, count: n)
        var t = 0
        while t + 2 < indices.count {
            let a = Int(indices[t]), b = Int(indices[t + 1]), c = Int(indices[t + 2])
            t += 3
            guard a < n, b < n, c < n, a < uvs.count, b < uvs.count, c < uvs.count else { continue }
            let e1 = positions.vec3(b) - positions.vec3(a), e2 = positions.vec3(c) - positions.vec3(a)
            let d1 = uvs.vec2(b) - uvs.vec2(a), d2 = uvs.vec2(c) - uvs.vec2(a)
            let det = d1.x * d2.y - d2.x * d1.y
            guard det != 0, det.isFinite else { continue }
            let r = 1 / det
            let sdir = (e1 * d2.y - e2 * d1.y) * r, tdir = (e2 * d1.x - e1 * d2.x) * r
            for v in [a, b, c] {
                tan[v] += sdir
                bit[v] += tdir
            }
        }
        var out = [Float]()
        out.reserveCapacity(n * 4)
        for v in 0..<n {
            let nrm = v < normals.count ? normals.vec3(v) : Vec3(0, 0, 1)
            var u = tan[v] - nrm * dot(nrm, tan[v])
            if !(length(u) > 1e-12) || !length(u).isFinite {
                u = abs(nrm.x) < 0.9 ? cross(nrm, Vec3(1, 0, 0)) : cross(nrm, Vec3(0, 1, 0))
            }
            u = normalize(u)
            let w: Float = dot(cross(nrm, u), bit[v]) < 0 ? -1 : 1
            out += [u.x, u.y, u.z, w]
        }
        return DataArray(floats: out, elementType: .vec4)
    }
}
