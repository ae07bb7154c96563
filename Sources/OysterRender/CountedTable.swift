/// GPU objects shared by the prepared scenes that use them: made when the first scene asks,
/// freed with the last (textures of shared pixels, impostors of shared kit meshes). Belongs to
/// one renderer and is used on its thread.
final class CountedTable<Key: Hashable, Value> {
    private var entries: [Key: (value: Value, users: Int)] = [:]
    private let free: (Value) -> Void

    /// A table that hands each value to `free` when its last user releases it.
    init(free: @escaping (Value) -> Void) { self.free = free }

    /// Values held now (for tests and statistics).
    var count: Int { entries.count }

    /// The value for `key`, made by `make` unless held already; each call must be paired with
    /// `release`.
    func acquire<E: Error>(_ key: Key, make: () throws(E) -> Value) throws(E) -> Value {
        if let e = entries[key] {
            entries[key] = (e.value, e.users + 1)
            return e.value
        }
        let made = try make()
        entries[key] = (made, 1)
        return made
    }

    /// Drops one use of `key`'s value, freeing it with the last.
    func release(_ key: Key) {
        guard let e = entries[key] else { return }
        if e.users > 1 {
            entries[key] = (e.value, e.users - 1)
        } else {
            free(e.value)
            entries[key] = nil
        }
    }
}
