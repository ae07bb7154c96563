/// Options for writing glTF and GLB.
public struct GLTFWriteOptions: Sendable {
    /// `.gltf` only: put the buffer and images in data URIs instead of files beside the JSON.
    public var embed = false
    /// Indent the JSON (two spaces).
    public var pretty = false
    /// `asset.generator`.
    public var generator = "Oyster 0.1.0"
    /// Write `extras` that are not JSON objects (`42`, `"text"`, `[…]`) as `{"value": …}`.
    /// Off by default: glTF allows extras of any type and a converter must carry them
    /// verbatim; turn it on for loaders that assume objects (pygltflib fails on others).
    /// `null` extras are dropped either way.
    public var wrapNonObjectExtras = false

    public init(embed: Bool = false, pretty: Bool = false) {
        self.embed = embed
        self.pretty = pretty
    }
}

/// A `.gltf` output in memory: the JSON document and the files it refers to, by name
/// relative to the JSON's folder.
public struct GLTFFiles: Sendable {
    public var json: [UInt8]
    public var resources: [(name: String, bytes: [UInt8])]
}
