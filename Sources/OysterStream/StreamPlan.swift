/// When each tile is needed over a shot: from the tiles every frame needs (`TileWindow`), the
/// spans of frames over which a tile stays loaded. A tile is loaded at the first frame of its
/// span and dropped after the last; one that leaves the window and comes back later gets a
/// new span. At any frame the loaded tiles are exactly that frame's window, so memory stays
/// bounded by the window's size however long the shot.
public struct StreamPlan: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var tile: TileKey
        /// First and last frame (inclusive) the tile is loaded for.
        public var first: Int
        public var last: Int
    }

    /// Every span, in the order tiles are first needed (by frame, then by tile order): the
    /// order workers stage them in.
    public private(set) var spans: [Span] = []
    /// Per frame: its tiles as indices into `spans`, in tile (draw) order.
    public private(set) var frames: [[Int]] = []

    /// The plan for frames needing `windows[f]` (each sorted, without repeats).
    public init(windows: [[TileKey]]) {
        var open: [TileKey: Int] = [:]
        for (f, window) in windows.enumerated() {
            let present = Set(window)
            open = open.filter { present.contains($0.key) }
            var indices: [Int] = []
            indices.reserveCapacity(window.count)
            for tile in window {
                if let i = open[tile] {
                    spans[i].last = f
                    indices.append(i)
                } else {
                    open[tile] = spans.count
                    indices.append(spans.count)
                    spans.append(Span(tile: tile, first: f, last: f))
                }
            }
            frames.append(indices)
        }
    }

    /// Most tiles loaded at once.
    public var peakTiles: Int { frames.map(\.count).max() ?? 0 }
}
