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

    /// The best spot and the segment it starts on: lowest top edge, then narrowest segment.
    mutating func find(_ w: Int32, _ h: Int32) -> (spot: Spot, segment: Int)? {
        var bestTop = Int32.max, bestSegW = Int32.max, bestX: Int32 = 0, bestY: Int32 = 0
        var bestSeg = -1, bestRot = false
        let turn = allowRotation && w != h
        let lowSide = turn ? min(w, h) : h
        var visited = 0
        skyline.withUnsafeBufferPointer { sk in
            let n = sk.count
            /// Lowest y for width `rw` starting at segment i, or -1 when it does not fit.
            @inline(__always) func fit(_ i: Int, _ rw: Int32, _ rh: Int32) -> Int32 {
                let x = sk[i].x
                if x + rw > width { return -1 }
                var left = rw, j = i, y: Int32 = 0
                while left > 0 && j < n {
                    y = max(y, sk[j].y)
                    if y + rh > height || y + rh > bestTop { return -1 }
                    left -= sk[j].w
                    j += 1
                }
                visited += j - i
                return left > 0 ? -1 : y
            }
            for i in 0..<n {
                // A spot here ends at least this low; skip when it cannot win.
                if sk[i].y + lowSide > bestTop { continue }
                let y = fit(i, w, h)
                if y >= 0 && (y + h < bestTop || (y + h == bestTop && sk[i].w < bestSegW)) {
                    bestTop = y + h; bestSegW = sk[i].w; bestX = sk[i].x; bestY = y; bestSeg = i; bestRot = false
                }
                if turn {
                    let y2 = fit(i, h, w)
                    if y2 >= 0 && (y2 + w < bestTop || (y2 + w == bestTop && sk[i].w < bestSegW)) {
                        bestTop = y2 + w; bestSegW = sk[i].w; bestX = sk[i].x; bestY = y2; bestSeg = i; bestRot = true
                    }
                }
            }
            visited += n
        }
        work += visited
        guard bestSeg >= 0 else { return nil }
        let r = bestRot ? IRect(x: bestX, y: bestY, w: h, h: w) : IRect(x: bestX, y: bestY, w: w, h: h)
        return (Spot(rect: r, rotated: bestRot, score1: Int(bestTop), score2: Int(bestSegW)), bestSeg)
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
