// The packing driver: fills pages with the best of several rules and orders, then shrinks
// each page to the smallest size that still holds its content (most of the occupancy is won
// there). Everything is deterministic: orders are stable and ties fall to the lower index.

/// Packs rectangles into as few, as small pages as the options allow.
///
/// Frames never overlap, stay `extrude` pixels inside the page, and keep `padding + 2·extrude`
/// pixels between each other. Zero-sized rectangles get a placement at the origin of page 0.
public func packRectangles(_ sizes: [PackSize], options: PackOptions = PackOptions()) throws -> PackResult {
    var packer = try RectPacker(sizes: sizes, options: options)
    return packer.run()
}

/// The state of one packing run.
struct RectPacker {
    let options: PackOptions
    let sizes: [PackSize]
    /// Sizes in bin space: frame + 2·extrude + padding (the padding of the last column and row
    /// falls outside the page, because the bin is `padding` larger than the page).
    let binW: [Int32], binH: [Int32]
    let maxW: Int, maxH: Int
    let pad: Int
    var heuristics: [PackHeuristic]
    /// Candidate orders of the items (each a permutation), tried with every heuristic.
    var orderKeys: [OrderKey] = OrderKey.allCases
    /// Work units (free rectangles or skyline segments visited) spent and allowed. Counting
    /// work instead of time keeps the search deterministic; about 1e6 units take a millisecond.
    var work = 0
    let workLimit: Int

    init(sizes: [PackSize], options: PackOptions) throws {
        guard options.maxWidth > 0, options.maxHeight > 0, options.maxWidth <= 1 << 15, options.maxHeight <= 1 << 15 else {
            throw PackError.invalidOption("maximum page size must be between 1 and 32768")
        }
        guard options.padding >= 0, options.extrude >= 0, options.padding <= 1024, options.extrude <= 1024 else {
            throw PackError.invalidOption("padding and extrude must be between 0 and 1024")
        }
        self.options = options
        self.sizes = sizes
        var mw = options.maxWidth, mh = options.maxHeight
        if options.powerOfTwo { mw = floorPowerOfTwo(mw); mh = floorPowerOfTwo(mh) }
        if options.square { mw = min(mw, mh); mh = mw }
        maxW = mw
        maxH = mh
        pad = options.padding
        let grow = 2 * options.extrude + options.padding
        var bw = [Int32](), bh = [Int32]()
        bw.reserveCapacity(sizes.count)
        bh.reserveCapacity(sizes.count)
        for (i, s) in sizes.enumerated() {
            let w = max(0, s.width), h = max(0, s.height)
            guard w <= 1 << 15, h <= 1 << 15 else { throw PackError.tooLarge(index: i, width: w, height: h) }
            bw.append(Int32(w == 0 || h == 0 ? 0 : w + grow))
            bh.append(Int32(w == 0 || h == 0 ? 0 : h + grow))
            let fits = w + grow <= mw + pad && h + grow <= mh + pad
            let fitsTurned = options.allowRotation && h + grow <= mw + pad && w + grow <= mh + pad
            if w > 0 && h > 0 && !fits && !fitsTurned { throw PackError.tooLarge(index: i, width: w, height: h) }
        }
        binW = bw
        binH = bh
        var rules = options.heuristics.isEmpty ? [.bestShortSideFit] : options.heuristics
        // Contact scoring is quadratic in the placed count; skip it on big inputs.
        if sizes.count > 1500 && rules.count > 1 { rules.removeAll { $0 == .contactPoint } }
        // Cheap rules first, so a tight budget still gets a complete pack.
        heuristics = rules.sorted { RectPacker.ruleCost($0) < RectPacker.ruleCost($1) }
        // ~30 ms of search for small inputs; less per item on big ones, so 10,000 stay fast.
        let scale = sizes.count <= 2000 ? 1 : 2000.0 / Double(sizes.count)
        let effort = options.effort.isFinite ? min(max(options.effort, 0.001), 1000) : 1
        workLimit = max(1, Int(effort * 30_000_000 * scale))
    }

    // MARK: - Driver

    mutating func run() -> PackResult {
        var placements = sizes.map { _ in Placement(page: 0, x: 0, y: 0, width: 0, height: 0, rotated: false) }
        var remaining = sizes.indices.filter { binW[$0] > 0 }
        var pages: [PackedPage] = []
        var firstHeuristic: PackHeuristic?
        while !remaining.isEmpty {
            let orders = orderKeys.map { key in key.sorted(remaining, binW, binH) }
            // Fill a largest page with the trial that places the most area.
            var best: Trial?
            var winner = (0, 0)
            for (hi, h) in heuristics.enumerated() {
                for (oi, order) in orders.enumerated() {
                    // The first trial always runs to the end; later ones only within budget, and
                    // filling keeps half of what is left for shrinking the page.
                    let limit = best == nil ? Int.max : (workLimit - work) / 2
                    guard limit > 0 else { break }
                    let t = runTrial(order, width: maxW, height: maxH, heuristic: h, requireAll: false, limit: limit)
                    if t.aborted { continue }
                    if best == nil || t.placedArea > best!.placedArea
                        || (t.placedArea == best!.placedArea && pageArea(t) < pageArea(best!)) {
                        best = t
                        winner = (hi, oi)
                    }
                }
            }
            guard var chosen = best, !chosen.placed.isEmpty else { break }
            if chosen.placed.count == remaining.count {
                chosen = shrink(orders: orders, start: chosen, winner: winner)
            }
            let pageIndex = pages.count
            let (pw, ph) = pageSize(chosen)
            var items: [Int] = []
            items.reserveCapacity(chosen.placed.count)
            var onPage = Set<Int>()
            for p in chosen.placed {
                let e = options.extrude
                let s = sizes[p.index]
                placements[p.index] = Placement(page: pageIndex, x: Int(p.rect.x) + e, y: Int(p.rect.y) + e,
                                                width: p.rotated ? s.height : s.width,
                                                height: p.rotated ? s.width : s.height, rotated: p.rotated)
                items.append(p.index)
                onPage.insert(p.index)
            }
            pages.append(PackedPage(width: pw, height: ph, items: items))
            if firstHeuristic == nil { firstHeuristic = chosen.heuristic }
            remaining = remaining.filter { !onPage.contains($0) }
        }
        return PackResult(pages: pages, placements: placements, heuristic: firstHeuristic)
    }

    /// Relative cost of a rule, to try cheap ones first.
    static func ruleCost(_ h: PackHeuristic) -> Int {
        switch h {
        case .skyline: return 0
        case .bottomLeft: return 1
        case .bestShortSideFit: return 2
        case .bestAreaFit: return 3
        case .bestLongSideFit: return 4
        case .contactPoint: return 5
        }
    }

    // MARK: - Trials

    struct Placed { var index: Int; var rect: IRect; var rotated: Bool }

    struct Trial {
        var placed: [Placed] = []
        var placedArea = 0
        /// Bounding box of the content in page pixels (bin extent minus the trailing padding).
        var width = 0
        var height = 0
        var heuristic: PackHeuristic
        /// The work limit cut the trial short.
        var aborted = false
        /// Work units the trial spent.
        var work = 0
    }

    /// Packs `order` into a `width`×`height` page with one rule. With `requireAll`, stops at
    /// the first rectangle that does not fit (the caller only wants complete packs).
    mutating func runTrial(_ order: [Int], width: Int, height: Int, heuristic: PackHeuristic, requireAll: Bool, limit: Int) -> Trial {
        var t = packTrial(order, width: width, height: height, heuristic: heuristic, requireAll: requireAll, limit: limit)
        if t.work > limit { t.aborted = true }
        work += min(t.work, limit)
        return t
    }

    private func packTrial(_ order: [Int], width: Int, height: Int, heuristic: PackHeuristic, requireAll: Bool, limit: Int) -> Trial {
        var t = Trial(heuristic: heuristic)
        t.placed.reserveCapacity(order.count)
        var right: Int32 = 0, bottom: Int32 = 0
        let bw = width + pad, bh = height + pad
        if heuristic == .skyline {
            var bin = SkylineBin(width: bw, height: bh, allowRotation: options.allowRotation)
            for i in order {
                if bin.work > limit { t.work = bin.work; return t }
                guard let (spot, seg) = bin.find(binW[i], binH[i]) else {
                    if requireAll { t.work = bin.work; return t }
                    continue
                }
                bin.place(spot.rect, segment: seg)
                t.placed.append(Placed(index: i, rect: spot.rect, rotated: spot.rotated))
                t.placedArea += Int(binW[i]) * Int(binH[i])
                right = max(right, spot.rect.right)
                bottom = max(bottom, spot.rect.bottom)
            }
            t.work = bin.work
        } else {
            var bin = MaxRectsBin(width: bw, height: bh, heuristic: heuristic, allowRotation: options.allowRotation)
            for i in order {
                if bin.work > limit { t.work = bin.work; return t }
                guard let spot = bin.find(binW[i], binH[i]) else {
                    if requireAll { t.work = bin.work; return t }
                    continue
                }
                bin.place(spot.rect)
                t.placed.append(Placed(index: i, rect: spot.rect, rotated: spot.rotated))
                t.placedArea += Int(binW[i]) * Int(binH[i])
                right = max(right, spot.rect.right)
                bottom = max(bottom, spot.rect.bottom)
            }
            t.work = bin.work
        }
        t.width = max(0, Int(right) - pad)
        t.height = max(0, Int(bottom) - pad)
        return t
    }

    /// The page a trial's content needs, after the power-of-two and square rules.
    func pageSize(_ t: Trial) -> (Int, Int) {
        var w = max(1, t.width), h = max(1, t.height)
        if options.powerOfTwo { w = ceilPowerOfTwo(w); h = ceilPowerOfTwo(h) }
        if options.square { w = max(w, h); h = w }
        return (w, h)
    }

    func pageArea(_ t: Trial) -> Int {
        let (w, h) = pageSize(t)
        return w * h
    }
}

// MARK: - Orders

/// Sort keys for the order rectangles are offered in (all descending, ties by index).
enum OrderKey: CaseIterable {
    case area, maxSide, height, width, perimeter

    func sorted(_ items: [Int], _ w: [Int32], _ h: [Int32]) -> [Int] {
        func key(_ i: Int) -> (Int, Int) {
            let a = Int(w[i]), b = Int(h[i])
            switch self {
            case .area: return (a * b, max(a, b))
            case .maxSide: return (max(a, b), min(a, b))
            case .height: return (b, a)
            case .width: return (a, b)
            case .perimeter: return (a + b, a * b)
            }
        }
        let keyed = items.map { (key($0), $0) }
        return keyed.sorted { l, r in
            if l.0.0 != r.0.0 { return l.0.0 > r.0.0 }
            if l.0.1 != r.0.1 { return l.0.1 > r.0.1 }
            return l.1 < r.1
        }.map(\.1)
    }
}

func floorPowerOfTwo(_ v: Int) -> Int {
    var p = 1
    while p * 2 <= v { p *= 2 }
    return p
}

func ceilPowerOfTwo(_ v: Int) -> Int {
    var p = 1
    while p < v { p *= 2 }
    return p
}
