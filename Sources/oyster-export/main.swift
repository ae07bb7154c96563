import OysterCLI
import OysterCore
import OysterExport
import OysterImage
import OysterRender

extension ExportTarget: ExpressibleByArgument {}

/// oyster-export: a scene to a package its target engine or tool opens as is.
struct Export: OysterTool {
    static let toolName = "oyster-export"
    static let configuration = CommandConfiguration(
        commandName: "oyster-export",
        abstract: "Export a scene as a package ready for Godot, Unity, Unreal, Blender, the web or any glTF tool.",
        discussion: """
            OUTDIR receives <name>.glb (engine-ready for the target), obj/<name>.obj with its .mtl
            and textures, textures/ (atlas pages atlas-<n>.png and any image left out of the atlas)
            and manifest.json (every file with its size and SHA-256, the target, the passes applied,
            triangles, draw calls and texture memory before and after).

            Targets: godot (-convcolonly/-colonly collision hints, OMI_physics, -loop animations),
            unity (<Name>_LOD0.._LOD2 groups, <Name>_Collider nodes), unreal (UCX_<Name>_NN convex
            collision, LOD chain), blender (full quality), web (one compact GLB: quantized,
            instanced, power-of-two textures <= 2048), generic (GLB + OBJ, atlas, plain names).

            Every file written is validated; an error fails the export.
            Exit status: 0 exported; 1 an output file has validation errors; 2 usage error;
            3 input unreadable or malformed; 4 output could not be written.
            """)

    @Argument(help: "The scene to export (.gltf, .glb or .obj).")
    var input: String

    @Option(help: "The target: \(ExportTarget.allCases.map(\.rawValue).joined(separator: ", ")).")
    var target: ExportTarget = .generic

    @Option(name: [.short, .customLong("output")], help: "The package folder to write.")
    var output: String

    @Option(help: "LOD levels including LOD0 (1 = no LODs; default 3 for unity and unreal, 1 otherwise).")
    var lods: Int?

    @Flag(inversion: .prefixedNo, help: "Pack textures into atlas pages (default on).")
    var atlas = true

    @Option(help: "Largest texture side in pixels (default 2048 for web, 8192 for blender, 4096 otherwise).")
    var maxTexture: Int?

    @Flag(inversion: .prefixedNo, help: "Also write obj/<name>.obj with its .mtl and textures (default on).")
    var obj = true

    @Flag(help: "Read URIs and texture paths that leave the input's folder (refused by default).")
    var allowUnsafePaths = false

    @Flag(inversion: .prefixedNo, help: "Render preview.png of the package's scene from its camera (default on; skipped with a warning where there is no headless OpenGL).")
    var preview = true

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard let format = FileFormat(path: input), format.isScene else {
            throw ValidationError("cannot tell the scene format of '\(input)' (expected \(FileFormat.sceneExtensions))")
        }
        if let lods, !(1...6).contains(lods) { throw ValidationError("--lods must be 1-6") }
        if let maxTexture, !(16...16384).contains(maxTexture) { throw ValidationError("--max-texture must be 16-16384") }
        guard !output.isEmpty else { throw ValidationError("-o OUTDIR must not be empty") }
    }

    func run() throws {
        let console = Console(toolName: Self.toolName, quiet: quiet)
        var readOptions = SceneReadOptions()
        readOptions.allowUnsafePaths = allowUnsafePaths
        let (scene, diagnostics) = try SceneIO.read(input, options: readOptions)
        console.report(diagnostics, file: input)
        var options = ExportOptions(target: target)
        options.lods = lods ?? target.defaultLODs
        options.atlas = atlas
        options.maxTexture = maxTexture ?? target.defaultMaxTexture
        options.obj = obj
        let name = ExportOptions.packageName(forInput: input)
        let result: Exporter.Result
        do {
            result = try Exporter.export(scene, name: name, options: options, to: output, preview: preview ? Self.renderPreview(console) : nil)
        } catch ExportError.invalidOutput(let file, let message) {
            throw ToolFailure(.inputHasErrors, file: file.hasPrefix(output) ? file : output + "/" + file, message)
        } catch ExportError.unwritable(let path, let message) {
            throw ToolFailure.unwritable(path, message)
        }
        for warning in result.written.warnings { console.warning(warning) }
        let b = result.product.before, a = result.product.after
        console.info("\(Self.toolName): wrote \(output) for \(target.rawValue): \(result.written.files.count) files; "
            + "triangles \(b.triangles) -> \(a.triangles), draw calls \(b.drawCalls) -> \(a.drawCalls), "
            + "images \(b.images) -> \(a.images), texture memory \(b.textureBytes) -> \(a.textureBytes) bytes")
    }
}

extension Export {
    /// preview.png: the packaged scene from its first camera at 640×360 (oyster-render's
    /// renderer); nil, with a warning, where headless OpenGL is missing.
    static func renderPreview(_ console: Console) -> ExportPackage.PreviewRenderer {
        { scene in
            do {
                let image = try Renderer().render(scene, options: RenderOptions(width: 640, height: 360))
                return try ImageCodec.encodePNG(image)
            } catch let error as RenderError {
                console.warning("preview.png not rendered: \(error)")
                return nil
            }
        }
    }
}

Export.runAsTool()
