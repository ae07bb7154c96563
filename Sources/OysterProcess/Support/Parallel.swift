import Dispatch

/// A pointer handed to concurrent workers that each write only their own slot.
private struct SlotWriter<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R?>
}

/// `items.map(transform)` with the calls spread over all cores; results stay in input order,
/// so output does not depend on the thread count.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let buffer = UnsafeMutablePointer<R?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil, count: items.count)
    defer {
        buffer.deinitialize(count: items.count)
        buffer.deallocate()
    }
    let writer = SlotWriter(base: buffer)
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        writer.base[i] = transform(items[i])
    }
    return (0..<items.count).compactMap { buffer[$0] }
}
