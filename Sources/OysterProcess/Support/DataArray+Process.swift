import OysterCore

// MARK: - Element-level helpers shared by the passes

extension DataArray {
    /// The array with elements reordered/duplicated as `order` says (`order[i]` is the source
    /// element of output element `i`); works for every component type. Sources past the end
    /// (a malformed stream shorter than its primitive) give zero elements.
    func gathered(_ order: [Int]) -> DataArray {
        let size = elementByteSize, available = count
        var out = [UInt8](repeating: 0, count: order.count * size)
        bytes.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                for (i, from) in order.enumerated() where from >= 0 && from < available {
                    (d + i * size).copyMemory(from: s + from * size, byteCount: size)
                }
            }
        }
        return DataArray(componentType: componentType, elementType: elementType, normalized: normalized, bytes: out)
    }

    /// Every element as a Vec3 (de-normalized).
    func vec3Array() -> [Vec3] {
        let f = floats(), n = componentsPerElement
        guard n > 0 else { return [] }
        var out = [Vec3](repeating: .zero, count: count)
        for i in 0..<count {
            let b = i * n
            out[i] = Vec3(f[b], n > 1 ? f[b + 1] : 0, n > 2 ? f[b + 2] : 0)
        }
        return out
    }

    /// Every element as a Vec4 (missing w = 1, as glTF tangents and colors expect).
    func vec4Array() -> [Vec4] {
        let f = floats(), n = componentsPerElement
        guard n > 0 else { return [] }
        var out = [Vec4](repeating: .zero, count: count)
        for i in 0..<count {
            let b = i * n
            out[i] = Vec4(f[b], n > 1 ? f[b + 1] : 0, n > 2 ? f[b + 2] : 0, n > 3 ? f[b + 3] : 1)
        }
        return out
    }

    func vec2Array() -> [Vec2] {
        let f = floats(), n = componentsPerElement
        guard n > 0 else { return [] }
        var out = [Vec2](repeating: .zero, count: count)
        for i in 0..<count {
            let b = i * n
            out[i] = Vec2(f[b], n > 1 ? f[b + 1] : 0)
        }
        return out
    }

    /// The same values as 32-bit floats (de-normalized); float arrays are returned unchanged.
    func asFloat32() -> DataArray {
        componentType == .float32 ? self : DataArray(floats: floats(), elementType: elementType)
    }

    /// True when this and `other` have the same layout (component type, shape, normalization).
    func hasSameLayout(as other: DataArray) -> Bool {
        componentType == other.componentType && elementType == other.elementType && normalized == other.normalized
    }

    /// Appends `other`'s elements (same layout required by the caller).
    mutating func append(contentsOf other: DataArray) {
        bytes.append(contentsOf: other.bytes)
    }
}

// MARK: - Primitive helpers

extension Primitive {
    /// True for the three triangle modes.
    var isTriangles: Bool { mode == .triangles || mode == .triangleStrip || mode == .triangleFan }

    /// Every vertex stream of the primitive, attributes then morph targets, in a stable order,
    /// with a way to write them back: passes that reorder vertices apply one permutation to all.
    func remappingVertices(_ order: [Int], triangles: [UInt32]) -> Primitive {
        var p = self
        for key in attributes.keys { p.attributes[key] = attributes[key]?.gathered(order) }
        for t in targets.indices {
            for key in targets[t].keys { p.targets[t][key] = targets[t][key]?.gathered(order) }
        }
        p.mode = .triangles
        p.indices = DataArray(indices: triangles)
        return p
    }

    /// True when the primitive has no vertices or an empty index list: it draws nothing and
    /// would need a zero-count accessor, which glTF forbids.
    var drawsNothing: Bool { vertexCount == 0 || (indices.map { $0.count == 0 } ?? false) }

    /// Attribute names in canonical order (deterministic iteration).
    var sortedAttributeNames: [String] { attributes.keys.sorted(by: Primitive.attributeOrder) }

    /// The primitive with vertices nobody references dropped and indices renumbered in first-use
    /// order (which also improves vertex-cache locality a little).
    func withUnusedVerticesRemoved() -> Primitive {
        guard isTriangles || indices != nil else { return self }
        let tris = isTriangles ? triangleIndices() : (indices?.uints() ?? [])
        let n = vertexCount
        var newIndex = [Int](repeating: -1, count: n)
        var order: [Int] = []
        var out = [UInt32]()
        out.reserveCapacity(tris.count)
        for i in tris {
            let v = Int(i)
            guard v < n else { return self }  // malformed: leave untouched
            if newIndex[v] < 0 { newIndex[v] = order.count; order.append(v) }
            out.append(UInt32(newIndex[v]))
        }
        if order.count == n { return self }  // nothing unused: keep the data as it is
        var p = remappingVertices(order, triangles: out)
        p.mode = isTriangles ? .triangles : mode
        return p
    }
}
