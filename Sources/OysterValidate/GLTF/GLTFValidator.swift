import OysterCore
import OysterGLTF
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

    /// The raw document (OysterGLTF's parse stage) the stages run over.
    let document: GLTFDocument

    init(ctx: IssueContext, options: ValidationOptions, loader: ExternalResources, document: GLTFDocument) {
        self.ctx = ctx
        self.options = options
        self.loader = loader
        self.document = document
        self.doc.isGLB = document.glb != nil
        self.glbBin = document.binChunk
    }

    /// Runs every stage over the document; returns the asset statistics.
    func run() -> AssetInfo? {
        let root = JSONValue.object(document.json)
        let r = Obj(document.json, "", ctx)
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
