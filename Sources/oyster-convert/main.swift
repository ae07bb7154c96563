import OysterCLI
import OysterCore
import OysterGLTF
import OysterImage

/// oyster-convert: any supported file to any supported file, as lossless as the target allows.
struct Convert: OysterTool {
    static let toolName = "oyster-convert"
    static let configuration = CommandConfiguration(
        commandName: "oyster-convert",
        abstract: "Convert between glTF, GLB and OBJ scenes, or between PNG and JPEG images.",
        discussion: """
            The output format comes from OUTPUT's extension: \(FileFormat.allExtensions).
            Scenes convert between scene formats, images between image formats.
            .gltf output writes its .bin and textures beside it (--embed: data URIs instead);
            .glb output is self-contained.

            Exit status: 0 converted; 2 usage error; 3 input unreadable or malformed;
            4 output could not be written.
            """)

    @Argument(help: "The file to read.")
    var input: String

    @Argument(help: "The file to write; its extension picks the format.")
    var output: String

    @Flag(help: "glTF output: embed buffers and images as data URIs.")
    var embed = false

    @Flag(help: "glTF output: indent the JSON.")
    var pretty = false

    @Option(help: "JPEG output quality, 1-100.")
    var quality = 90

    @Flag(help: "Read URIs and texture paths that leave the input's folder (refused by default).")
    var allowUnsafePaths = false

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard FileFormat(path: input) != nil else {
            throw ValidationError("cannot tell the format of '\(input)' (expected \(FileFormat.allExtensions))")
        }
        guard let outFormat = FileFormat(path: output) else {
            throw ValidationError("cannot tell the format of '\(output)' (expected \(FileFormat.allExtensions))")
        }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1-100") }
        if FileFormat(path: input)!.isScene != outFormat.isScene {
            throw ValidationError("cannot convert between a scene and an image ('\(input)' -> '\(output)')")
        }
    }

    func run() throws {
        let console = Console(toolName: Self.toolName, quiet: quiet)
        let inFormat = FileFormat(path: input)!
        if inFormat.isScene {
            var readOptions = SceneReadOptions()
            readOptions.allowUnsafePaths = allowUnsafePaths
            let (scene, diagnostics) = try SceneIO.read(input, options: readOptions)
            console.report(diagnostics, file: input)
            let written = try SceneIO.write(scene, to: output, options: SceneWriteOptions(embed: embed, pretty: pretty))
            let s = scene.statistics
            console.info("\(Self.toolName): wrote \(written.joined(separator: ", ")) (\(s.meshes) meshes, \(s.triangles) triangles, \(s.materials) materials, \(s.images) images, \(s.animations) animations)")
        } else {
            try convertImage(console: console)
        }
    }

    private func convertImage(console: Console) throws {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(input, limit: 1 << 30) } catch { throw ToolFailure.unreadable(input, "\(error)") }
        let target: ImageFormat = FileFormat(path: output) == .png ? .png : .jpeg
        let encoded: [UInt8]
        do { encoded = try ImageConverter.convert(bytes, to: target, quality: quality) } catch { throw ToolFailure.unreadable(input, "\(error)") }
        do {
            try AtomicFile.write(encoded, to: output)
        } catch { throw ToolFailure.unwritable(output, "\(error)") }
        console.info("\(Self.toolName): wrote \(output)")
    }
}

Convert.runAsTool()
