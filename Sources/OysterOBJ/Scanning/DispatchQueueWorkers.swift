import Dispatch

/// Runs `body(i)` for i in 0..<count across the cores.
enum DispatchQueueWorkers {
    static func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count) { body($0) }
    }
}
