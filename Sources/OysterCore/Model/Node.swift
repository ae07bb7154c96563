import OysterJSON

/// A node's local transform: glTF allows either TRS or a matrix, and we keep which one the
/// source used so files round-trip unchanged.
public enum Transform: Hashable, Sendable {
    case trs(translation: Vec3, rotation: Quat, scale: Vec3)
    case matrix(Mat4)

    public static let identity = Transform.trs(translation: .zero, rotation: .identity, scale: .one)

    public var matrix: Mat4 {
        switch self {
        case .trs(let t, let r, let s): return Mat4(translation: t, rotation: r, scale: s)
        case .matrix(let m): return m
        }
    }

    public var isIdentity: Bool { matrix == .identity }
}

/// A node of the hierarchy: a transform, children and what it carries.
public struct Node: Hashable, Sendable {
    public var name: String?
    public var transform: Transform = .identity
    public var children: [Int] = []
    public var mesh: Int?
    public var skin: Int?
    public var camera: Int?
    /// A KHR_lights_punctual light index.
    public var light: Int?
    /// Morph weights overriding the mesh's defaults.
    public var weights: [Float]?
    /// EXT_mesh_gpu_instancing: per-instance TRANSLATION / ROTATION / SCALE (and custom) arrays.
    public var instancing: [String: DataArray]?
    /// What the node is in its world (terrain, water, a collider, …); see `NodeRole`.
    public var role: NodeRole?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, transform: Transform = .identity, children: [Int] = [], mesh: Int? = nil, role: NodeRole? = nil) {
        self.name = name
        self.role = role
        self.transform = transform
        self.children = children
        self.mesh = mesh
    }
}

extension Scene {
    /// World matrices of every node (identity for nodes not reachable from a root).
    /// Cycles, which only malformed input has, are cut rather than followed.
    public func worldMatrices() -> [Mat4] {
        var world = [Mat4](repeating: .identity, count: nodes.count)
        var visited = [Bool](repeating: false, count: nodes.count)
        var stack: [(Int, Mat4)] = []
        let rootNodes = roots.flatMap(\.nodes) + parentlessNodes()
        for r in rootNodes where nodes.indices.contains(r) { stack.append((r, .identity)) }
        while let (n, parent) = stack.popLast() {
            guard !visited[n] else { continue }
            visited[n] = true
            let m = parent * nodes[n].transform.matrix
            world[n] = m
            for c in nodes[n].children where nodes.indices.contains(c) { stack.append((c, m)) }
        }
        return world
    }
}
