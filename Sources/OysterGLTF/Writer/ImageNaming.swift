import OysterCore

/// File names for images written beside a `.gltf`: derived from the source URI or image name,
/// reduced to safe characters (so they never leave the output folder and need no
/// percent-encoding), with the extension of their type, and unique (case-insensitively).
struct ImageNaming {
    private var taken: Set<String>

    init(reserved: Set<String>) {
        taken = Set(reserved.map { $0.lowercased() })
    }

    mutating func name(for image: Image, index: Int, mimeType: String?) -> String {
        var stem = ""
        var sourceExtension: String?
        if let uri = image.uri, !uri.hasPrefix("data:") {
            let decoded = (try? URIPolicy.percentDecode(uri, uri: uri)) ?? uri
            let last = decoded.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            if let dot = last.lastIndex(of: "."), dot != last.startIndex {
                stem = String(last[..<dot])
                sourceExtension = String(last[last.index(after: dot)...]).lowercased()
            } else {
                stem = last
            }
        }
        if Self.sanitize(stem).isEmpty, let n = image.name { stem = n }
        stem = Self.sanitize(stem)
        if stem.isEmpty { stem = "image\(index)" }
        var ext = Image.fileExtension(forMimeType: mimeType)
        if ext == "bin", let s = sourceExtension, !Self.sanitize(s).isEmpty { ext = Self.sanitize(s) }
        var candidate = "\(stem).\(ext)"
        var k = 1
        while taken.contains(candidate.lowercased()) {
            candidate = "\(stem)-\(k).\(ext)"
            k += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// Letters, digits, '-', '_' and inner '.'; everything else becomes '_'; at most 64 characters.
    static func sanitize(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars.prefix(64) {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": out.unicodeScalars.append(scalar)
            default: out.append("_")
            }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        while out.hasSuffix(".") { out.removeLast() }
        return out.allSatisfy({ $0 == "_" }) ? "" : out
    }
}
