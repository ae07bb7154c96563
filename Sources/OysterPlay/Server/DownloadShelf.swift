import Foundation

/// Finished exports waiting for their page to fetch them (`GET /download/<id>/<file>`): one
/// per open socket (a new export replaces the last), kept until that socket closes, so memory
/// is bounded by the sessions playing. The id is random, so one page cannot guess another's.
public final class DownloadShelf: @unchecked Sendable {
    private let lock = NSLock()
    /// Open sockets' slots, and what each holds.
    private var slots: [UUID: (id: String, bytes: [UInt8])?] = [:]

    public init() {}

    /// A slot for a socket that opened.
    func open() -> UUID {
        let slot = UUID()
        lock.lock()
        slots[slot] = .some(nil)
        lock.unlock()
        return slot
    }

    /// Frees the slot of a socket that closed (and what it held).
    func close(_ slot: UUID) {
        lock.lock()
        slots[slot] = nil
        lock.unlock()
    }

    /// Puts `bytes` in `slot`, replacing what was there; returns the path to fetch it from as
    /// `file`, or nil when the socket has closed meanwhile (nothing is kept).
    func put(_ bytes: [UInt8], file: String, in slot: UUID) -> String? {
        let id = UUID().uuidString.lowercased()
        lock.lock()
        defer { lock.unlock() }
        guard slots[slot] != nil else { return nil }
        slots[slot] = (id, bytes)
        return "/download/\(id)/\(file)"
    }

    /// The bytes under `id`, while their socket is open.
    func bytes(id: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return slots.values.lazy.compactMap { $0 }.first { $0.id == id }?.bytes
    }
}
