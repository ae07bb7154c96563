/// Counts tools print and compare (draw calls, triangles, texture memory).
public struct SceneStatistics: Hashable, Sendable {
    public var nodes = 0
    public var meshes = 0
    public var materials = 0
    public var textures = 0
    public var images = 0
    public var animations = 0
    public var cameras = 0
    public var lights = 0
    public var skins = 0
    /// Primitives drawn, counting every node (and GPU instance batch) that references a mesh.
    public var drawCalls = 0
    /// Triangles drawn per frame, counting instances.
    public var triangles = 0
    public var vertices = 0
}

extension Scene {
    public var statistics: SceneStatistics {
        var s = SceneStatistics()
        s.nodes = nodes.count
        s.meshes = meshes.count
        s.materials = materials.count
        s.textures = textures.count
        s.images = images.count
        s.animations = animations.count
        s.cameras = cameras.count
        s.lights = lights.count
        s.skins = skins.count
        for node in nodes {
            guard let m = node.mesh, meshes.indices.contains(m) else { continue }
            let instances = node.instancing?.values.first?.count ?? 1
            for p in meshes[m].primitives {
                s.drawCalls += 1
                s.triangles += p.triangleCount * instances
                s.vertices += p.vertexCount * instances
            }
        }
        return s
    }
}
