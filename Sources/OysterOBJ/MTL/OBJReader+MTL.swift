import OysterCore

extension OBJReader {
    /// Reads one MTL library from memory into glTF-style materials, as `read` does for each
    /// `mtllib` (same parser, same MTL → PBR rules), without a folder: texture maps are
    /// resolved and path-checked but never loaded.
    ///
    /// For callers that hold an MTL on its own (fuzzing, checks); duplicate names keep the
    /// first definition, as `read` does.
    public static func readMaterialLibrary(_ bytes: [UInt8], fileName: String = "materials.mtl")
        -> (materials: [Material], diagnostics: [Diagnostic]) {
        var parser = MTLParser(fileName: fileName)
        let parsed = parser.parse(bytes)
        var resolver = MTLMaterialResolver(root: nil, loadTextures: false, maxTextureBytes: 0)
        var seen = Set<String>()
        var materials: [Material] = []
        for m in parsed where seen.insert(m.name).inserted {
            materials.append(resolver.material(m, mtlFolder: OBJPaths.folder(of: fileName), mtlFile: fileName))
        }
        return (materials, parser.diagnostics + resolver.diagnostics)
    }
}
