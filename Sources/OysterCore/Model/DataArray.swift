/// The scalar type of each component, with glTF's `componentType` codes.
public enum ComponentType: Int, Hashable, Sendable, CaseIterable {
    case int8 = 5120
    case uint8 = 5121
    case int16 = 5122
    case uint16 = 5123
    case uint32 = 5125
    case float32 = 5126

    public var byteSize: Int {
        switch self {
        case .int8, .uint8: return 1
        case .int16, .uint16: return 2
        case .uint32, .float32: return 4
        }
    }

    /// The name glTF's specification and the Khronos validator's messages use (`UNSIGNED_BYTE`).
    public var glName: String {
        switch self {
        case .int8: return "BYTE"
        case .uint8: return "UNSIGNED_BYTE"
        case .int16: return "SHORT"
        case .uint16: return "UNSIGNED_SHORT"
        case .uint32: return "UNSIGNED_INT"
        case .float32: return "FLOAT"
        }
    }
}

/// The shape of each element, with glTF's accessor `type` names.
public enum ElementType: String, Hashable, Sendable, CaseIterable {
    case scalar = "SCALAR"
    case vec2 = "VEC2"
    case vec3 = "VEC3"
    case vec4 = "VEC4"
    case mat2 = "MAT2"
    case mat3 = "MAT3"
    case mat4 = "MAT4"

    public var componentCount: Int {
        switch self {
        case .scalar: return 1
        case .vec2: return 2
        case .vec3: return 3
        case .vec4, .mat2: return 4
        case .mat3: return 9
        case .mat4: return 16
        }
    }

    /// The element type with `n` components (1–4), for vectors.
    public static func vector(_ n: Int) -> ElementType? {
        switch n {
        case 1: return .scalar
        case 2: return .vec2
        case 3: return .vec3
        case 4: return .vec4
        default: return nil
        }
    }
}

/// A tightly packed array of typed elements: what a glTF accessor points at, without the
/// buffer bookkeeping.
///
/// Bytes are little-endian and unpadded (`count × elementByteSize`); matrix columns are stored
/// without glTF's 4-byte column alignment, which writers add back. Readers resolve strides,
/// sparse substitution and byte offsets into this form, so passes never see them.
public struct DataArray: Hashable, Sendable {
    public var componentType: ComponentType
    public var elementType: ElementType
    /// Integer components stand for values in [0, 1] (unsigned) or [-1, 1] (signed).
    public var normalized: Bool
    public var bytes: [UInt8]

    public init(componentType: ComponentType, elementType: ElementType, normalized: Bool = false, bytes: [UInt8]) {
        self.componentType = componentType
        self.elementType = elementType
        self.normalized = normalized
        self.bytes = bytes
    }

    public var componentsPerElement: Int { elementType.componentCount }
    public var elementByteSize: Int { componentType.byteSize * elementType.componentCount }
    public var count: Int { bytes.count / elementByteSize }
    public var componentCount: Int { bytes.count / componentType.byteSize }

    // MARK: - Building

    /// An array of 32-bit floats, `elementType.componentCount` values per element.
    public init(floats: [Float], elementType: ElementType) {
        self.init(componentType: .float32, elementType: elementType, bytes: floats.withUnsafeBytes { Array($0) })
    }

    public init(vec3: [Vec3]) {
        var flat = [Float]()
        flat.reserveCapacity(vec3.count * 3)
        for v in vec3 { flat.append(v.x); flat.append(v.y); flat.append(v.z) }
        self.init(floats: flat, elementType: .vec3)
    }

    public init(vec2: [Vec2]) {
        var flat = [Float]()
        flat.reserveCapacity(vec2.count * 2)
        for v in vec2 { flat.append(v.x); flat.append(v.y) }
        self.init(floats: flat, elementType: .vec2)
    }

    public init(vec4: [Vec4]) {
        var flat = [Float]()
        flat.reserveCapacity(vec4.count * 4)
        for v in vec4 { flat.append(v.x); flat.append(v.y); flat.append(v.z); flat.append(v.w) }
        self.init(floats: flat, elementType: .vec4)
    }

    /// `JOINTS_n` data: four joint indices a vertex, as unsigned bytes, or unsigned shorts when
    /// `wide` (a skin of more than 256 joints). Indices are truncated to the chosen width.
    public init(joints: [UInt32], wide: Bool) {
        if wide {
            let narrow = joints.map { UInt16(truncatingIfNeeded: $0).littleEndian }
            self.init(componentType: .uint16, elementType: .vec4, bytes: narrow.withUnsafeBytes { Array($0) })
        } else {
            self.init(componentType: .uint8, elementType: .vec4, bytes: joints.map { UInt8(truncatingIfNeeded: $0) })
        }
    }

    /// Scalar indices in the smallest unsigned type that holds them (uint8 is avoided because
    /// several engines handle it badly).
    public init(indices: [UInt32]) {
        let maxIndex = indices.max() ?? 0
        if maxIndex < 65535 {
            let narrow = indices.map { UInt16($0) }
            self.init(componentType: .uint16, elementType: .scalar, bytes: narrow.withUnsafeBytes { Array($0) })
        } else {
            self.init(componentType: .uint32, elementType: .scalar, bytes: indices.withUnsafeBytes { Array($0) })
        }
    }

    // MARK: - Reading

    /// Component `i` (flat index over all components) as a Float, de-normalized when `normalized`
    /// (glTF §3.11 rules: signed values clamp at -1).
    @inlinable
    public func component(_ i: Int) -> Float {
        bytes.withUnsafeBytes { raw in
            switch componentType {
            case .float32: return raw.loadUnaligned(fromByteOffset: i * 4, as: Float.self)
            case .uint8:
                let v = Float(raw[i])
                return normalized ? v / 255 : v
            case .int8:
                let v = Float(Int8(bitPattern: raw[i]))
                return normalized ? max(v / 127, -1) : v
            case .uint16:
                let v = Float(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)))
                return normalized ? v / 65535 : v
            case .int16:
                let v = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: i * 2, as: Int16.self)))
                return normalized ? max(v / 32767, -1) : v
            case .uint32:
                let v = Float(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
                return v
            }
        }
    }

    /// Every component as Float (de-normalized), in order.
    public func floats() -> [Float] {
        if componentType == .float32 {
            return bytes.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        }
        return (0..<componentCount).map { component($0) }
    }

    /// Every component as an unsigned integer (for indices and joints); floats are truncated.
    public func uints() -> [UInt32] {
        bytes.withUnsafeBytes { raw -> [UInt32] in
            switch componentType {
            case .uint8: return raw.map { UInt32($0) }
            case .int8: return raw.map { UInt32(bitPattern: Int32(Int8(bitPattern: $0))) }
            case .uint16: return raw.bindMemory(to: UInt16.self).map { UInt32(UInt16(littleEndian: $0)) }
            case .int16: return raw.bindMemory(to: Int16.self).map { UInt32(bitPattern: Int32(Int16(littleEndian: $0))) }
            case .uint32: return raw.bindMemory(to: UInt32.self).map { UInt32(littleEndian: $0) }
            case .float32: return raw.bindMemory(to: Float.self).map { $0.isFinite && $0 >= 0 ? UInt32(min($0, 4.0e9)) : 0 }
            }
        }
    }

    /// Element `i` as a Vec3 (missing components are 0).
    public func vec3(_ i: Int) -> Vec3 {
        let n = componentsPerElement, b = i * n
        return Vec3(component(b), n > 1 ? component(b + 1) : 0, n > 2 ? component(b + 2) : 0)
    }

    public func vec2(_ i: Int) -> Vec2 {
        let n = componentsPerElement, b = i * n
        return Vec2(component(b), n > 1 ? component(b + 1) : 0)
    }

    public func vec4(_ i: Int) -> Vec4 {
        let n = componentsPerElement, b = i * n
        return Vec4(component(b), n > 1 ? component(b + 1) : 0, n > 2 ? component(b + 2) : 0, n > 3 ? component(b + 3) : 1)
    }

    /// Per-component minimum and maximum over all elements (what glTF wants in accessor
    /// min/max), in the stored (not de-normalized) value space.
    public func bounds() -> (min: [Double], max: [Double])? {
        let n = componentsPerElement
        guard count > 0 else { return nil }
        var lo = [Double](repeating: .infinity, count: n), hi = [Double](repeating: -.infinity, count: n)
        bytes.withUnsafeBytes { raw in
            for e in 0..<count {
                for c in 0..<n {
                    let i = e * n + c
                    let v: Double
                    switch componentType {
                    case .float32: v = Double(raw.loadUnaligned(fromByteOffset: i * 4, as: Float.self))
                    case .uint8: v = Double(raw[i])
                    case .int8: v = Double(Int8(bitPattern: raw[i]))
                    case .uint16: v = Double(raw.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self))
                    case .int16: v = Double(raw.loadUnaligned(fromByteOffset: i * 2, as: Int16.self))
                    case .uint32: v = Double(raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                    }
                    if v < lo[c] { lo[c] = v }
                    if v > hi[c] { hi[c] = v }
                }
            }
        }
        return (lo, hi)
    }
}
