import OysterCore
import OysterImage

/// The figures an export compares before and after processing.
public struct ProcessStatistics: Hashable, Sendable {
    /// Primitives drawn (per node and instance batch).
    public var drawCalls: Int
    /// Triangles drawn per frame, counting instances.
    public var triangles: Int
    /// Vertices drawn, counting instances.
    public var vertices: Int
    /// Node count.
    public var nodes: Int
    /// Mesh count.
    public var meshes: Int
    /// Material count.
    public var materials: Int
    /// Texture count.
    public var textures: Int
    /// Image count.
    public var images: Int
    /// GPU memory of all images decoded to RGBA8 with full mip chains:
    /// width × height × 4 × 4/3, summed. Images whose size cannot be read count 0.
    public var textureBytes: Int
    /// Images whose dimensions could not be read from their header.
    public var unreadableImages: Int

    /// The figures of `scene` (image sizes read from headers, not decoded).
    public init(_ scene: Scene) {
        let s = scene.statistics
        drawCalls = s.drawCalls
        triangles = s.triangles
        vertices = s.vertices
        nodes = s.nodes
        meshes = s.meshes
        materials = s.materials
        textures = s.textures
        images = s.images
        var bytes = 0, unreadable = 0
        for image in scene.images {
            if let pixels = image.pixels {
                bytes += pixels.width * pixels.height * 4 * 4 / 3
            } else if let data = image.data, let size = ImageHeader.dimensions(of: data) {
                bytes += size.width * size.height * 4 * 4 / 3
            } else {
                unreadable += 1
            }
        }
        textureBytes = bytes
        unreadableImages = unreadable
    }

    /// The figures as name → value, for manifests.
    public var figures: [String: Int] {
        ["drawCalls": drawCalls, "triangles": triangles, "vertices": vertices, "nodes": nodes,
         "meshes": meshes, "materials": materials, "textures": textures, "images": images,
         "textureBytes": textureBytes]
    }
}
