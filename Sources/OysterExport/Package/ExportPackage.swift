import OysterCore
import OysterGLTF
import OysterImage
import OysterOBJ

/// A package's files in memory, before anything is written: deterministic bytes, sorted by
/// path. `PackageWriter` stages, validates and commits them.
public struct ExportPackage: Sendable {
    /// One file of the package.
    public struct File: Sendable {
        /// The path inside the package folder.
        public var path: String
        public var bytes: [UInt8]
    }

    /// The package's file stem (`<name>.glb`, `obj/<name>.obj`).
    public var name: String
    public var options: ExportOptions
    public var product: ExportProduct
    /// Every file but `manifest.json` (which the writer adds last), sorted by path.
    public var files: [File]

    /// Renders `preview.png` for a package (the renderer plugs in here); nil: no preview.
    public typealias PreviewRenderer = @Sendable (Scene) throws -> [UInt8]?

    /// Encodes the processed scene into the package's files: `textures/` (the images of the
    /// base scene), `obj/` when asked, `<name>.glb`, and `preview.png` when `preview` is given.
    public init(name: String, options: ExportOptions, product: ExportProduct, preview: PreviewRenderer? = nil) throws {
        self.name = name
        self.options = options
        self.product = product
        var files: [File] = []
        // Images that passes left as pixels are encoded once, here, for both the textures and the OBJ.
        let base = product.base.encodingPixelImages()
        for (i, image) in base.images.enumerated() {
            guard let data = image.data, !data.isEmpty else { continue }
            let ext = Image.fileExtension(forMimeType: image.mimeType ?? Image.sniffMimeType(data))
            files.append(File(path: "textures/\(image.name ?? "image\(i)").\(ext)", bytes: data))
        }
        if options.obj {
            let obj = OBJWriter().encode(base, mtlName: "\(name).mtl")
            files.append(File(path: "obj/\(name).obj", bytes: obj.obj))
            if let mtl = obj.mtl { files.append(File(path: "obj/\(name).mtl", bytes: mtl)) }
            for t in obj.textures { files.append(File(path: "obj/\(t.name)", bytes: t.bytes)) }
        }
        // The writer's structural check names the broken object; a failure here is a pass bug.
        do { try GLTFWriter.check(product.final) } catch {
            throw ExportError.invalidOutput(file: "\(name).glb", message: "processed scene is invalid: \(error)")
        }
        files.append(File(path: "\(name).glb", bytes: GLTFWriter().encodeGLB(product.final)))
        if let preview, let png = try preview(product.final) {
            files.append(File(path: "preview.png", bytes: png))
        }
        files.sort { $0.path < $1.path }
        self.files = files
    }
}
