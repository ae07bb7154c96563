// MaxRects bin packing: Jylänki, "A Thousand Ways to Pack the Bin" (2010), §2.
// The free list holds every maximal empty rectangle; a placement splits the free rectangles it
// touches and prunes the pieces contained in others. Only new pieces are checked for
// containment: old ones were maximal already, and a new piece lies inside a split old one, so
// no old piece can sit inside a new one. The free list is kept as columns (x, y, right,
// bottom) so the containment scan runs eight rectangles per step.

/// One page being filled with the MaxRects algorithm.
struct MaxRectsBin {
    let width: Int32
    let height: Int32
    let heuristic: PackHeuristic
    let allowRotation: Bool
    /// Free rectangles as columns: left, top, right, bottom (exclusive).
    private var fx: [Int32], fy: [Int32], fr: [Int32], fb: [Int32]
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
        fx = [0]
        fy = [0]
        fr = [Int32(width)]
        fb = [Int32(height)]
        fx.reserveCapacity(256); fy.reserveCapacity(256); fr.reserveCapacity(256); fb.reserveCapacity(256)
    }

    // MARK: - Choosing

    /// The best spot for a `w`×`h` rectangle, or nil when none fits.
    mutating func find(_ w: Int32, _ h: Int32) -> Spot? {
        let n = fx.count
        work += n * (heuristic == .contactPoint ? 1 + used.count / 4 : 1)
        var best: Spot?
        var b1 = Int.max, b2 = Int.max
        let turn = allowRotation && w != h
        fx.withUnsafeBufferPointer { xs in
            fy.withUnsafeBufferPointer { ys in
                fr.withUnsafeBufferPointer { rs in
                    fb.withUnsafeBufferPointer { bs in
                        for i in 0..<n {
                            let fw = rs[i] - xs[i], fh = bs[i] - ys[i]
                            let fits = fw >= w && fh >= h, fitsTurned = turn && fw >= h && fh >= w
                            guard fits || fitsTurned else { continue }
                            let f = IRect(x: xs[i], y: ys[i], w: fw, h: fh)
                            if fits {
                                let s = score(f, w, h)
                                if s.0 < b1 || (s.0 == b1 && s.1 < b2) {
                                    b1 = s.0; b2 = s.1
                                    best = Spot(rect: IRect(x: f.x, y: f.y, w: w, h: h), rotated: false, score1: s.0, score2: s.1)
                                }
                            }
                            if fitsTurned {
                                let s = score(f, h, w)
                                if s.0 < b1 || (s.0 == b1 && s.1 < b2) {
                                    b1 = s.0; b2 = s.1
                                    best = Spot(rect: IRect(x: f.x, y: f.y, w: h, h: w), rotated: true, score1: s.0, score2: s.1)
                                }
                            }
                        }
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
        let n = fx.count
        let rx = r.x, ry = r.y, rr = r.right, rb = r.bottom
        var kept = 0
        var pieces = scratch
        scratch = []
        fx.withUnsafeMutableBufferPointer { xs in
            fy.withUnsafeMutableBufferPointer { ys in
                fr.withUnsafeMutableBufferPointer { rs in
                    fb.withUnsafeMutableBufferPointer { bs in
                        for i in 0..<n {
                            let x = xs[i], y = ys[i], right = rs[i], bottom = bs[i]
                            if rx >= right || rr <= x || ry >= bottom || rb <= y {
                                xs[kept] = x; ys[kept] = y; rs[kept] = right; bs[kept] = bottom
                                kept += 1
                                continue
                            }
                            if ry > y { pieces.append(IRect(x: x, y: y, w: right - x, h: ry - y)) }
                            if rb < bottom { pieces.append(IRect(x: x, y: rb, w: right - x, h: bottom - rb)) }
                            if rx > x { pieces.append(IRect(x: x, y: y, w: rx - x, h: bottom - y)) }
                            if rr < right { pieces.append(IRect(x: rr, y: y, w: right - rr, h: bottom - y)) }
                        }
                    }
                }
            }
        }
        scratch = pieces
        fx.removeLast(n - kept); fy.removeLast(n - kept); fr.removeLast(n - kept); fb.removeLast(n - kept)
        let m = scratch.count
        work += n + m * (m + kept)
        // Prune new pieces: drop those inside another new piece (the later of equal ones) or
        // inside a surviving old rectangle.
        var survivors: [IRect] = []
        survivors.reserveCapacity(m)
        outer: for i in 0..<m {
            let a = scratch[i]
            for j in 0..<m where j != i {
                let b = scratch[j]
                if b.contains(a) && (a != b || j < i) { continue outer }
            }
            if oldContains(a, count: kept) { continue outer }
            survivors.append(a)
        }
        for a in survivors {
            fx.append(a.x); fy.append(a.y); fr.append(a.right); fb.append(a.bottom)
        }
    }

    /// Whether one of the first `count` free rectangles contains `a` (eight per step).
    private func oldContains(_ a: IRect, count: Int) -> Bool {
        let ax = a.x, ay = a.y, ar = a.right, ab = a.bottom
        return fx.withUnsafeBufferPointer { xs in
            fy.withUnsafeBufferPointer { ys in
                fr.withUnsafeBufferPointer { rs in
                    fb.withUnsafeBufferPointer { bs in
                        var j = 0
                        let vx = SIMD8<Int32>(repeating: ax), vy = SIMD8<Int32>(repeating: ay)
                        let vr = SIMD8<Int32>(repeating: ar), vb = SIMD8<Int32>(repeating: ab)
                        while j + 8 <= count {
                            let x = UnsafeRawPointer(xs.baseAddress! + j).loadUnaligned(as: SIMD8<Int32>.self)
                            let y = UnsafeRawPointer(ys.baseAddress! + j).loadUnaligned(as: SIMD8<Int32>.self)
                            let r = UnsafeRawPointer(rs.baseAddress! + j).loadUnaligned(as: SIMD8<Int32>.self)
                            let b = UnsafeRawPointer(bs.baseAddress! + j).loadUnaligned(as: SIMD8<Int32>.self)
                            let inside = (x .<= vx) .& (y .<= vy) .& (r .>= vr) .& (b .>= vb)
                            if any(inside) { return true }
                            j += 8
                        }
                        while j < count {
                            if xs[j] <= ax && ys[j] <= ay && rs[j] >= ar && bs[j] >= ab { return true }
                            j += 1
                        }
                        return false
                    }
                }
            }
        }
    }
}
