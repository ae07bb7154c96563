/// Caps how many messages a page may send: at most `limit` in any `window` seconds (a
/// sliding count over fixed buckets of a tenth of the window). The page sends one input
/// message per key change and at most one per animation frame for the mouse, far below the
/// cap; a client over it is misbehaving and its socket is closed.
struct MessageRate {
    let limit: Int
    let window: Double
    private var buckets: [Int]
    private var current = 0
    private var currentStart: Double?

    init(limit: Int = 300, window: Double = 1) {
        self.limit = limit
        self.window = window
        buckets = Array(repeating: 0, count: 10)
    }

    /// Counts a message at `now` (seconds, any monotonic origin); false when over the cap.
    mutating func admit(at now: Double) -> Bool {
        let width = window / Double(buckets.count)
        if let start = currentStart {
            // Move to the bucket holding `now`, emptying those passed over.
            var steps = Int(((now - start) / width).rounded(.down))
            if steps > 0 {
                steps = min(steps, buckets.count)
                for _ in 0..<steps {
                    current = (current + 1) % buckets.count
                    buckets[current] = 0
                }
                currentStart = start + Double(Int(((now - start) / width).rounded(.down))) * width
            }
        } else {
            currentStart = now
        }
        buckets[current] += 1
        return buckets.reduce(0, +) <= limit
    }
}
