import OysterJSON

/// How a primitive's vertices form shapes (glTF `mode`).
public enum PrimitiveMode: Int, Hashable, Sendable, CaseIterable {
    case points = 0, lines, lineLoop, lineStrip, triangles, triangleStrip, triangleFan
}

/// A mesh: primitives sharing morph target weights.
public struct Mesh: Hashable, Sendable {
    public var name: String?
    public var primitives: [Primitive] = []
    /// Default morph target weights.
    public var weights: [Float]?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, primitives: [Primitive] = []) {
        self.name = name
        self.primitives = primitives
    }
}

/// Attribute semantics: glTF names (`POSITION`, `TEXCOORD_0`, `_CUSTOM`, …) keyed to data.
public typealias AttributeSet = [String: DataArray]

/// One draw call: vertex attributes, optional indices, a material and morph targets.
public struct Primitive: Hashable, Sendable {
    public var mode: PrimitiveMode = .triangles
    public var attributes: AttributeSet = [:]
    public var indices: DataArray?
    public var material: Int?
    /// Morph targets: attribute displacements (POSITION, NORMAL, TANGENT, …).
    public var targets: [AttributeSet] = []
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(mode: PrimitiveMode = .triangles, attributes: AttributeSet = [:], indices: DataArray? = nil, material: Int? = nil) {
        self.mode = mode
        self.attributes = attributes
        self.indices = indices
        self.material = material
    }

    public var vertexCount: Int { attributes["POSITION"]?.count ?? attributes.values.first?.count ?? 0 }

    /// Number of triangles drawn (0 for points and lines).
    public var triangleCount: Int {
        let n = indices?.count ?? vertexCount
        switch mode {
        case .triangles: return n / 3
        case .triangleStrip, .triangleFan: return max(0, n - 2)
        default: return 0
        }
    }

    /// Triangle-list vertex indices for any triangle mode (empty for points/lines).
    public func triangleIndices() -> [UInt32] {
        let idx = indices?.uints() ?? (0..<UInt32(vertexCount)).map { $0 }
        switch mode {
        case .triangles: return Array(idx.prefix(idx.count / 3 * 3))
        case .triangleStrip:
            var out: [UInt32] = []
            if idx.count >= 3 {
                for i in 0..<(idx.count - 2) {
                    if i % 2 == 0 { out += [idx[i], idx[i + 1], idx[i + 2]] } else { out += [idx[i + 1], idx[i], idx[i + 2]] }
                }
            }
            return out
        case .triangleFan:
            var out: [UInt32] = []
            if idx.count >= 3 { for i in 1..<(idx.count - 1) { out += [idx[0], idx[i], idx[i + 1]] } }
            return out
        default: return []
        }
    }

    /// Canonical order for writing attribute semantics, so outputs are byte-stable.
    public static func attributeOrder(_ a: String, _ b: String) -> Bool {
        func rank(_ s: String) -> (Int, Int, String) {
            let fixed = ["POSITION": 0, "NORMAL": 1, "TANGENT": 2]
            if let r = fixed[s] { return (r, 0, s) }
            for (i, prefix) in ["TEXCOORD_", "COLOR_", "JOINTS_", "WEIGHTS_"].enumerated() where s.hasPrefix(prefix) {
                return (3 + i, Int(s.dropFirst(prefix.count)) ?? 0, s)
            }
            return (10, 0, s)
        }
        return rank(a) < rank(b)
    }
}
