import Foundation
import Testing
@testable import OysterCore

/// Resident pages of this process, from Linux's /proc.
private func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

@Suite struct FreedMemoryTests {
    /// Blocks freed in the middle of the heap stay resident until trimmed: 64 MiB of 48 KiB
    /// blocks (below glibc's mmap threshold, so they come from an arena), all freed but a
    /// block past them that keeps the arena from shrinking at its top.
    @Test(.enabled(if: residentBytes() != nil, "needs /proc/self/statm (Linux)"))
    func freedBlocksInTheMiddleOfTheHeapGoBackToTheSystem() throws {
        let block = 48 << 10
        let count = (64 << 20) / block
        var blocks: [UnsafeMutableRawPointer] = []
        for _ in 0..<count {
            let p = try #require(malloc(block))
            memset(p, 1, block)     // touched, so resident
            blocks.append(p)
        }
        let guardBlock = try #require(malloc(block))
        memset(guardBlock, 1, block)
        defer { free(guardBlock) }
        for p in blocks { free(p) }
        let before = try #require(residentBytes())
        FreedMemory.returnToSystem()
        let after = try #require(residentBytes())
        // Other tests run at the same time and allocate too: half the freed size is margin.
        #expect(before - after > 32 << 20, "resident \(before >> 20) MiB before, \(after >> 20) MiB after")
    }
}
