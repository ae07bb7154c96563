import OysterCore
import OysterProcess

/// What `atlasScene` did: counts before and after, the pages made, and what was left out.
public struct AtlasReport: Hashable, Sendable {
    public var drawCallsBefore = 0
    public var drawCallsAfter = 0
    public var trianglesBefore = 0
    public var trianglesAfter = 0
    /// Primitives cut at whole UV values (see `SceneAtlasOptions.splitRepeats`).
    public var primitivesSplit = 0
    public var materialsBefore = 0
    public var materialsAfter = 0
    public var imagesBefore = 0
    public var imagesAfter = 0
    /// Decoded RGBA8 bytes with full mip chains (see `ProcessStatistics.textureBytes`).
    public var textureBytesBefore = 0
    public var textureBytesAfter = 0
    /// One entry per atlas page made.
    public var pages: [AtlasPageInfo] = []
    /// Materials left out and why, one line each.
    public var notes: [String] = []

    public init() {}

    /// The report in the pipeline's form, for tool output and export manifests.
    public var passReport: PassReport {
        PassReport(name: "atlas", figures: [
            "drawCallsBefore": Double(drawCallsBefore), "drawCallsAfter": Double(drawCallsAfter),
            "materialsBefore": Double(materialsBefore), "materialsAfter": Double(materialsAfter),
            "imagesBefore": Double(imagesBefore), "imagesAfter": Double(imagesAfter),
            "textureBytesBefore": Double(textureBytesBefore), "textureBytesAfter": Double(textureBytesAfter),
            "atlasPages": Double(pages.count), "trianglesBefore": Double(trianglesBefore),
            "trianglesAfter": Double(trianglesAfter), "primitivesSplit": Double(primitivesSplit),
        ], notes: notes)
    }
}

/// One atlas page: its size, the channels drawn and how many materials share it.
public struct AtlasPageInfo: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var slots: [TextureSlot]
    public var materials: Int
    /// The new material's index in the scene (after compaction).
    public var material: Int
    /// Tile area over page area.
    public var occupancy: Double
}
