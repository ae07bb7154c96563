import OysterCore
import OysterJSON

/// Options for reading glTF and GLB; defaults suit untrusted files.
public struct GLTFReadOptions: Sendable {
    /// Follow URIs that leave the asset's folder (`..`, absolute paths, `file:`). Off by default:
    /// such URIs are refused with a warning and never read. Network schemes are never fetched.
    public var allowUnsafeURIs = false
    /// Bounds on the JSON document.
    public var jsonLimits = JSONLimits(maxDepth: 256, maxInputSize: 512 << 20, maxStringLength: 512 << 20)
    /// Largest external file (buffer or image) read, in bytes.
    public var maxResourceSize = 4 << 30
    /// Bytes of zero-filled accessors (no bufferView, so no real data backs their size) a file
    /// may ask for in total, beyond 4× its real buffer data.
    public var maxZeroFilledBytes = 64 << 20
    /// Load image bytes (off when only geometry is wanted).
    public var loadImages = true

    public init() {}
}

/// What reading produced: the scene and the warnings met on the way.
public struct GLTFReadResult: Sendable {
    public var scene: Scene
    public var diagnostics: [Diagnostic]

    public init(scene: Scene, diagnostics: [Diagnostic]) {
        self.scene = scene
        self.diagnostics = diagnostics
    }
}
