#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore

/// A file's bytes for parsing: memory-mapped when possible (no copy; pages already parsed can
/// be handed back to keep the resident set small), read into memory otherwise.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer?
    let count: Int
    private let mapped: Bool
    private let owned: UnsafeMutableRawPointer?

    init(path: String) throws {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused).
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw OBJError(file: path, line: nil, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw OBJError(file: path, line: nil, message: String(cString: strerror(errno))) }
        // Only regular files: a device or FIFO (`/dev/zero` named as a model) never ends.
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw OBJError(file: path, line: nil, message: "is a directory")
        default: throw OBJError(file: path, line: nil, message: "not a regular file")
        }
        let size = Int(st.st_size)
        if (st.st_mode & S_IFMT) == S_IFREG && size > 0,
           let m = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED {
            _ = madvise(m, size, Int32(MADV_SEQUENTIAL))
            base = UnsafeRawPointer(m)
            count = size
            mapped = true
            owned = nil
            return
        }
        // Empty, or a file system that cannot map: read it instead.
        let bytes: [UInt8]
        do { bytes = try FileIO.read(fd: fd) } catch { throw OBJError(file: path, line: nil, message: error.reason) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { if let b = $0.baseAddress { buffer.copyMemory(from: b, byteCount: $0.count) } }
        base = UnsafeRawPointer(buffer)
        count = bytes.count
        mapped = false
        owned = buffer
    }

    /// Maps the pages of `range` in one call (MADV_POPULATE_READ, Linux 5.14+) instead of one
    /// page fault per few pages; ignored where unsupported.
    func prefault(_ range: Range<Int>) {
        #if os(Linux)
        guard mapped, let base, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = range.lowerBound / page * page
        _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), range.upperBound - lo, 22 /* MADV_POPULATE_READ */)
        #endif
    }

    /// Gives back the whole pages inside `range` (already parsed); they are re-read from the
    /// page cache if touched again.
    func release(_ range: Range<Int>) {
        guard mapped, let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = (range.lowerBound + page - 1) / page * page
        let hi = range.upperBound / page * page
        guard hi > lo else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, Int32(MADV_DONTNEED))
    }

    deinit {
        if mapped, let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
        owned?.deallocate()
    }
}

extension FileIO {
    /// `read`, failing with the reader's own error type that names the file.
    static func readOBJ(_ path: String, limit: Int) throws -> [UInt8] {
        do { return try read(path, limit: limit) } catch { throw OBJError(file: path, line: nil, message: error.reason) }
    }
}
