import OysterCore

/// Options of `atlasScene`, with defaults suited to real-time engines.
public struct SceneAtlasOptions: Hashable, Sendable {
    /// Largest atlas page side, in pixels. Default 4096.
    public var maxSize = 4096
    /// Mip levels kept free of bleeding: tiles sit on a grid of 2^mipLevels pixels with a
    /// gutter of half that on each side. Default 3 (8-pixel grid, 4-pixel gutters).
    public var mipLevels = 3
    /// Largest number of UV repeats per axis baked into a tile (a baked repeat costs texture
    /// memory); beyond it triangles are cut (`splitRepeats`) or the material stays out with a
    /// note. Default 2.
    public var maxRepeat = 2
    /// When UVs repeat more than `maxRepeat` times and the texture wraps with REPEAT, cut the
    /// triangles at whole UV values so each piece samples one period (geometry grows; the look
    /// stays). Default true.
    public var splitRepeats = true
    /// Cutting may add at most this fraction of the scene's drawn triangles; the materials that
    /// add fewest are cut first, the rest stay out with a note. Default 0.5.
    public var maxTriangleGrowth = 0.5
    /// Merge primitives that end up sharing a material. Default true.
    public var mergePrimitives = true
    /// Also merge across nodes: static transforms are baked (`flatten`, meshes used by 4 or
    /// more nodes stay instanced) and static geometry is merged per material. Default false:
    /// the node hierarchy is kept.
    public var mergeAcrossNodes = false
    /// Power-of-two atlas pages. Default false.
    public var powerOfTwo = false

    public init(maxSize: Int = 4096, mipLevels: Int = 3, maxRepeat: Int = 2, splitRepeats: Bool = true,
                maxTriangleGrowth: Double = 0.5, mergePrimitives: Bool = true, mergeAcrossNodes: Bool = false,
                powerOfTwo: Bool = false) {
        self.maxSize = maxSize
        self.splitRepeats = splitRepeats
        self.maxTriangleGrowth = maxTriangleGrowth
        self.mipLevels = mipLevels
        self.maxRepeat = maxRepeat
        self.mergePrimitives = mergePrimitives
        self.mergeAcrossNodes = mergeAcrossNodes
        self.powerOfTwo = powerOfTwo
    }

    /// Tile grid step in pixels.
    var grid: Int { 1 << max(0, min(mipLevels, 8)) }
    /// Gutter on each side of a tile, in pixels (at least one, for bilinear filtering).
    var gutter: Int { max(1, grid / 2) }
}
