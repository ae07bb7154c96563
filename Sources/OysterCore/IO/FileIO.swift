#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and lookups with POSIX calls (no Foundation), shared by every reader.
/// Only regular files are read: a device or FIFO named as an asset (`/dev/zero`, a pipe)
/// would otherwise mean an endless read or a hang.
public enum FileIO {
    /// Why a read failed, in one line that does not repeat the path (callers name the file
    /// in their own context and error type).
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let reason: String
        /// Nothing is there (ENOENT/ENOTDIR), as opposed to something there that cannot be read.
        public var missing = false
        /// A directory is there.
        public var directory = false
        public var description: String { reason }
    }

    /// The bytes of the regular file at `path`; files over `limit` bytes are refused before
    /// reading.
    public static func read(_ path: String, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused).
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            throw ReadError(reason: String(cString: strerror(code)), missing: code == ENOENT || code == ENOTDIR)
        }
        defer { close(fd) }
        return try read(fd: fd, limit: limit)
    }

    /// The bytes of an open file descriptor, which must be a regular file of at most `limit`
    /// bytes.
    public static func read(fd: Int32, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadError(reason: "is a directory", directory: true)
        default: throw ReadError(reason: "not a regular file")
        }
        let size = Int(info.st_size)
        guard size <= limit else { throw ReadError(reason: "file of \(size) bytes exceeds the limit of \(limit)") }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = systemRead(fd, buffer.baseAddress! + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }  // the file shrank while reading: keep what is there
                done += n
            }
            count = done
        }
        if failure != 0 { throw ReadError(reason: String(cString: strerror(failure))) }
        return bytes
    }

    /// Whether `path` names a regular file (following symbolic links).
    public static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether anything exists at `path`.
    public static func entryExists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The names in a directory (sorted, so lookups are deterministic; at most 100,000);
    /// empty when unreadable.
    public static func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path.isEmpty ? "." : path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
            if names.count > 100_000 { break }
        }
        return names.sorted()
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
