import Foundation
import OysterCore

/// Levels of detail already built, by geometry, for staging many scenes that share meshes:
/// the tiles of one world place the same tree, bush and rock variants, which are then
/// simplified once for all of them. A level is a pure function of its geometry, so a scene
/// staged with the cache is the same as one staged without. Safe to use from any thread;
/// holds at most `capacity` primitives' levels (then starts again).
public final class LevelCache: @unchecked Sendable {
    struct Key: Hashable {
        /// The primitive without its material (levels depend on geometry alone).
        var primitive: Primitive
        var keepsBorder: Bool
    }

    public let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: [GPUResources.Piece]] = [:]
    /// Lookups answered from the cache, and levels built, so far.
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int = 2048) {
        self.capacity = max(1, capacity)
    }

    /// The pieces of `key`'s primitive, built by `make` unless already known.
    func pieces(_ key: Key, _ make: () -> [GPUResources.Piece]) -> [GPUResources.Piece] {
        lock.lock()
        if let known = entries[key] {
            hits += 1
            lock.unlock()
            return known
        }
        lock.unlock()
        // Two threads may build the same levels at once: the same result either way.
        let made = make()
        lock.lock()
        misses += 1
        if entries.count >= capacity { entries.removeAll() }
        entries[key] = made
        lock.unlock()
        return made
    }
}
