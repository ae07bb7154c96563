/// One named image to put in an atlas.
public struct Sprite: Sendable {
    /// The frame's key in the manifest (usually the file name).
    public var name: String
    public var bitmap: AtlasBitmap

    public init(name: String, bitmap: AtlasBitmap) {
        self.name = name
        self.bitmap = bitmap
    }
}

/// A drawn atlas page and the frames on it.
public struct SpritePage: Sendable {
    public var bitmap: AtlasBitmap
    /// Indices into the input sprites, in placement order.
    public var sprites: [Int]
}

/// Sprites packed and drawn into pages.
public struct SpriteAtlas: Sendable {
    public var pages: [SpritePage]
    /// One placement per input sprite.
    public var packing: PackResult
}

/// Packs sprites and draws the pages: rotated frames are turned 90° clockwise, and each frame
/// is surrounded by `options.extrude` pixels of its own edge.
public func buildSpriteAtlas(_ sprites: [Sprite], options: PackOptions) throws -> SpriteAtlas {
    let sizes = sprites.map { PackSize(width: $0.bitmap.width, height: $0.bitmap.height) }
    let packing = try packRectangles(sizes, options: options)
    var pages = packing.pages.map { SpritePage(bitmap: AtlasBitmap(width: $0.width, height: $0.height), sprites: $0.items) }
    for (i, sprite) in sprites.enumerated() {
        let p = packing.placements[i]
        guard p.width > 0, pages.indices.contains(p.page) else { continue }
        let source = p.rotated ? sprite.bitmap.rotatedClockwise() : sprite.bitmap
        pages[p.page].bitmap.draw(source, x: p.x, y: p.y, extrude: options.extrude)
    }
    return SpriteAtlas(pages: pages, packing: packing)
}
