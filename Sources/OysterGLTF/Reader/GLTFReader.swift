import OysterCore
import OysterJSON

/// Reads `.gltf` and `.glb` files into a `Scene`.
///
/// Stages follow cgltf: parse (`GLTFDocument.parse`), load resources
/// (`GLTFDocument.loadBuffers`, images), resolve (accessors densified into `DataArray`s,
/// references checked). Structural problems throw a `GLTFError` with a one-line message;
/// recoverable ones (refused URIs, missing images, unknown values) come back as diagnostics.
public struct GLTFReader: Sendable {
    public var options: GLTFReadOptions

    public init(options: GLTFReadOptions = GLTFReadOptions()) {
        self.options = options
    }

    /// Reads the file at `path`; external resources resolve relative to its folder.
    public func read(path: String) throws -> GLTFReadResult {
        let bytes = try FileIO.readGLTF(path, limit: options.maxResourceSize)
        let folder = parentDirectory(of: path)
        let loader = FileResourceLoader(baseDirectory: folder.isEmpty ? "." : folder, confineToBase: !options.allowUnsafeURIs)
        return try read(bytes: bytes, loader: loader)
    }

    /// Reads a file's bytes; `baseDirectory` (or an explicit `loader`) supplies external files.
    /// With neither, only data URIs and GLB chunks are available.
    public func read(bytes: [UInt8], baseDirectory: String? = nil, loader: ResourceLoader? = nil) throws -> GLTFReadResult {
        let document = try GLTFDocument.parse(bytes, limits: options.jsonLimits)
        let resolvedLoader = loader ?? baseDirectory.map { FileResourceLoader(baseDirectory: $0, confineToBase: !options.allowUnsafeURIs) }
        return try read(document: document, loader: resolvedLoader)
    }

    /// Resolves an already parsed document.
    public func read(document: GLTFDocument, loader: ResourceLoader?) throws -> GLTFReadResult {
        var resolver = SceneResolver(document: document, loader: loader, options: options)
        let scene = try resolver.resolve()
        return GLTFReadResult(scene: scene, diagnostics: document.diagnostics + resolver.diagnostics)
    }
}

func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
