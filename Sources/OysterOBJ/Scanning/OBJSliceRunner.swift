#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Parses an OBJ file's bytes in line-aligned slices on several threads and merges the slices
/// in file order as soon as they are ready, so parsed text never piles up: a worker that
/// finishes a slice merges every slice that is next in line (one merger at a time).
final class OBJSliceRunner: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let bounds: [Int]
    let file: MappedFile?
    var assembler: OBJAssembler
    /// Slices are parsed in the validation mode (malformed statements are events, not stops).
    let validating: Bool
    /// Validating: malformed statements kept per slice and kind (the assembler's per-code limit).
    let eventLimit: Int

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var nextSlice = 0
    private var mergedSlices = 0
    private var merging = false
    private var failure: Error?
    private var ready: [OBJChunk?]
    /// Merged slices whose buffers the next slices reuse.
    private var pool: [OBJChunk] = []

    init(base: UnsafePointer<UInt8>, count: Int, sliceSize: Int, file: MappedFile?, assembler: OBJAssembler) {
        self.base = base
        self.validating = assembler.validating
        self.eventLimit = assembler.log.limitPerCode
        self.bounds = OBJSliceRunner.lineAlignedBounds(base, count: count, sliceSize: max(1, sliceSize))
        self.file = file
        self.assembler = assembler
        ready = [OBJChunk?](repeating: nil, count: bounds.count - 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        for chunk in ready { chunk?.free() }
        for chunk in pool { chunk.free() }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Slice starts: 0, then the first line start at or after each multiple of `sliceSize`,
    /// then `count`. A line feed after `\` (or `\` CR) continues the line, so it is no start.
    static func lineAlignedBounds(_ p: UnsafePointer<UInt8>, count: Int, sliceSize: Int) -> [Int] {
        var bounds = [0]
        var target = sliceSize
        while target < count {
            var i = max(target - 1, bounds[bounds.count - 1])
            var found = -1
            while i < count {
                if p[i] == asciiLF {
                    let continued = (i >= 1 && p[i - 1] == asciiBackslash) || (i >= 2 && p[i - 1] == asciiCR && p[i - 2] == asciiBackslash)
                    if !continued {
                        found = i + 1
                        break
                    }
                }
                i += 1
            }
            guard found > bounds[bounds.count - 1], found < count else { break }
            bounds.append(found)
            target = found + sliceSize
        }
        bounds.append(count)
        return bounds
    }

    var sliceCount: Int { bounds.count - 1 }

    /// Runs `threads` workers (the calling thread included) until every slice is merged.
    func run(threads: Int) throws {
        let workers = max(1, min(threads, sliceCount))
        if workers == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in self.work() }
        }
        if let failure { throw failure }
        // Slices stored after the last merger left are merged here.
        mergeReady()
        if let failure { throw failure }
    }

    private func work() {
        while true {
            pthread_mutex_lock(mutex)
            if failure != nil || nextSlice >= sliceCount {
                pthread_mutex_unlock(mutex)
                return
            }
            let k = nextSlice
            nextSlice += 1
            let recycled = pool.popLast()
            pthread_mutex_unlock(mutex)

            file?.prefault(bounds[k]..<bounds[k + 1])
            var start = base + bounds[k]
            // A UTF-8 byte order mark (Windows editors) is not part of the first statement.
            if k == 0 && bounds[1] >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF { start += 3 }
            var parser = OBJChunkParser(start: start, end: base + bounds[k + 1], recycled: recycled, validating: validating,
                                        eventLimit: eventLimit)
            let chunk = parser.parse()
            file?.release(bounds[k]..<bounds[k + 1])

            pthread_mutex_lock(mutex)
            ready[k] = chunk
            pthread_mutex_unlock(mutex)
            mergeReady()
        }
    }

    /// Merges the ready slices that are next in file order, unless another thread is doing so.
    private func mergeReady() {
        pthread_mutex_lock(mutex)
        if merging {
            pthread_mutex_unlock(mutex)
            return
        }
        merging = true
        while failure == nil, mergedSlices < sliceCount, let chunk = ready[mergedSlices] {
            ready[mergedSlices] = nil
            pthread_mutex_unlock(mutex)
            var caught: Error?
            do { try assembler.merge(chunk) } catch { caught = error }
            pthread_mutex_lock(mutex)
            if pool.count < 4 { pool.append(chunk) } else { chunk.free() }
            if let caught { failure = caught }
            mergedSlices += 1
        }
        merging = false
        pthread_mutex_unlock(mutex)
    }
}
