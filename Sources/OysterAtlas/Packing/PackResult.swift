/// Where one rectangle went: its page and the frame it occupies there.
public struct Placement: Hashable, Sendable {
    public var page: Int
    /// Top-left corner of the frame (without extrusion) in page pixels.
    public var x: Int
    public var y: Int
    /// The frame's size on the page: the source's size, swapped when `rotated`.
    public var width: Int
    public var height: Int
    /// The source was turned 90° clockwise to fit.
    public var rotated: Bool

    public init(page: Int, x: Int, y: Int, width: Int, height: Int, rotated: Bool) {
        self.page = page
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.rotated = rotated
    }
}

/// One page of a packing: its final (shrunk) size and which rectangles it holds.
public struct PackedPage: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// Indices into the input, in placement order.
    public var items: [Int]
}

/// The result of `packRectangles`: pages, and one placement per input rectangle.
public struct PackResult: Hashable, Sendable {
    public var pages: [PackedPage]
    public var placements: [Placement]
    /// Which rule produced the first page (for reports).
    public var heuristic: PackHeuristic?

    /// Total area of the frames (without padding) over total page area.
    public var occupancy: Double {
        let pageArea = pages.reduce(0) { $0 + $1.width * $1.height }
        let used = placements.reduce(0) { $0 + $1.width * $1.height }
        return pageArea > 0 ? Double(used) / Double(pageArea) : 0
    }
}
