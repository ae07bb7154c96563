import OysterCore

/// What a glTF `uri` refers to once parsed.
public enum ResourceURI: Hashable, Sendable {
    /// A `data:` URI: its media type and decoded bytes.
    case data(mimeType: String?, bytes: [UInt8])
    /// A relative path inside the asset's folder (percent-decoded).
    case relativePath(String)
}

/// Decides which URIs may be followed: only `data:` URIs and relative paths that stay inside
/// the asset's folder (`AssetPath`'s rule), unless the caller allows more.
public enum URIPolicy {
    /// The resource a URI names, or an error saying why it is refused or malformed.
    /// With `allowUnsafe`, `..`, absolute paths and `file:` URIs are followed too; other
    /// schemes (http, https, …) are never fetched.
    public static func resolve(_ uri: String, allowUnsafe: Bool = false) throws -> ResourceURI {
        let bytes = Array(uri.utf8)
        if bytes.count >= 5, bytes[0..<5].map({ $0 | 0x20 }) == Array("data:".utf8) {
            return try parseDataURI(bytes)
        }
        if let scheme = scheme(of: bytes) {
            if allowUnsafe, scheme.lowercased() == "file" {
                var path = String(uri.dropFirst(5))
                if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
                return .relativePath(try percentDecode(path, uri: uri))
            }
            throw GLTFError("URI '\(clip(uri))' uses the '\(scheme)' scheme; only relative paths and data: URIs are read", code: .nonRelativeUri)
        }
        let path = try percentDecode(uri, uri: uri)
        guard !path.isEmpty else { throw GLTFError("empty URI", code: .invalidUri) }
        guard !path.utf8.contains(0) else { throw GLTFError("URI '\(clip(uri))' contains a NUL byte", code: .invalidUri) }
        guard !allowUnsafe else { return .relativePath(path) }
        // The one path rule (OysterCore.AssetPath): inside the asset's folder, normalised.
        switch AssetPath.resolve(path) {
        case .success(let normalized): return .relativePath(normalized)
        case .failure(let refusal):
            throw GLTFError("URI '\(clip(uri))' \(refusal); refused", code: refusal == .empty ? .invalidUri : .nonRelativeUri)
        }
    }

    /// The URI scheme (`http` in `http://…`), or nil for a relative reference.
    /// A single letter before ':' is a Windows drive, treated as a scheme (absolute path).
    static func scheme(of bytes: [UInt8]) -> String? {
        guard let colon = bytes.firstIndex(of: 0x3A), colon > 0 else { return nil }
        let head = bytes[..<colon]
        guard let first = head.first, isAlpha(first) else { return nil }
        for c in head where !(isAlpha(c) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E) { return nil }
        return String(decoding: head, as: UTF8.self)
    }

    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    static func clip(_ s: String) -> String { s.count > 80 ? String(s.prefix(77)) + "..." : s }

    /// `%XX` sequences decoded (RFC 3986 §2.1); the result must be UTF-8.
    static func percentDecode(_ s: String, uri: String) throws -> String {
        guard s.utf8.contains(0x25) else { return s }
        var out = [UInt8]()
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x25 {
                guard i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) else {
                    throw GLTFError("URI '\(clip(uri))' has a bad percent escape", code: .invalidUri)
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        guard let decoded = String(validating: out, as: UTF8.self) else {
            throw GLTFError("URI '\(clip(uri))' decodes to invalid UTF-8", code: .invalidUri)
        }
        return decoded
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    // MARK: - data: URIs (RFC 2397)

    static func parseDataURI(_ bytes: [UInt8]) throws -> ResourceURI {
        guard let comma = bytes.firstIndex(of: 0x2C) else {
            throw GLTFError("data URI has no ',' before its payload", code: .invalidUri)
        }
        let header = String(decoding: bytes[5..<comma], as: UTF8.self)
        let params = header.split(separator: ";", omittingEmptySubsequences: false).map { String($0) }
        let isBase64 = params.dropFirst().contains { $0.lowercased() == "base64" }
        let mime = params.first.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let payload = bytes[(comma + 1)...]
        if isBase64 {
            guard let decoded = Base64.decode(payload) else {
                throw GLTFError("data URI has invalid base64 data", code: .invalidUri)
            }
            return .data(mimeType: mime, bytes: decoded)
        }
        let text = String(decoding: payload, as: UTF8.self)
        let decoded = try percentDecode(text, uri: "data:")
        return .data(mimeType: mime, bytes: Array(decoded.utf8))
    }

    /// A base64 data URI for `bytes`.
    public static func dataURI(mimeType: String, bytes: [UInt8]) -> String {
        var out = Array("data:\(mimeType);base64,".utf8)
        out.append(contentsOf: Base64.encode(bytes))
        return String(decoding: out, as: UTF8.self)
    }
}
