import OysterCore

/// Paths of files an OBJ names (MTL libraries, textures): OBJ's quoting and the shared rule
/// of `AssetPath` (a path may not leave the model's folder).
enum OBJPaths {
    /// `path` (as written) resolved against `folder` (relative to the model's folder), as a
    /// normalized relative path; nil when it is absolute, a URL, or climbs out with `..`.
    static func resolve(_ path: String, in folder: String) -> String? {
        var p = path.replacingBackslashes()
        if p.hasPrefix("\"") && p.hasSuffix("\"") && p.count >= 2 { p = String(p.dropFirst().dropLast()) }
        // A URL or a shell home folder is never a file beside the model.
        if p.contains("://") || p.hasPrefix("~") { return nil }
        // Then the one path rule every reader shares (OysterCore.AssetPath).
        return try? AssetPath.resolve(p, in: folder).get()
    }

    /// The last component of a written path (either separator).
    static func fileName(_ path: String) -> String {
        let p = path.replacingBackslashes()
        return p.split(separator: "/").last.map(String.init) ?? p
    }

    /// `relative` as it exists under `root`: exact, else matching each component without
    /// regard to ASCII case; nil when there is no such regular file.
    static func locate(_ relative: String, root: String) -> String? {
        if FileIO.isFile(join(root, relative)) { return relative }
        var found: [String] = []
        for part in relative.split(separator: "/").map(String.init) {
            let folder = found.isEmpty ? root : join(root, found.joined(separator: "/"))
            if FileIO.entryExists(join(folder, part)) {
                found.append(part)
                continue
            }
            let lower = part.lowercased()
            guard let match = FileIO.listDirectory(folder).first(where: { $0.lowercased() == lower }) else { return nil }
            found.append(match)
        }
        let path = found.joined(separator: "/")
        return FileIO.isFile(join(root, path)) ? path : nil
    }

    static func join(_ root: String, _ relative: String) -> String {
        root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    /// The folder part of a relative path ("" for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The file name without folder and extension.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func mimeType(forExtensionOf path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return "image/jpeg" }
        if lower.hasSuffix(".webp") { return "image/webp" }
        if lower.hasSuffix(".ktx2") { return "image/ktx2" }
        return nil
    }
}

extension String {
    func replacingBackslashes() -> String {
        String(decoding: utf8.map { $0 == 0x5C ? 0x2F : $0 }, as: UTF8.self)
    }
}
