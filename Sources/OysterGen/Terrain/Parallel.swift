import Foundation

/// Deterministic data parallelism: work is split into fixed index ranges whose results are
/// written to their own slots, so the output never depends on thread count or timing.
enum Parallel {
    static let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// Runs `body(i)` for every i in 0..<count, spread over the cores; results in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1, cores > 1 else { return (0..<count).map(body) }
        let box = ResultBox<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in box.set(i, body(i)) }
        return box.values()
    }

    /// Fills a `rows × width` Float array, rows split into core-sized bands.
    static func rows(_ rows: Int, width: Int, _ body: @Sendable (Int, inout [Float]) -> Void) -> [Float] {
        let bands = min(rows, cores * 4)
        let parts: [[Float]] = map(bands) { b in
            let lo = b * rows / bands, hi = (b + 1) * rows / bands
            var out: [Float] = []
            out.reserveCapacity((hi - lo) * width)
            var row = [Float](repeating: 0, count: width)
            for j in lo..<hi {
                body(j, &row)
                out.append(contentsOf: row)
            }
            return out
        }
        return parts.flatMap { $0 }
    }
}

/// Slots written once each from concurrent iterations (each index by exactly one thread).
final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(_ n: Int) { slots = [T?](repeating: nil, count: n) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    func values() -> [T] { slots.map { $0! } }
}
