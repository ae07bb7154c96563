import Foundation
import OysterCore

/// Reads the files a glTF references, relative to the asset's folder and never outside it.
struct ResourceLoader: Sendable {
    /// The asset's folder; nil when validating bytes with no location (external URIs fail).
    var baseDirectory: String?

    enum Failure: Error, CustomStringConvertible {
        case outside(String), missing(String), unreadable(String)
        var description: String {
            switch self {
            case .outside(let u): return "'\(u)' points outside the asset's folder; not read."
            case .missing(let u): return "File not found: '\(u)'."
            case .unreadable(let u): return "Cannot read '\(u)'."
            }
        }
    }

    /// Resolves a relative URI to a path inside the base folder, by the one rule every reader
    /// uses (`AssetPath`), after percent-decoding.
    func path(for uri: String) throws(Failure) -> String {
        guard let base = baseDirectory else { throw .missing(uri) }
        let decoded = uri.removingPercentEncoding ?? uri
        switch AssetPath.resolve(decoded) {
        case .success(let relative):
            guard AssetPath.isConfined(relative, root: base) else { throw .outside(uri) }
            return AssetPath.join(base, relative)
        case .failure(.empty): throw .missing(uri)
        case .failure: throw .outside(uri)
        }
    }

    func read(_ uri: String) throws(Failure) -> [UInt8] {
        let p = try path(for: uri)
        do { return try FileIO.read(p) } catch { throw error.missing || error.directory ? .missing(uri) : .unreadable(uri) }
    }
}

// MARK: - URIs

enum URIKind {
    case relative
    case data(mediaType: String, bytes: [UInt8]?)
    case absolute
    case invalid(String)
}

/// Classifies a glTF URI: data URI (decoded), other absolute URI, relative reference or invalid.
func classifyURI(_ uri: String) -> URIKind {
    let u = Array(uri.utf8)
    // A scheme ends at the first ':' before any '/', '?' or '#'.
    var colon: Int?
    for (i, c) in u.enumerated() {
        if c == UInt8(ascii: ":") { colon = i; break }
        if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#") { break }
    }
    for c in u where c < 0x20 || c == 0x7F { _ = c; return .invalid("Control character in URI.") }
    guard let colon else { return .relative }
    let scheme = u[0..<colon]
    guard let first = scheme.first, isAlpha(first),
        scheme.allSatisfy({ isAlpha($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
    else { return .invalid("Invalid scheme.") }
    if String(decoding: scheme, as: UTF8.self).lowercased() != "data" { return .absolute }
    let rest = u[(colon + 1)...]
    guard let comma = rest.firstIndex(of: UInt8(ascii: ",")) else { return .invalid("Data URI has no ','.") }
    let header = String(decoding: rest[rest.startIndex..<comma], as: UTF8.self)
    let payload = rest[(comma + 1)...]
    var params = header.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    let isBase64 = params.last?.lowercased() == "base64"
    if isBase64 { params.removeLast() }
    let media = params.first ?? ""
    // Parameters after the media type are attribute=value pairs (RFC 2397).
    if params.dropFirst().contains(where: { !$0.contains("=") }) { return .invalid("Expecting '=' in a data URI parameter.") }
    if isBase64 {
        guard let bytes = decodeBase64(payload) else { return .invalid("Invalid base64 data.") }
        return .data(mediaType: media, bytes: bytes)
    }
    let text = String(decoding: payload, as: UTF8.self)
    return .data(mediaType: media, bytes: text.removingPercentEncoding.map { Array($0.utf8) })
}

@inline(__always) private func isAlpha(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

/// Decodes standard base64 (padding optional); nil on any invalid character.
func decodeBase64(_ s: ArraySlice<UInt8>) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(s.count * 3 / 4)
    var acc: UInt32 = 0
    var bits = 0
    var padding = 0
    for c in s {
        let v: UInt32
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - 65)
        case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - 97 + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - 48 + 52)
        case UInt8(ascii: "+"): v = 62
        case UInt8(ascii: "/"): v = 63
        case UInt8(ascii: "="): padding += 1; continue
        default: return nil
        }
        if padding > 0 { return nil }
        acc = acc << 6 | v
        bits += 6
        if bits >= 8 {
            bits -= 8
            out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
        }
    }
    if padding > 2 || (s.count % 4 != 0 && padding > 0) { return nil }
    return out
}
