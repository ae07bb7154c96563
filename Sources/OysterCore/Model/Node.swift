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
        Scene.compose(nodes.map(\.transform.matrix), in: compositionOrder())
    }

    /// One step of composing world matrices: `node`'s world is its parent's world (identity
    /// for a root) times its local matrix.
    public struct Composition: Sendable {
        public var node: Int
        public var parent: Int?
    }

    /// The order world matrices are composed in: depth first from the roots (the default
    /// scene's, then nodes nobody lists as a child), each node once, its parent before it.
    public func compositionOrder() -> [Composition] {
        var order: [Composition] = []
        order.reserveCapacity(nodes.count)
        var visited = [Bool](repeating: false, count: nodes.count)
        var stack: [Composition] = []
        let rootNodes = roots.flatMap(\.nodes) + parentlessNodes()
        for r in rootNodes where nodes.indices.contains(r) { stack.append(Composition(node: r, parent: nil)) }
        while let step = stack.popLast() {
            guard !visited[step.node] else { continue }
            visited[step.node] = true
            order.append(step)
            for c in nodes[step.node].children where nodes.indices.contains(c) { stack.append(Composition(node: c, parent: step.node)) }
        }
        return order
    }

    /// World matrices from local ones in `order` (identity for nodes it does not reach).
    public static func compose(_ locals: [Mat4], in order: [Composition]) -> [Mat4] {
        var world = [Mat4](repeating: .identity, count: locals.count)
        for step in order {
            world[step.node] = step.parent.map { world[$0] * locals[step.node] } ?? (Mat4.identity * locals[step.node])
        }
        return world
    }
}
