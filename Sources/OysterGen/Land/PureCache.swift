import Foundation

/// Values that are pure functions of their keys, kept for reuse across regions and threads:
/// a world's cell plans, kit variants and kit meshes. A value may be computed twice when two
/// threads ask at once; both give the same value, so which one is kept changes no output.
final class PureCache<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()
    /// Beyond this many entries the cache starts again (a long stream visits unbounded cells).
    private let limit: Int

    init(limit: Int = .max) { self.limit = limit }

    func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let v = values[key] { lock.unlock(); return v }
        lock.unlock()
        let v = make()
        lock.lock()
        if values.count >= limit { values.removeAll() }
        values[key] = v
        lock.unlock()
        return v
    }
}
