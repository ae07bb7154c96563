/// An integer rectangle in bin space (sizes include padding and extrusion).
struct IRect: Hashable {
    var x: Int32, y: Int32, w: Int32, h: Int32

    @inline(__always) var right: Int32 { x + w }
    @inline(__always) var bottom: Int32 { y + h }

    @inline(__always) func contains(_ o: IRect) -> Bool {
        o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h
    }

    @inline(__always) func intersects(_ o: IRect) -> Bool {
        o.x < x + w && o.x + o.w > x && o.y < y + h && o.y + o.h > y
    }
}

/// A chosen spot: position, orientation and its score (lower is better, compared in order).
struct Spot {
    var rect: IRect
    var rotated: Bool
    var score1: Int
    var score2: Int

    @inline(__always) func better(than o: Spot?) -> Bool {
        guard let o else { return true }
        return score1 < o.score1 || (score1 == o.score1 && score2 < o.score2)
    }
}
