import OysterCore
import OysterJSON
import OysterProcess

/// `manifest.json`: every file with size and SHA-256, the target and options, the engine rules
/// followed, the passes applied and the scene figures before and after.
struct ExportManifest {
    var package: ExportPackage
    /// Per file: errors, warnings and infos of its validation.
    var validation: [(String, JSONValue)]

    var json: JSONValue {
        let options = package.options
        let product = package.product
        // Hashing is most of a manifest's cost (hundreds of MB with the OBJ): files in parallel.
        let files = package.files
        let hashes = Parallel.map(files.count) { SHA256.hex(files[$0].bytes) }
        let fileList: [JSONValue] = files.indices.map { i in
            .object(JSONObject([("path", .string(files[i].path)), ("size", .int(Int64(files[i].bytes.count))), ("sha256", .string(hashes[i]))]))
        }
        var afterFigures = product.after.jsonValue.objectValue ?? JSONObject()
        afterFigures["renderedDrawCalls"] = .int(Int64(product.rendered.drawCalls))
        afterFigures["renderedTriangles"] = .int(Int64(product.rendered.triangles))
        let atlasFiles = package.files.map(\.path).filter { $0.hasPrefix("textures/atlas-") }
        return .object(JSONObject([
            ("generator", .string("oyster-export")),
            ("name", .string(package.name)),
            ("target", .string(options.target.rawValue)),
            ("options", .object(JSONObject([("lods", .int(Int64(options.lods))), ("atlas", .bool(options.atlas)),
                                            ("maxTexture", .int(Int64(options.maxTexture))), ("obj", .bool(options.obj))]))),
            ("conventions", .array(options.conventions.map { .string($0) })),
            ("atlas", .object(JSONObject([("pages", .int(Int64(product.atlasPages))), ("files", .array(atlasFiles.map { .string($0) }))]))),
            ("statistics", .object(JSONObject([("before", product.before.jsonValue), ("after", .object(afterFigures))]))),
            ("passes", .array(product.passes.map(\.jsonValue))),
            ("notes", .array(product.notes.map { .string($0) })),
            ("validation", .object(JSONObject(validation))),
            ("files", .array(fileList)),
        ]))
    }
}
