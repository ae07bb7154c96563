import OysterCore

extension OBJAssembler {
    /// The glTF primitive of a builder: attributes gathered straight into little-endian bytes.
    /// Texture V is flipped (v' = 1 − v) because OBJ's origin is bottom-left, glTF's top-left.
    func makePrimitive(_ b: PrimitiveBuilder) -> Primitive {
        let n = b.vertexCount
        var primitive = Primitive(mode: .triangles, material: b.material)
        b.vertices.withUnsafeBufferPointer { vtx in
            primitive.attributes["POSITION"] = gather(n, 3, positions) { i in Int(vtx[i * 3]) }
            if b.withNormal > 0 {
                primitive.attributes["NORMAL"] = gather(n, 3, normals, fallback: [0, 0, 1]) { i in Int(vtx[i * 3 + 2]) }
            }
            if b.withTexcoord > 0 {
                primitive.attributes["TEXCOORD_0"] = gatherTexcoords(n) { i in Int(vtx[i * 3 + 1]) }
            }
            if !colors.isEmpty {
                primitive.attributes["COLOR_0"] = gather(n, 3, colors) { i in Int(vtx[i * 3]) }
            }
        }
        primitive.indices = OBJAssembler.indexArray(b.indices, vertexCount: n)
        return primitive
    }

    /// `count` elements of `width` floats picked from `source` by `index` (-1 → `fallback`).
    func gather(_ count: Int, _ width: Int, _ source: [Float], fallback: [Float] = [0, 0, 0],
                _ index: (Int) -> Int) -> DataArray {
        let bytes = [UInt8](unsafeUninitializedCapacity: count * width * 4) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            let out = UnsafeMutableRawPointer(base)
            source.withUnsafeBufferPointer { src in
                for i in 0..<count {
                    let s = index(i)
                    for c in 0..<width {
                        let value = s >= 0 && (s + 1) * width <= src.count ? src[s * width + c] : fallback[c]
                        out.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: (i * width + c) * 4, as: UInt32.self)
                    }
                }
            }
            initialized = count * width * 4
        }
        return DataArray(componentType: .float32, elementType: width == 3 ? .vec3 : .vec2, bytes: bytes)
    }

    func gatherTexcoords(_ count: Int, _ index: (Int) -> Int) -> DataArray {
        let bytes = [UInt8](unsafeUninitializedCapacity: count * 8) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            let out = UnsafeMutableRawPointer(base)
            texcoords.withUnsafeBufferPointer { src in
                for i in 0..<count {
                    let s = index(i)
                    let u: Float = s >= 0 && s * 2 + 1 < src.count ? src[s * 2] : 0
                    let v: Float = s >= 0 && s * 2 + 1 < src.count ? 1 - src[s * 2 + 1] : 1
                    out.storeBytes(of: u.bitPattern.littleEndian, toByteOffset: i * 8, as: UInt32.self)
                    out.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: i * 8 + 4, as: UInt32.self)
                }
            }
            initialized = count * 8
        }
        return DataArray(componentType: .float32, elementType: .vec2, bytes: bytes)
    }

    /// Indices as uint16 when every vertex fits below 65535 (the primitive-restart value), else uint32.
    static func indexArray(_ indices: [UInt32], vertexCount: Int) -> DataArray {
        if vertexCount <= 65535 {
            let bytes = [UInt8](unsafeUninitializedCapacity: indices.count * 2) { buffer, initialized in
                guard let base = buffer.baseAddress else { initialized = 0; return }
            let out = UnsafeMutableRawPointer(base)
                for (i, v) in indices.enumerated() { out.storeBytes(of: UInt16(truncatingIfNeeded: v).littleEndian, toByteOffset: i * 2, as: UInt16.self) }
                initialized = indices.count * 2
            }
            return DataArray(componentType: .uint16, elementType: .scalar, bytes: bytes)
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: indices.count * 4) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            let out = UnsafeMutableRawPointer(base)
            for (i, v) in indices.enumerated() { out.storeBytes(of: v.littleEndian, toByteOffset: i * 4, as: UInt32.self) }
            initialized = indices.count * 4
        }
        return DataArray(componentType: .uint32, elementType: .scalar, bytes: bytes)
    }
}
