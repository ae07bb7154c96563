import OysterCore

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

/// Image dimensions from PNG and JPEG headers, without decoding.
public enum ImageHeader {
    /// Width and height of a PNG (IHDR) or JPEG (first SOFn marker); nil for other or
    /// malformed data.
    public static func dimensions(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            // https://www.w3.org/TR/png/#11IHDR : IHDR is the first chunk; width, height big-endian.
            guard Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
            let w = be32(bytes, 16), h = be32(bytes, 20)
            return w > 0 && h > 0 ? (w, h) : nil
        }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 { return jpegDimensions(bytes) }
        return nil
    }

    // https://www.w3.org/Graphics/JPEG/itu-t81.pdf B.2: walk marker segments to a SOFn.
    private static func jpegDimensions(_ b: [UInt8]) -> (width: Int, height: Int)? {
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2 else { return nil }
            let isSOF = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isSOF {
                guard i + 9 <= b.count else { return nil }
                let h = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let w = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return w > 0 && h > 0 ? (w, h) : nil
            }
            if marker == 0xDA || marker == 0xD9 { return nil }  // scan before any frame header
            i += 2 + length
        }
        return nil
    }

    private static func be32(_ b: [UInt8], _ o: Int) -> Int {
        Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3])
    }
}
