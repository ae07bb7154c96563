/// A zip file of whole files as PKWARE's APPNOTE.TXT 6.3 §4.3 lays it out: per file a local
/// header and the bytes, then the central directory and its end record. Each file is
/// deflated (method 8, zlib) when that makes it smaller — OBJ text and GLB buffers shrink,
/// PNGs do not — else stored (method 0). No ZIP64: an archive over 4 GiB, or of more than
/// 65,535 files, is refused. Entries carry a fixed date (1980-01-01), so the same files give
/// the same bytes.
public struct ZipArchive: Sendable {
    public enum ZipError: Error, Equatable, CustomStringConvertible {
        case tooLarge(Int)
        case tooManyFiles(Int)
        case badName(String)
        case deflate(String)

        public var description: String {
            switch self {
            case .deflate(let why): return "cannot compress: \(why)"
            case .tooLarge(let n): return "a zip of \(n) bytes is over the 4 GiB a zip without ZIP64 holds"
            case .tooManyFiles(let n): return "\(n) files: a zip without ZIP64 holds at most 65,535"
            case .badName(let name): return "'\(name)' is not a relative path inside a package"
            }
        }
    }

    /// The archive's bytes.
    public private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    /// Largest archive written (the 32-bit offsets and sizes of a plain zip).
    public static let maxBytes = Int(UInt32.max)

    /// Adds a file at `path` (forward slashes, relative, no `..`), deflated at zlib `level`
    /// (0–9; 0 stores every file) when that is smaller.
    public mutating func add(path: String, contents: [UInt8], level: Int = 6) throws(ZipError) {
        let name = Array(path.utf8)
        guard !path.isEmpty, !path.hasPrefix("/"), name.count <= 0xFFFF,
              !path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0.isEmpty }) else {
            throw .badName(path)
        }
        guard count < 0xFFFF else { throw .tooManyFiles(count + 1) }
        guard contents.count < Self.maxBytes else { throw .tooLarge(contents.count) }
        var stored = (method: UInt16(0), data: contents)
        if level > 0, contents.count > 64 {
            let packed: [UInt8]
            do { packed = try Deflate.compress(contents, level: min(level, 9)) } catch { throw .deflate(error.description) }
            if packed.count < contents.count { stored = (8, packed) }
        }
        let offset = bytes.count
        let end = offset + 30 + name.count + stored.data.count + central.count + 46 + name.count + 22
        guard end <= Self.maxBytes else { throw .tooLarge(end) }
        let crc = CRC32.checksum(contents)
        let entry = Entry(method: stored.method, crc: crc, compressed: stored.data.count, size: contents.count, nameLength: name.count)
        // §4.3.7 local file header.
        bytes.u32(0x0403_4B50)
        fields(into: &bytes, entry)
        bytes += name
        bytes += stored.data
        // §4.3.12 central directory header.
        central.u32(0x0201_4B50)
        central.u16(20)  // made by: MS-DOS attributes, version 2.0
        fields(into: &central, entry)
        central.u16(0)  // comment length
        central.u16(0)  // disk number start
        central.u16(0)  // internal attributes
        central.u32(0)  // external attributes
        central.u32(UInt32(offset))
        central += name
        count += 1
    }

    /// The finished archive: the files, the central directory and its end record (§4.3.16).
    public func finished() -> [UInt8] {
        var out = bytes
        out.reserveCapacity(bytes.count + central.count + 22)
        let directory = out.count
        out += central
        out.u32(0x0605_4B50)
        out.u16(0)  // this disk
        out.u16(0)  // disk with the directory
        out.u16(UInt16(count))
        out.u16(UInt16(count))
        out.u32(UInt32(central.count))
        out.u32(UInt32(directory))
        out.u16(0)  // comment length
        return out
    }

    /// What a local and a central header say of one file.
    private struct Entry {
        var method: UInt16
        var crc: UInt32
        var compressed: Int
        var size: Int
        var nameLength: Int
    }

    /// The fields a local and a central header share, from "version needed" to the extra
    /// field's length (§4.4).
    private func fields(into out: inout [UInt8], _ e: Entry) {
        out.u16(20)  // version needed to extract: 2.0 (deflate)
        out.u16(1 << 11)  // flags: names are UTF-8 (bit 11)
        out.u16(e.method)  // 0 stored, 8 deflated
        out.u16(0)  // time 00:00
        out.u16((0 << 9) | (1 << 5) | 1)  // date 1980-01-01
        out.u32(e.crc)  // of the uncompressed bytes
        out.u32(UInt32(e.compressed))
        out.u32(UInt32(e.size))
        out.u16(UInt16(e.nameLength))
        out.u16(0)  // extra field length
    }
}

/// CRC-32 as zip (and PNG, and zlib's `crc32`) compute it: the reflected polynomial
/// 0xEDB88320, starting from and finishing with all ones.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    fileprivate mutating func u16(_ v: UInt16) {
        append(UInt8(v & 0xFF))
        append(UInt8(v >> 8))
    }

    fileprivate mutating func u32(_ v: UInt32) {
        for s in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(s)) & 0xFF)) }
    }
}
