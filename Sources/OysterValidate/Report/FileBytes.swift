#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole regular file into one array with a single copy (no Data bridging); nil on failure.
func readFileBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    let size = Int(st.st_size)
    if size == 0 { return [] }
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
        var done = 0
        guard let base = buf.baseAddress else { count = 0; failed = true; return }
        while done < size {
            let n = read(fd, base + done, size - done)
            if n <= 0 { break }
            done += n
        }
        failed = done != size
        count = done
    }
    return failed ? nil : bytes
}
