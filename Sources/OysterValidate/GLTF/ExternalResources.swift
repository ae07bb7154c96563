import Foundation
import OysterCore
import OysterGLTF

/// Reads the files a glTF names by the readers' own rules: `URIPolicy` (the one path rule,
/// `AssetPath`) and `FileResourceLoader` (symbolic links confined to the folder).
struct ExternalResources: Sendable {
    /// Reads from the asset's folder; nil when validating bytes with no location.
    let loader: FileResourceLoader?

    init(baseDirectory: String?) {
        loader = baseDirectory.map { FileResourceLoader(baseDirectory: $0) }
    }

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

    func read(_ uri: String) throws(Failure) -> [UInt8] {
        guard let loader else { throw .missing(uri) }
        let path: String
        do {
            guard case .relativePath(let p) = try URIPolicy.resolve(uri) else { throw Failure.unreadable(uri) }
            path = p
        } catch let error as GLTFError {
            throw error.code == "INVALID_URI" ? .missing(uri) : .outside(uri)
        } catch {
            throw .unreadable(uri)
        }
        do {
            guard try loader.size(of: path) != nil else { throw Failure.missing(uri) }
            return try loader.read(path)
        } catch let failure as Failure {
            throw failure
        } catch let error as GLTFError where error.code == "NON_RELATIVE_URI" {
            throw .outside(uri)
        } catch {
            throw .unreadable(uri)
        }
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
        guard let bytes = Base64.decode(payload, strict: true) else { return .invalid("Invalid base64 data.") }
        return .data(mediaType: media, bytes: bytes)
    }
    let text = String(decoding: payload, as: UTF8.self)
    return .data(mediaType: media, bytes: text.removingPercentEncoding.map { Array($0.utf8) })
}

@inline(__always) private func isAlpha(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
