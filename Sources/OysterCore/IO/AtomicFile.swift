#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors from writing output files.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Writes files so a reader never sees half of one: the bytes go to a temporary file beside the
/// target (same filesystem), are flushed, then renamed over the target in one step.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let tmp = try temporaryPath(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        let err = errno
        if !ok || fsync(fd) != 0 && errno != EINVAL {
            close(fd)
            unlink(tmp)
            throw OutputError(path: path, reason: String(cString: strerror(ok ? errno : err)))
        }
        close(fd)
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw OutputError(path: path, reason: reason)
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// The temporary file to write before renaming over `path`: beside it (same filesystem,
    /// so the rename is atomic) and hidden. Creates `path`'s folder when it is missing, so
    /// every writer gets that once, here, instead of each tool doing it first.
    ///
    /// The name is unique to this call, not just to the process: writers on several machines
    /// may share one folder (shards of a bake writing the same content-addressed texture into
    /// a shared volume), and a process id alone repeats there — every container's first
    /// process is PID 1. Two writers sharing a temporary file could rename the other's
    /// half-written bytes into place.
    public static func temporaryPath(for path: String) throws -> String {
        let dir = parentDirectory(of: path)
        if !dir.isEmpty { try makeDirectories(dir) }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let unique = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return (dir.isEmpty ? "" : dir + "/") + ".\(base).tmp-\(getpid())-\(unique)"
    }

    /// Creates `path` and its parents (like `mkdir -p`).
    public static func makeDirectories(_ path: String) throws {
        guard !path.isEmpty else { return }
        var current = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
