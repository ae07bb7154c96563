import Dispatch
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

@Suite struct StartedWorkTests {
    @Test func valueIsTheBodysResultReadAnyNumberOfTimes() {
        let job = Parallel.start { (0..<1000).reduce(0, +) }
        #expect(job.value == 499_500)
        #expect(job.value == 499_500)
    }

    @Test func manyJobsKeepTheirOwnResults() {
        let jobs = (0..<64).map { i in Parallel.start { [Int](repeating: i, count: i) } }
        #expect(jobs.enumerated().allSatisfy { $0.element.value == [Int](repeating: $0.offset, count: $0.offset) })
    }

    @Test func readersOnManyThreadsAllGetTheResult() {
        let job = Parallel.start { "baked" }
        #expect(Parallel.map(32) { _ in job.value }.allSatisfy { $0 == "baked" })
    }

    /// The body runs on another thread while the caller goes on: it waits for a signal the
    /// caller gives only after `start` has returned (run inline, it would never finish).
    @Test(.enabled(if: Parallel.coreCount > 1, "one core: start runs the work in place"), .timeLimit(.minutes(1)))
    func workRunsWhileTheCallerGoesOn() {
        let go = DispatchSemaphore(value: 0)
        let job = Parallel.start { go.wait(); return 7 }
        go.signal()
        #expect(job.value == 7)
    }
}
