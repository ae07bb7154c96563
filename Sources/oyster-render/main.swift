import OysterCLI
import OysterCore
import OysterImage
import OysterRender

/// oyster-render: a still of a scene, headless (OpenGL through EGL; llvmpipe on a CPU).
struct Render: OysterTool {
    static let toolName = "oyster-render"
    static let configuration = CommandConfiguration(
        commandName: "oyster-render",
        abstract: "Render a still of a scene to PNG, headless, on a CPU or a GPU.",
        discussion: """
            The view is the scene's first camera, or --camera NAME, or --from X,Y,Z --at X,Y,Z;
            a scene without cameras is framed from its bounds. This first version draws base
            colours (factors, vertex colours, textures), alpha mask and blend, the scene's sun
            with sky ambient and emissive surfaces; PBR, shadows, point lights, fog, animation
            and video are still to come.

            Exit status: 0 rendered; 2 usage error (bad size, unknown camera); 3 input unreadable
            or no headless OpenGL (the message names the packages); 4 output could not be written.
            """)

    @Argument(help: "The scene to render (.gltf, .glb or .obj).")
    var input: String

    @Option(name: [.short, .customLong("output")], help: "The PNG to write.")
    var output: String

    @Option(help: "Frame size WIDTHxHEIGHT (each 1-16384).")
    var size = "640x360"

    @Option(help: "A camera by node or camera name.")
    var camera: String?

    @Option(help: "Eye position X,Y,Z (with --at).")
    var from: String?

    @Option(help: "Point looked at X,Y,Z (with --from; default the scene's centre).")
    var at: String?

    @Flag(help: "Read URIs and texture paths that leave the input's folder (refused by default).")
    var allowUnsafePaths = false

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    func parsedSize() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], (1...RenderOptions.maxSide).contains(w), (1...RenderOptions.maxSide).contains(h) else {
            throw ValidationError("--size must be WIDTHxHEIGHT with each side 1-\(RenderOptions.maxSide)")
        }
        return (w, h)
    }

    static func vector(_ text: String, _ flag: String) throws -> Vec3 {
        let v = text.split(separator: ",").map { Float($0.trimmingPrefix(" ")) }
        guard v.count == 3, let x = v[0], let y = v[1], let z = v[2], x.isFinite, y.isFinite, z.isFinite else {
            throw ValidationError("\(flag) must be three numbers X,Y,Z")
        }
        return Vec3(x, y, z)
    }

    func validate() throws {
        guard let format = FileFormat(path: input), format.isScene else {
            throw ValidationError("cannot tell the scene format of '\(input)' (expected \(FileFormat.sceneExtensions))")
        }
        guard output.lowercased().hasSuffix(".png") else { throw ValidationError("-o must name a .png file") }
        _ = try parsedSize()
        if let from { _ = try Self.vector(from, "--from") }
        if let at { _ = try Self.vector(at, "--at") }
        if at != nil && from == nil { throw ValidationError("--at needs --from") }
    }

    func run() throws {
        let console = Console(toolName: Self.toolName, quiet: quiet)
        var readOptions = SceneReadOptions()
        readOptions.allowUnsafePaths = allowUnsafePaths
        let (scene, diagnostics) = try SceneIO.read(input, options: readOptions)
        console.report(diagnostics, file: input)
        let (w, h) = try parsedSize()
        var options = RenderOptions(width: w, height: h)
        options.camera = camera
        options.eye = try from.map { try Self.vector($0, "--from") }
        options.target = try at.map { try Self.vector($0, "--at") }
        let image: PixelImage
        let device: String
        do {
            let renderer = try Renderer()
            device = renderer.deviceName
            image = try renderer.render(scene, options: options)
        } catch {
            // Typed throws: every error here is a RenderError.
            switch error {
            case .unknownCamera, .badSize: throw ToolFailure(.usage, file: input, error.description)
            case .noOpenGL, .noGPU, .gl: throw ToolFailure.unreadable(input, error.description)
            }
        }
        let png: [UInt8]
        do { png = try ImageCodec.encodePNG(image) } catch { throw ToolFailure.unwritable(output, "\(error)") }
        do { try AtomicFile.write(png, to: output) } catch { throw ToolFailure.unwritable(output, "\(error)") }
        console.info("\(Self.toolName): wrote \(output) (\(w)x\(h), \(device))")
    }
}

Render.runAsTool()
