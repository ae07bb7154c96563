/// One share of a job split over N workers (`--shard K/N`): a Kubernetes Indexed Job's
/// `JOB_COMPLETION_INDEX`, a CI matrix index, or N machines by hand.
///
/// The split is round-robin over a list every worker builds the same way (tiles in row-major
/// order, files in sorted order): item `i` belongs to shard `i mod N`. Round-robin rather than
/// contiguous ranges because cost is spatially clustered — a village, a mountain range or a
/// folder of large files sits in one run of neighbouring items — and interleaving spreads such
/// a run over every shard, so shards finish at about the same time. Shares differ by at most
/// one item, every item lands in exactly one shard, and a shard needs nothing but `K`, `N`
/// and the list (no coordination, no shared state).
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// This worker's index, `0 ≤ index < count`.
    public let index: Int
    /// How many workers share the job, `≥ 1`.
    public let count: Int

    /// The whole job as one share.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N`; a usage failure (exit 2) names what is wrong in one line.
    public init(parsing text: String, option: String = "--shard") throws(ToolFailure) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let example = "(e.g. \(option) 0/4 … \(option) 3/4)"
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw .usage("\(option) expects K/N, two integers, not '\(text)' \(example)")
        }
        guard n >= 1 else { throw .usage("\(option) \(text): N must be at least 1 \(example)") }
        guard k >= 0, k < n else { throw .usage("\(option) \(text): K must be between 0 and N-1 = \(n - 1) \(example)") }
        self.init(uncheckedIndex: k, count: n)
    }

    /// Whether item `i` (0-based position in the shared list) is this shard's.
    public func owns(_ i: Int) -> Bool { i % count == index }

    /// This shard's items of `items`, in their order.
    public func share<C: Collection>(of items: C) -> [C.Element] {
        var out: [C.Element] = []
        out.reserveCapacity(items.count / count + 1)
        for (i, item) in items.enumerated() where owns(i) { out.append(item) }
        return out
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
