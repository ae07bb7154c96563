#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes for parsing: memory-mapped when possible (no copy; pages already parsed can
/// be handed back to keep the resident set small), read into memory otherwise.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer?
    let count: Int
    private let mapped: Bool
    private let owned: UnsafeMutableRawPointer?

    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw OBJError(file: path, line: nil, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw OBJError(file: path, line: nil, message: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw OBJError(file: path, line: nil, message: "is a directory")
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
        let bytes = try FileIO.readAll(fd: fd, path: path, limit: Int.max)
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

/// Whole-file reads for the small files around a model (MTL, textures).
enum FileIO {
    /// The bytes of `path`, refusing files larger than `limit`.
    static func read(path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw OBJError(file: path, line: nil, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        return try readAll(fd: fd, path: path, limit: limit)
    }

    static func readAll(fd: Int32, path: String, limit: Int) throws -> [UInt8] {
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw OBJError(file: path, line: nil, message: "is a directory")
        }
        if fstat(fd, &st) == 0 && Int(st.st_size) > limit {
            throw OBJError(file: path, line: nil, message: "file is larger than the \(limit)-byte limit")
        }
        var out: [UInt8] = []
        out.reserveCapacity(max(0, min(Int(st.st_size), limit)) + 1)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OBJError(file: path, line: nil, message: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if out.count > limit { throw OBJError(file: path, line: nil, message: "file is larger than the \(limit)-byte limit") }
        }
        return out
    }

    static func entryExists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// The names in a directory (sorted, so lookups are deterministic); empty when unreadable.
    static func listDirectory(_ path: String) -> [String] {
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

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
