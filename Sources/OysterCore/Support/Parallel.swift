import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Parallel map

/// Deterministic data parallelism: the one helper every module uses to spread independent work
/// over the cores.
///
/// Each index writes only its own result slot, and results come back in index order, so the
/// output never depends on the thread count or on timing.
public enum Parallel {
    /// The online cores (at least 1), or `OYSTER_THREADS` when set (1…256): how many bands
    /// work is split into. Outputs never depend on it; tests set it to check exactly that.
    public static let coreCount: Int = {
        if let value = getenv("OYSTER_THREADS"), let n = Int(String(cString: value)), n >= 1 { return min(n, 256) }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }()

    /// `(0..<count).map(body)` with the calls spread over the cores; results in index order.
    ///
    /// Runs on the calling thread when `count < 2` or there is one core, so small jobs pay no
    /// dispatch cost. `body` must not depend on which thread or in which order it runs.
    public static func map<R>(_ count: Int, _ body: @Sendable (Int) -> R) -> [R] {
        guard count > 1, coreCount > 1 else { return (0..<max(count, 0)).map(body) }
        let buffer = UnsafeMutablePointer<R>.allocate(capacity: count)
        defer { buffer.deallocate() }
        let slots = SlotWriter(base: buffer)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            (slots.base + i).initialize(to: body(i))
        }
        // Moves every result out of the buffer, leaving it uninitialized for `deallocate`.
        return (0..<count).map { (buffer + $0).move() }
    }

    /// `items.map(transform)` with the calls spread over the cores; results in input order.
    public static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        items.withUnsafeBufferPointer { source in
            let input = SlotReader(base: source.baseAddress)
            return map(items.count) { i in transform(input.base![i]) }
        }
    }
}

// MARK: - Work started now, taken later

extension Parallel {
    /// Starts `body` on another thread now and returns its handle; `value` waits for it.
    ///
    /// For independent work whose inputs are known before its result is needed (a texture
    /// baked while the geometry that uses it is still being built), so it fills a core the
    /// caller's serial work leaves idle. With one core (`coreCount == 1`) it runs `body` here,
    /// at once. Either way the result is `body`'s alone, so outputs never depend on timing.
    public static func start<R: Sendable>(_ body: @escaping @Sendable () -> R) -> Started<R> {
        Started(body, inline: coreCount == 1)
    }

    /// The handle of work begun by `start`.
    public final class Started<R: Sendable>: @unchecked Sendable {
        // Written once by the worker before `done` is signalled; read only after waiting on it.
        private var result: R?
        private let done = DispatchSemaphore(value: 0)

        fileprivate init(_ body: @escaping @Sendable () -> R, inline: Bool) {
            if inline {
                result = body()
                done.signal()
            } else {
                DispatchQueue.global().async { [self] in
                    result = body()
                    done.signal()
                }
            }
        }

        /// The result, waiting for the work to finish (any number of times, from any thread).
        public var value: R {
            done.wait()
            // Passes the signal on, so every later read returns at once.
            defer { done.signal() }
            return result!
        }
    }
}

/// A pointer shared by concurrent iterations, each writing only its own slot.
private struct SlotWriter<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>
}

/// A read-only pointer shared by concurrent iterations for the duration of one call.
private struct SlotReader<T>: @unchecked Sendable {
    let base: UnsafePointer<T>?
}
