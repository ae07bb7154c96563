// Skyline bottom-left packing: Jylänki, "A Thousand Ways to Pack the Bin" (2010), §3.
// The top edge of the packed area is kept as a list of horizontal segments; each rectangle
// goes where its top ends lowest. Fast (work grows with the skyline, not the free area).

/// One page being filled with the skyline algorithm.
struct SkylineBin {
    struct Segment { var x: Int32, y: Int32, w: Int32 }

    let width: Int32
    let height: Int32
    let allowRotation: Bool
    private(set) var skyline: [Segment]
    /// Work done so far (segments visited), for the caller's deterministic budget.
    private(set) var work = 0

    init(width: Int, height: Int, allowRotation: Bool) {
        self.width = Int32(width)
        self.height = Int32(height)
        self.allowRotation = allowRotation
        skyline = [Segment(x: 0, y: 0, w: Int32(width))]
    }

    /// The lowest y at which a `w`×`h` rectangle fits starting on segment `i`, or nil.
    @inline(__always) private func fit(_ i: Int, _ w: Int32, _ h: Int32) -> Int32? {
        let x = skyline[i].x
        if x + w > width { return nil }
        var left = w, j = i, y: Int32 = 0
        while left > 0 {
            y = max(y, skyline[j].y)
            if y + h > height { return nil }
            left -= skyline[j].w
            j += 1
        }
        return y
    }

    /// The best spot (segment index in `score2`'s place is kept separately).
    mutating func find(_ w: Int32, _ h: Int32) -> (spot: Spot, segment: Int)? {
        work += skyline.count * 2
        var best: Spot?, seg = 0
        for i in skyline.indices {
            if let y = fit(i, w, h) {
                let s = Spot(rect: IRect(x: skyline[i].x, y: y, w: w, h: h), rotated: false, score1: Int(y + h), score2: Int(skyline[i].w))
                if s.better(than: best) { best = s; seg = i }
            }
            if allowRotation && w != h, let y = fit(i, h, w) {
                let s = Spot(rect: IRect(x: skyline[i].x, y: y, w: h, h: w), rotated: true, score1: Int(y + w), score2: Int(skyline[i].w))
                if s.better(than: best) { best = s; seg = i }
            }
        }
        return best.map { ($0, seg) }
    }

    /// Raises the skyline over `r`, placed at segment `index`.
    mutating func place(_ r: IRect, segment index: Int) {
        skyline.insert(Segment(x: r.x, y: r.y + r.h, w: r.w), at: index)
        let i = index + 1
        while i < skyline.count {
            let prev = skyline[i - 1]
            guard skyline[i].x < prev.x + prev.w else { break }
            let shrink = prev.x + prev.w - skyline[i].x
            skyline[i].x += shrink
            skyline[i].w -= shrink
            if skyline[i].w <= 0 { skyline.remove(at: i) } else { break }
        }
        // Merge neighbours of equal height.
        var j = 0
        while j + 1 < skyline.count {
            if skyline[j].y == skyline[j + 1].y {
                skyline[j].w += skyline[j + 1].w
                skyline.remove(at: j + 1)
            } else {
                j += 1
            }
        }
    }
}
