#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore

/// `AtomicFile`'s protocol (temporary file beside the target, flushed, renamed over it) for
/// output produced in pieces, so a large OBJ never sits in memory whole. Until `commit`,
/// the target is untouched; an unfinished stream removes its temporary file.
final class StreamingAtomicFile {
    let path: String
    private let tmp: String
    private var fd: Int32
    private var failure: String?

    init(path: String) throws {
        self.path = path
        tmp = try AtomicFile.temporaryPath(for: path)
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Appends bytes; a failure is remembered and reported by `commit`.
    func write(_ bytes: [UInt8]) {
        guard failure == nil, fd >= 0 else { return }
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count, let base = raw.baseAddress {
                let n = systemWrite(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                done += n
            }
        }
    }

    /// Flushes and renames the temporary file over the target.
    func commit() throws {
        guard fd >= 0 else { throw OutputError(path: path, reason: "already closed") }
        if failure == nil && fsync(fd) != 0 && errno != EINVAL { failure = String(cString: strerror(errno)) }
        close(fd)
        fd = -1
        if failure == nil && rename(tmp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(tmp)
            throw OutputError(path: path, reason: failure)
        }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(tmp)
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
