/// Width and height of one rectangle to pack, in pixels.
public struct PackSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A free-space choice rule. MaxRects rules follow Jylänki, "A Thousand Ways to Pack the Bin"
/// (2010); `skyline` is the bottom-left skyline packer of the same paper.
public enum PackHeuristic: String, Hashable, Sendable, CaseIterable {
    /// MaxRects, best short side fit.
    case bestShortSideFit
    /// MaxRects, best long side fit.
    case bestLongSideFit
    /// MaxRects, best area fit.
    case bestAreaFit
    /// MaxRects, bottom-left (Tetris) rule.
    case bottomLeft
    /// MaxRects, most contact with page edges and placed rectangles.
    case contactPoint
    /// Skyline, bottom-left.
    case skyline
}

/// How rectangles are packed into pages; defaults suit sprite sheets.
public struct PackOptions: Hashable, Sendable {
    /// Largest page width and height.
    public var maxWidth = 2048
    public var maxHeight = 2048
    /// Empty pixels between neighbouring frames (not at page borders).
    public var padding = 0
    /// Pixels of edge repetition around every frame (inside the page).
    public var extrude = 0
    /// Frames may be turned 90° (clockwise, as TexturePacker does) to fit better.
    public var allowRotation = false
    /// Page sides are powers of two.
    public var powerOfTwo = false
    /// Pages are square.
    public var square = false
    /// Longest page side over shortest side, at most (e.g. 2 for GPU-friendly pages); nil lets
    /// the densest page win whatever its shape. A search that finds no such page keeps the
    /// densest one.
    public var maxAspectRatio: Double?
    /// Rules tried; the densest result is kept.
    public var heuristics: [PackHeuristic] = PackHeuristic.allCases
    /// How long to search page sizes, rules and orders, as a multiple of the default budget
    /// (counted work, so results stay deterministic): 0.1 is quick, 4 searches longer.
    public var effort = 1.0

    public init(maxWidth: Int = 2048, maxHeight: Int = 2048, padding: Int = 0, extrude: Int = 0,
                allowRotation: Bool = false, powerOfTwo: Bool = false, square: Bool = false) {
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.padding = padding
        self.extrude = extrude
        self.allowRotation = allowRotation
        self.powerOfTwo = powerOfTwo
        self.square = square
    }
}

/// Why rectangles could not be packed.
public enum PackError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Rectangle `index` (with padding and extrusion) is larger than the largest page.
    case tooLarge(index: Int, width: Int, height: Int)
    /// An option is out of range.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .tooLarge(_, let w, let h): return "\(w)x\(h) does not fit in the largest page"
        case .invalidOption(let what): return what
        }
    }
}
