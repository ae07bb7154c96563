import OysterCore
import OysterJSON

/// Validates one glTF document (JSON already parsed) with its resources, stage by stage.
/// Stages run one after another; only the data stage fans out, and it reads `doc` without writing.
final class GLTFValidator: @unchecked Sendable {
    let ctx: IssueContext
    let options: ValidationOptions
    let loader: ExternalResources
    var doc = Document()
    /// The GLB BIN chunk, when the container has one.
    var glbBin: ArraySlice<UInt8>?

    init(ctx: IssueContext, options: ValidationOptions, loader: ExternalResources, isGLB: Bool, bin: ArraySlice<UInt8>?) {
        self.ctx = ctx
        self.options = options
        self.loader = loader
        self.doc.isGLB = isGLB
        self.glbBin = bin
    }

    /// Runs every stage over the root value; returns the asset statistics.
    func run(_ root: JSONValue) -> AssetInfo? {
        guard case .object(let ro) = root else {
            ctx.add(.typeMismatch, "", "Property value \(describe(root)) is not a 'object'.")
            return nil
        }
        let r = Obj(ro, "", ctx)
        doc.root = root
        parseRoot(r)          // schema: types, required, ranges, enums, unexpected properties, extensions
        if doc.versionUnusable { return nil }
        loadBuffers()         // buffers: URIs, data URIs, GLB chunk, byte lengths
        linkBufferViews()     // references and bounds
        linkAccessors()
        linkImagesTextures()
        linkMaterials()
        linkMeshes()
        linkNodes()
        linkSkins()
        linkScenes()
        linkAnimations()
        linkExtensions()
        checkNodeGraph()      // loops, skins, empty nodes
        if options.checkData {
            checkAccessorData()  // min/max, NaN, unit vectors, weights, indices, keyframes, IBMs
            checkImages()        // image headers and MIME types
        }
        reportUnused()
        return makeInfo()
    }
}
