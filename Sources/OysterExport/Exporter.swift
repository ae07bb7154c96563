import OysterCore

/// One export from a scene to a package folder: process (`ExportPlan`), encode
/// (`ExportPackage`), then stage, validate and commit (`PackageWriter`). The tool and the live
/// session both call this.
public enum Exporter {
    /// What an export did.
    public struct Result: Sendable {
        public var product: ExportProduct
        public var written: PackageWriteResult
    }

    /// Exports `scene` as package `name` into `folder`.
    public static func export(_ scene: Scene, name: String, options: ExportOptions, to folder: String,
                              preview: ExportPackage.PreviewRenderer? = nil) throws -> Result {
        let product = try ExportPlan(options).process(scene)
        let package = try ExportPackage(name: name, options: options, product: product, preview: preview)
        let written = try PackageWriter(folder: folder).write(package)
        return Result(product: product, written: written)
    }
}
