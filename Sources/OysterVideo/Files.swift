#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OysterCore

/// Whether `path` is a directory (following symbolic links).
func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
}

/// The size of the file at `path`, 0 when it cannot be read.
func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

/// Distinguishes temporary files of one process.
private let temporaryCounter = Counter()

/// A counter behind a lock (`value` is only touched with `lock` held).
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Creates a new, empty, hidden temporary file beside `path` (same folder, so renaming it
/// over `path` is atomic), making the folder when it is missing. Refuses a `path` that is a
/// folder. The name is claimed with O_EXCL, so two writers never share one.
func createTemporaryFile(beside path: String) throws(VideoError) -> String {
    if isDirectory(path) { throw .unwritable(path: path, reason: "is a directory") }
    let dir = AtomicFile.parentDirectory(of: path)
    do { try AtomicFile.makeDirectories(dir) } catch {
        throw .unwritable(path: path, reason: "cannot create the folder \(dir): \((error as? OutputError)?.reason ?? "\(error)")")
    }
    let base = path.split(separator: "/").last.map(String.init) ?? path
    let tmp = (dir.isEmpty ? "" : (dir.hasSuffix("/") ? dir : dir + "/")) + ".\(base).tmp-\(getpid())-\(temporaryCounter.next())"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw .unwritable(path: path, reason: errnoText(errno)) }
    close(fd)
    return tmp
}

/// Renames `tmp` over `path`; on failure removes `tmp`.
func moveIntoPlace(_ tmp: String, _ path: String) throws(VideoError) {
    if rename(tmp, path) != 0 {
        let reason = errnoText(errno)
        unlink(tmp)
        throw .unwritable(path: path, reason: reason)
    }
}
