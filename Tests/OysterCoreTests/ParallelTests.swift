import Testing
@testable import OysterCore

@Suite struct ParallelTests {
    @Test func resultsComeBackInIndexOrder() {
        let out = Parallel.map(10_000) { i in i * i }
        #expect(out == (0..<10_000).map { $0 * $0 })
    }

    @Test func itemsOverloadKeepsInputOrder() {
        let words = (0..<500).map { "w\($0)" }
        #expect(Parallel.map(words) { $0.uppercased() } == words.map { $0.uppercased() })
    }

    @Test func emptyAndSingleJobsRunWithoutDispatch() {
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1) { $0 + 42 } == [42])
        #expect(Parallel.map([String]()) { $0 }.isEmpty)
    }

    @Test func resultsOwningMemoryAreMovedOutIntact() {
        // Non-trivial results (arrays) must be moved, not copied or leaked, from the slots.
        let out = Parallel.map(64) { i in [Int](repeating: i, count: i) }
        #expect(out.enumerated().allSatisfy { $0.element == [Int](repeating: $0.offset, count: $0.offset) })
    }

    @Test func coreCountIsAtLeastOne() {
        #expect(Parallel.coreCount >= 1)
    }
}
