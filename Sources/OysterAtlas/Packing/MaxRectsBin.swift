// MaxRects bin packing: Jylänki, "A Thousand Ways to Pack the Bin" (2010), §2.
// The free list holds every maximal empty rectangle; a placement splits the free rectangles it
// touches and prunes the pieces contained in others. Only new pieces are checked for
// containment: old ones were maximal already, and a new piece lies inside a split old one, so
// no old piece can sit inside a new one.

/// One page being filled with the MaxRects algorithm.
struct MaxRectsBin {
    let width: Int32
    let height: Int32
    let heuristic: PackHeuristic
    let allowRotation: Bool
    private(set) var free: [IRect]
    /// Placed rectangles, kept only for the contact-point rule.
    private var used: [IRect] = []
    private var scratch: [IRect] = []
    /// Work done so far (free rectangles visited), for the caller's deterministic budget.
    private(set) var work = 0

    init(width: Int, height: Int, heuristic: PackHeuristic, allowRotation: Bool) {
        self.width = Int32(width)
        self.height = Int32(height)
        self.heuristic = heuristic
        self.allowRotation = allowRotation
        free = [IRect(x: 0, y: 0, w: Int32(width), h: Int32(height))]
        free.reserveCapacity(256)
    }

    // MARK: - Choosing

    /// The best spot for a `w`×`h` rectangle, or nil when none fits.
    mutating func find(_ w: Int32, _ h: Int32) -> Spot? {
        work += free.count * (heuristic == .contactPoint ? 1 + used.count / 4 : 1)
        var best: Spot?
        free.withUnsafeBufferPointer { fr in
            for f in fr {
                if f.w >= w && f.h >= h {
                    let s = score(f, w, h)
                    if best == nil || s.0 < best!.score1 || (s.0 == best!.score1 && s.1 < best!.score2) {
                        best = Spot(rect: IRect(x: f.x, y: f.y, w: w, h: h), rotated: false, score1: s.0, score2: s.1)
                    }
                }
                if allowRotation && w != h && f.w >= h && f.h >= w {
                    let s = score(f, h, w)
                    if best == nil || s.0 < best!.score1 || (s.0 == best!.score1 && s.1 < best!.score2) {
                        best = Spot(rect: IRect(x: f.x, y: f.y, w: h, h: w), rotated: true, score1: s.0, score2: s.1)
                    }
                }
            }
        }
        return best
    }

    @inline(__always) private func score(_ f: IRect, _ w: Int32, _ h: Int32) -> (Int, Int) {
        let lw = Int(f.w - w), lh = Int(f.h - h)
        switch heuristic {
        case .bestShortSideFit: return (min(lw, lh), max(lw, lh))
        case .bestLongSideFit: return (max(lw, lh), min(lw, lh))
        case .bestAreaFit: return (Int(f.w) * Int(f.h) - Int(w) * Int(h), min(lw, lh))
        case .bottomLeft, .skyline: return (Int(f.y + h), Int(f.x))
        case .contactPoint: return (-contact(IRect(x: f.x, y: f.y, w: w, h: h)), Int(f.y))
        }
    }

    /// Length of `r`'s edges touching the page border or placed rectangles.
    private func contact(_ r: IRect) -> Int {
        var s: Int32 = 0
        if r.x == 0 || r.right == width { s += r.h }
        if r.y == 0 || r.bottom == height { s += r.w }
        for u in used {
            if u.x == r.right || u.right == r.x {
                s += max(0, min(u.bottom, r.bottom) - max(u.y, r.y))
            }
            if u.y == r.bottom || u.bottom == r.y {
                s += max(0, min(u.right, r.right) - max(u.x, r.x))
            }
        }
        return Int(s)
    }

    // MARK: - Placing

    /// Marks `r` as used: splits the free rectangles it overlaps and prunes.
    mutating func place(_ r: IRect) {
        if heuristic == .contactPoint { used.append(r) }
        scratch.removeAll(keepingCapacity: true)
        var kept = 0
        let n = free.count
        free.withUnsafeMutableBufferPointer { fr in
            for i in 0..<n {
                let f = fr[i]
                if !f.intersects(r) {
                    fr[kept] = f
                    kept += 1
                    continue
                }
                if r.y > f.y { scratch.append(IRect(x: f.x, y: f.y, w: f.w, h: r.y - f.y)) }
                if r.bottom < f.bottom { scratch.append(IRect(x: f.x, y: r.bottom, w: f.w, h: f.bottom - r.bottom)) }
                if r.x > f.x { scratch.append(IRect(x: f.x, y: f.y, w: r.x - f.x, h: f.h)) }
                if r.right < f.right { scratch.append(IRect(x: r.right, y: f.y, w: f.right - r.right, h: f.h)) }
            }
        }
        free.removeLast(n - kept)
        // Prune new pieces: drop those inside another new piece (the later of equal ones) or
        // inside a surviving old rectangle.
        let m = scratch.count
        work += n + m * (m + kept)
        let survivors = scratch.withUnsafeBufferPointer { nw in
            free.withUnsafeBufferPointer { old -> [IRect] in
                var survivors: [IRect] = []
                survivors.reserveCapacity(m)
                outer: for i in 0..<m {
                    let a = nw[i]
                    for j in 0..<m where j != i {
                        let b = nw[j]
                        if b.contains(a) && (a != b || j < i) { continue outer }
                    }
                    for b in old where b.contains(a) { continue outer }
                    survivors.append(a)
                }
                return survivors
            }
        }
        free.append(contentsOf: survivors)
    }
}
