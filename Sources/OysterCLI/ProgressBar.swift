import Foundation

/// A one-line progress bar on stderr for long runs: drawn only on a terminal, not when
/// quiet, and only once the work has taken longer than `delay` (so quick runs print nothing).
public final class ProgressBar {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let delay: TimeInterval
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init(total: Int, label: String, console: Console, delay: TimeInterval = 2) {
        self.total = max(total, 1)
        self.label = label
        self.delay = delay
        enabled = !console.quiet && Console.stderrIsTerminal
    }

    /// Reports `done` units finished.
    public func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed >= delay, now.timeIntervalSince(lastDraw) >= 0.1 || done >= total else { return }
        lastDraw = now
        drawn = true
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / max(elapsed, 1e-3)
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "") + String(repeating: " ", count: max(0, width - filled - 1))
        Console.writeStderr(String(format: "\r%@ [%@] %d/%d %.1f/s, %.0f s left ", label, bar, done, total, rate, remaining))
    }

    /// Clears the line when a bar was drawn.
    public func finish() {
        guard drawn else { return }
        Console.writeStderr("\r" + String(repeating: " ", count: 78) + "\r")
    }
}
