#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore

/// Where external buffers and images come from. Paths handed to a loader are relative to the
/// asset's folder and have already passed the URI safety checks (see `URIPolicy`).
///
/// Tests use `MemoryResourceLoader`; tools use `FileResourceLoader`.
public protocol ResourceLoader: Sendable {
    /// The size in bytes of the resource, or nil when it does not exist; throws when the
    /// resource exists but must not be read.
    func size(of path: String) throws -> Int?
    /// The resource's bytes.
    func read(_ path: String) throws -> [UInt8]
}

/// Loads resources from files relative to a base directory.
public struct FileResourceLoader: ResourceLoader {
    public var baseDirectory: String
    /// Refuse files whose real path (symbolic links resolved) is outside `baseDirectory`.
    public var confineToBase: Bool

    public init(baseDirectory: String, confineToBase: Bool = true) {
        self.baseDirectory = baseDirectory
        self.confineToBase = confineToBase
    }

    func fullPath(_ path: String) -> String {
        if path.hasPrefix("/") || baseDirectory.isEmpty { return path }
        return baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
    }

    public func size(of path: String) throws -> Int? {
        var info = stat()
        guard stat(fullPath(path), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        try checkConfined(path)
        return Int(info.st_size)
    }

    public func read(_ path: String) throws -> [UInt8] {
        try checkConfined(path)
        return try FileIO.readGLTF(fullPath(path))
    }

    /// A relative path can still leave the folder through a symbolic link (`AssetPath.isConfined`).
    func checkConfined(_ path: String) throws {
        guard confineToBase, !path.hasPrefix("/") else { return }
        guard AssetPath.isConfined(path, root: baseDirectory) else {
            throw GLTFError("'\(path)' leaves the asset's folder through a symbolic link; refused", code: .nonRelativeUri)
        }
    }
}

/// Loads resources from an in-memory table (tests, embedded uses).
public struct MemoryResourceLoader: ResourceLoader {
    public var files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]] = [:]) {
        self.files = files
    }

    public func size(of path: String) throws -> Int? { files[path]?.count }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw GLTFError("No such file or directory", code: .ioError) }
        return bytes
    }
}

extension FileIO {
    /// `read`, failing with the reader's own error type.
    static func readGLTF(_ path: String, limit: Int = Int.max) throws -> [UInt8] {
        do { return try read(path, limit: limit) } catch { throw GLTFError(error.reason, code: .ioError) }
    }
}
