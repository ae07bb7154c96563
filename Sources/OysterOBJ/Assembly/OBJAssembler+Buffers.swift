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
                var normal = gather(n, 3, normals, fallback: [0, 0, 1]) { i in Int(vtx[i * 3 + 2]) }
                OBJAssembler.normalizeVectors(&normal.bytes)
                primitive.attributes["NORMAL"] = normal
            }
            if b.withTexcoord > 0 {
                primitive.attributes["TEXCOORD_0"] = gatherTexcoords(n) { i in Int(vtx[i * 3 + 1]) }
            }
            if !colors.isEmpty {
                var color = gather(n, 3, colors) { i in Int(vtx[i * 3]) }
                OBJAssembler.clampColors(&color.bytes, scale: colorScale)
                primitive.attributes["COLOR_0"] = color
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

    /// glTF requires unit normals: `vn` lines are normalized; zero or broken ones become +Z.
    static func normalizeVectors(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { raw in
            let count = raw.count / 12
            for i in 0..<count {
                let o = i * 12
                let x = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)))
                let y = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o + 4, as: UInt32.self)))
                let z = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o + 8, as: UInt32.self)))
                let l = (x * x + y * y + z * z).squareRoot()
                if abs(l - 1) < 1e-6 { continue }
                let v = l > 0 && l.isFinite ? (x / l, y / l, z / l) : (0, 0, 1)
                raw.storeBytes(of: v.0.bitPattern.littleEndian, toByteOffset: o, as: UInt32.self)
                raw.storeBytes(of: v.1.bitPattern.littleEndian, toByteOffset: o + 4, as: UInt32.self)
                raw.storeBytes(of: v.2.bitPattern.littleEndian, toByteOffset: o + 8, as: UInt32.self)
            }
        }
    }

    /// glTF colours lie in 0…1: values are multiplied by `scale` (1/255 for files written in
    /// 0–255) and clamped; vertices without a colour (NaN) become white.
    static func clampColors(_ bytes: inout [UInt8], scale: Float) {
        bytes.withUnsafeMutableBytes { raw in
            for o in stride(from: 0, to: raw.count - 3, by: 4) {
                let v = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)))
                let c: Float = v.isNaN ? 1 : min(max(v * scale, 0), 1)
                raw.storeBytes(of: c.bitPattern.littleEndian, toByteOffset: o, as: UInt32.self)
            }
        }
    }

    /// 1/255 when the file's colours exceed 1 (written as 0–255), else 1.
    static func colorScale(_ colors: [Float]) -> Float {
        var high: Float = 0
        for c in colors where c > high { high = c }
        return high > 1 ? 1 / 255 : 1
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
