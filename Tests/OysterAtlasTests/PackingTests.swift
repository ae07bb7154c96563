import OysterTestSupport
import Testing
@testable import OysterAtlas

/// Generated rectangle sets (not committed anywhere), in the spirit of the benchmark's.
enum RectSets {
    static func named(_ name: String) -> [PackSize] {
        switch name {
        case "mixed": return mixed()
        case "icons": return icons()
        case "strips": return strips()
        default: return bigAndSmall()
        }
    }

    static func mixed(seed: UInt64 = 1, count: Int = 150) -> [PackSize] {
        var r = TestRandom(seed: seed)
        return (0..<count).map { _ in PackSize(width: r.int(8...200), height: r.int(8...200)) }
    }

    static func icons(seed: UInt64 = 2) -> [PackSize] {
        var r = TestRandom(seed: seed)
        let sides = [16, 24, 32, 48, 64]
        return (0..<300).map { _ in let s = sides[r.int(0...4)]; return PackSize(width: s, height: s) }
            + (0..<100).map { _ in PackSize(width: r.int(10...40), height: r.int(10...40)) }
    }

    static func strips(seed: UInt64 = 3) -> [PackSize] {
        var r = TestRandom(seed: seed)
        return (0..<80).map { _ in
            let a = r.int(100...700), b = r.int(4...32)
            return r.int(0...1) == 0 ? PackSize(width: a, height: b) : PackSize(width: b, height: a)
        }
    }

    static func bigAndSmall(seed: UInt64 = 4) -> [PackSize] {
        var r = TestRandom(seed: seed)
        return (0..<4).map { _ in PackSize(width: r.int(200...600), height: r.int(200...600)) }
            + (0..<300).map { _ in PackSize(width: r.int(8...64), height: r.int(8...64)) }
    }
}

/// Checks what every packing must satisfy; returns problems found (empty when valid).
func packingProblems(_ sizes: [PackSize], _ r: PackResult, _ o: PackOptions) -> [String] {
    var problems: [String] = []
    let e = o.extrude, p = o.padding
    for (i, s) in sizes.enumerated() {
        let q = r.placements[i]
        let (w, h) = q.rotated ? (s.height, s.width) : (s.width, s.height)
        if q.width != w || q.height != h { problems.append("\(i): size \(q.width)x\(q.height) for \(s)") }
        if q.rotated && !o.allowRotation { problems.append("\(i): rotated without permission") }
        guard r.pages.indices.contains(q.page) else { problems.append("\(i): no page \(q.page)"); continue }
        let page = r.pages[q.page]
        if q.x - e < 0 || q.y - e < 0 || q.x + w + e > page.width || q.y + h + e > page.height {
            problems.append("\(i): outside page \(page.width)x\(page.height) at \(q.x),\(q.y)")
        }
    }
    // Frames grown by extrusion, plus padding on one side, must not overlap.
    for page in r.pages {
        let rects = page.items.map { i -> (Int, Int, Int, Int) in
            let q = r.placements[i]
            return (q.x - e, q.y - e, q.x + q.width + e + p, q.y + q.height + e + p)
        }
        for a in rects.indices {
            for b in rects.indices where b > a {
                let (ax0, ay0, ax1, ay1) = rects[a], (bx0, by0, bx1, by1) = rects[b]
                if ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1 {
                    problems.append("items \(page.items[a]) and \(page.items[b]) overlap")
                }
            }
        }
    }
    return problems
}

@Suite struct PackingTests {
    @Test(arguments: PackHeuristic.allCases)
    func everyRuleAloneProducesAValidPacking(rule: PackHeuristic) throws {
        let sizes = RectSets.mixed(count: 120)
        var o = PackOptions(maxWidth: 512, maxHeight: 512, padding: 1, extrude: 1, allowRotation: true)
        o.heuristics = [rule]
        o.effort = 0.1
        let r = try packRectangles(sizes, options: o)
        #expect(packingProblems(sizes, r, o).isEmpty)
        #expect(r.pages.count >= 2, "120 rectangles of up to 200 px cannot fit one 512 page")
    }

    @Test func paddingAndExtrusionKeepFramesApart() throws {
        let sizes = RectSets.icons()
        var o = PackOptions(maxWidth: 1024, maxHeight: 1024, padding: 3, extrude: 2)
        o.effort = 0.1
        let r = try packRectangles(sizes, options: o)
        #expect(packingProblems(sizes, r, o).isEmpty)
    }

    @Test func samePackingEveryRun() throws {
        let sizes = RectSets.bigAndSmall()
        var o = PackOptions(maxWidth: 1024, maxHeight: 1024, padding: 2, allowRotation: true)
        o.effort = 0.2
        let a = try packRectangles(sizes, options: o)
        let b = try packRectangles(sizes, options: o)
        #expect(a == b)
    }

    @Test(arguments: ["mixed", "icons", "strips", "bigAndSmall"])
    func generatedSetsPackDensely(name: String) throws {
        let sizes = RectSets.named(name)
        // A third of the default search already clears the bar (debug builds are slow).
        var o = PackOptions(maxWidth: 2048, maxHeight: 2048)
        o.effort = 0.3
        let r = try packRectangles(sizes, options: o)
        #expect(packingProblems(sizes, r, o).isEmpty)
        #expect(r.occupancy >= 0.85, "\(name): occupancy \(r.occupancy)")
    }

    @Test func lastPageShrinksToItsContent() throws {
        let sizes = (0..<10).map { _ in PackSize(width: 32, height: 32) }
        let r = try packRectangles(sizes, options: PackOptions(maxWidth: 2048, maxHeight: 2048))
        #expect(r.pages.count == 1)
        #expect(r.pages[0].width * r.pages[0].height == 10 * 32 * 32)
    }

    @Test func powerOfTwoAndSquarePagesFollowTheRules() throws {
        let sizes = RectSets.mixed(count: 60)
        var o = PackOptions(maxWidth: 1024, maxHeight: 1024, powerOfTwo: true)
        o.effort = 0.2
        let pot = try packRectangles(sizes, options: o)
        #expect(packingProblems(sizes, pot, o).isEmpty)
        for p in pot.pages { #expect(p.width & (p.width - 1) == 0 && p.height & (p.height - 1) == 0) }
        o.powerOfTwo = false
        o.square = true
        let sq = try packRectangles(sizes, options: o)
        #expect(packingProblems(sizes, sq, o).isEmpty)
        for p in sq.pages { #expect(p.width == p.height) }
    }

    @Test func rotationHelpsTallItemsInAWidePage() throws {
        let sizes = [PackSize(width: 10, height: 100), PackSize(width: 10, height: 100)]
        let o = PackOptions(maxWidth: 200, maxHeight: 20, allowRotation: true)
        let r = try packRectangles(sizes, options: o)
        #expect(packingProblems(sizes, r, o).isEmpty)
        #expect(r.placements.allSatisfy(\.rotated) && r.pages.count == 1)
    }

    @Test func oversizedRectangleIsRefusedByIndex() {
        let sizes = [PackSize(width: 10, height: 10), PackSize(width: 300, height: 10)]
        #expect(throws: PackError.tooLarge(index: 1, width: 300, height: 10)) {
            try packRectangles(sizes, options: PackOptions(maxWidth: 256, maxHeight: 256))
        }
    }

    @Test func zeroSizedRectanglesAreSkippedNotPacked() throws {
        let r = try packRectangles([PackSize(width: 0, height: 5), PackSize(width: 4, height: 4)])
        #expect(r.pages.count == 1 && r.pages[0].items == [1])
        #expect(r.placements[0].width == 0)
    }

    @Test func tenThousandRectanglesPackValidly() throws {
        var g = TestRandom(seed: 9)
        let sizes = (0..<10_000).map { _ in PackSize(width: g.int(4...40), height: g.int(4...40)) }
        let o = PackOptions()
        let r = try packRectangles(sizes, options: o)
        #expect(r.occupancy >= 0.9)
        #expect(r.placements.allSatisfy { $0.width > 0 })
    }
}

@Suite struct PackingShapeTests {
    @Test func aspectLimitKeepsPagesNearSquare() throws {
        let sizes = (0..<15).map { _ in PackSize(width: 33, height: 33) }
        let free = try packRectangles(sizes, options: PackOptions(maxWidth: 512, maxHeight: 512))
        var o = PackOptions(maxWidth: 512, maxHeight: 512)
        o.maxAspectRatio = 2
        let limited = try packRectangles(sizes, options: o)
        #expect(packingProblems(sizes, limited, o).isEmpty)
        let p = limited.pages[0]
        #expect(max(p.width, p.height) <= 2 * min(p.width, p.height), "\(p.width)x\(p.height)")
        #expect(free.occupancy >= limited.occupancy)
    }
}
