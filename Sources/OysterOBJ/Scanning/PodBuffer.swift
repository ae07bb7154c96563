/// A growable buffer of plain values without copy-on-write: appends in the parser's inner loop
/// cost a compare and a store, not a uniqueness check. The owner frees it explicitly.
struct PodBuffer<T: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func append(_ value: T) {
        if count == capacity { grow() }
        base[count] = value
        count += 1
    }

    @inline(__always) subscript(i: Int) -> T { base[i] }

    mutating func removeLast(_ n: Int) { count -= min(n, count) }

    /// Empties the buffer and makes room for `n` values, keeping the storage when it is big
    /// enough (recycled buffers avoid fresh, zero-filled pages for every slice).
    mutating func reset(reserving n: Int) {
        count = 0
        if n > capacity {
            base.deallocate()
            capacity = n
            base = .allocate(capacity: n)
        }
    }

    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: base, count: count) }

    private mutating func grow() {
        let bigger = capacity * 2
        let fresh = UnsafeMutablePointer<T>.allocate(capacity: bigger)
        fresh.moveInitialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = bigger
    }

    /// Releases the storage; the buffer must not be used afterwards.
    func free() { base.deallocate() }
}
