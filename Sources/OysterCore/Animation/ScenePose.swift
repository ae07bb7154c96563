/// A scene's evaluated state at one moment of one animation: what a renderer draws.
///
/// Arrays run parallel to the scene's: `localMatrices[i]` and `worldMatrices[i]` belong to
/// `scene.nodes[i]`, `jointMatrices[s]` to `scene.skins[s]`.
public struct ScenePose: Hashable, Sendable {
    /// Each node's local transform with the animation applied (TRS when animated).
    public var localTransforms: [Transform]
    /// Each node's world matrix (identity for nodes not reachable from a root).
    public var worldMatrices: [Mat4]
    /// Each node's morph weights: the animated ones, else `node.weights`, else the mesh's
    /// defaults; empty when the node has no morph targets.
    public var weights: [[Float]]
    /// Per skin, per joint: `inverse(world of the skinned mesh node) · world of the joint ·
    /// inverse bind matrix` (glTF §3.7.3.3), using the first node that uses the skin; with no such
    /// node, the mesh node's world is taken as identity.
    public var jointMatrices: [[Mat4]]

    /// Each node's local matrix.
    public var localMatrices: [Mat4] { localTransforms.map(\.matrix) }

    /// A pose from its parts.
    public init(localTransforms: [Transform], worldMatrices: [Mat4], weights: [[Float]], jointMatrices: [[Mat4]]) {
        self.localTransforms = localTransforms
        self.worldMatrices = worldMatrices
        self.weights = weights
        self.jointMatrices = jointMatrices
    }
}
