#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for files an asset names — glTF buffer and image URIs, OBJ `mtllib` and MTL
/// texture paths — used by every reader and by the validator:
///
/// - A reference is a path relative to the asset's folder. `/` and `\` both separate
///   segments (Windows exporters write `textures\wood.png`); empty and `.` segments are
///   dropped; `..` removes the segment before it.
/// - It may not leave the folder: a `..` with nothing left to remove, an absolute path
///   (`/x`, `\x`, `C:…`) or a NUL byte is refused. So `maps/../wood.png` is `wood.png`, and
///   `../wood.png` or `maps/../../wood.png` are refused.
/// - Symbolic links are followed only when the file they reach is inside the folder too
///   (`isConfined`), so a link cannot smuggle a read out.
///
/// Why normalise rather than refuse every `..`: `a/../b` never leaves the folder, valid files
/// use it, and the Khronos validator reads them; refusing it would call a valid asset broken.
public enum AssetPath {
    /// Why a reference is refused.
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// It starts at a root or a drive.
        case absolute
        /// A `..` climbs above the asset's folder.
        case leavesFolder
        /// It names no file (empty, or only `.` and `/`).
        case empty
        /// It contains a NUL byte (which C file APIs would cut short).
        case nulByte

        public var description: String {
            switch self {
            case .absolute: return "is an absolute path"
            case .leavesFolder: return "leaves the asset's folder"
            case .empty: return "names no file"
            case .nulByte: return "contains a NUL byte"
            }
        }
    }

    /// `reference` resolved against `folder` (a normalised path relative to the asset's root,
    /// "" for the root itself), as a normalised relative path with `/` separators.
    public static func resolve(_ reference: String, in folder: String = "") -> Result<String, Refusal> {
        let bytes = Array(reference.utf8)
        if bytes.contains(0) { return .failure(.nulByte) }
        if let first = bytes.first, first == 0x2F || first == 0x5C { return .failure(.absolute) }
        // `C:` (a drive letter, with or without a separator after it).
        if bytes.count >= 2, bytes[1] == 0x3A, (bytes[0] | 0x20) >= 0x61, (bytes[0] | 0x20) <= 0x7A { return .failure(.absolute) }
        var parts: [Substring] = folder.split(separator: "/")
        for part in reference.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return .failure(.leavesFolder) }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        guard !parts.isEmpty else { return .failure(.empty) }
        return .success(parts.joined(separator: "/"))
    }

    /// `relative` joined to `root` ("" or "." mean the working folder).
    public static func join(_ root: String, _ relative: String) -> String {
        root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    /// Whether the file `relative` names under `root` is still inside `root` once symbolic
    /// links are resolved. A file that does not exist is confined (there is nothing to read).
    public static func isConfined(_ relative: String, root: String) -> Bool {
        guard let base = realPath(root.isEmpty ? "." : root), let target = realPath(join(root, relative)) else { return true }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return target.hasPrefix(prefix)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
