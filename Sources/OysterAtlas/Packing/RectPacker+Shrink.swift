// Page-size search: the last page holds fewer rectangles than a full page, so its size is
// searched. For each candidate width the smallest height that still holds everything is found
// by bisection; the content's bounding box (rounded by the power-of-two and square rules) is
// the page. Each probe tries rules and orders (the fill's winner first) until one places
// everything. The work budget bounds the search, so big inputs stay fast.

extension RectPacker {
    /// The smallest page found for the items of `start` (which already fit in a largest page).
    mutating func shrink(orders: [[Int]], start: Trial, winner: (Int, Int)) -> Trial {
        let items = orders[0]
        var best = start
        // A page over the aspect limit loses to any page within it, whatever its area.
        func withinAspect(_ t: Trial) -> Bool {
            guard let limit = options.maxAspectRatio else { return true }
            let (w, h) = pageSize(t)
            return Double(max(w, h)) <= limit * Double(max(1, min(w, h)))
        }
        var bestArea = withinAspect(start) ? pageArea(start) : Int.max
        let area = items.reduce(0) { $0 + Int(binW[$1]) * Int(binH[$1]) }
        // A frame needs this much width (height) at least, turned or not.
        var needW = 1, needH = 1
        for i in items {
            let a = Int(binW[i]) - pad, b = Int(binH[i]) - pad
            needW = max(needW, options.allowRotation ? min(a, b) : a)
            needH = max(needH, options.allowRotation ? min(a, b) : b)
        }
        // Trials in the order probes run them: the fill's winner first.
        var trials: [(PackHeuristic, Int)] = [(heuristics[winner.0], winner.1)]
        for (hi, h) in heuristics.enumerated() {
            for oi in orders.indices where (hi, oi) != winner { trials.append((h, oi)) }
        }
        let cost = max(1, start.work)

        /// A trial that fits everything into `w`×`h`, or nil (also when the budget is spent).
        func probe(_ w: Int, _ h: Int) -> Trial? {
            for (h0, oi) in trials {
                let limit = workLimit - work
                guard limit > 0 else { return nil }
                let t = runTrial(orders[oi], width: w, height: h, heuristic: h0, requireAll: true, limit: limit)
                if !t.aborted && t.placed.count == items.count { return t }
            }
            return nil
        }

        func consider(_ t: Trial) {
            let a = pageArea(t)
            if a < bestArea && withinAspect(t) { best = t; bestArea = a }
        }

        if options.square {
            if options.powerOfTwo {
                var s = 1
                while s <= maxW {
                    if s >= max(needW, needH) && s * s < bestArea, let t = probe(s, s) { consider(t); break }
                    s *= 2
                }
            } else {
                var lo = max(needW, needH, Int(Double(area).squareRoot()) - pad)
                var hi = min(maxW, bestArea == Int.max ? maxW : Int(Double(bestArea).squareRoot()))
                while lo < hi && work < workLimit {
                    let mid = (lo + hi) / 2
                    if let t = probe(mid, mid) { consider(t); hi = mid } else { lo = mid + 1 }
                }
            }
            return best
        }

        func search(width w: Int) {
            // Heights below the area bound cannot fit; above the best area cannot win.
            var lo = max(needH, (area + w + pad - 1) / (w + pad) - pad)
            var hi = min(maxH, bestArea == Int.max ? maxH : (bestArea - 1) / max(1, w))
            if options.powerOfTwo {
                var h = 1
                while h <= hi {
                    if h >= lo, w * h < bestArea, let t = probe(w, h), withinAspect(t) { consider(t); break }
                    h *= 2
                }
                return
            }
            guard lo <= hi, work < workLimit, let top = probe(w, hi) else { return }
            consider(top)
            hi = min(hi, top.height)
            while lo < hi && work < workLimit {
                let mid = (lo + hi) / 2
                if let t = probe(w, mid) { consider(t); hi = min(mid, t.height) } else { lo = mid + 1 }
            }
        }

        // Candidate widths, as many as the budget affords (a width costs ~10 probes).
        var widths: [Int] = []
        let wLo = max(needW, (area + maxH + pad - 1) / (maxH + pad) - pad)
        if options.powerOfTwo {
            var w = 1
            while w <= maxW { if w >= wLo { widths.append(w) }; w *= 2 }
        } else {
            let affordable = (workLimit - work) / cost
            let steps = max(2, min(40, affordable / 24))
            for k in 0...steps { widths.append(wLo + (maxW - wLo) * k / steps) }
            // Near-square pages first: they are the likeliest winners.
            let side = Int(Double(area).squareRoot())
            widths.sort { abs($0 - side) < abs($1 - side) || (abs($0 - side) == abs($1 - side) && $0 < $1) }
        }
        var seen = Set<Int>()
        widths = widths.filter { seen.insert($0).inserted }
        for w in widths where work < workLimit { search(width: w) }
        // Refine around the best width found.
        if !options.powerOfTwo && widths.count > 1 {
            let bw = best.width
            let step = max(1, (maxW - wLo) / max(1, widths.count - 1))
            for k in 1...6 {
                let d = step * k / 7
                guard d > 0 else { continue }
                for w in [bw - d, bw + d] where w >= wLo && w <= maxW && work < workLimit && seen.insert(w).inserted {
                    search(width: w)
                }
            }
        }
        return best
    }
}
