import Foundation
import Synchronization
import OysterCore
import OysterImage
import OysterRender
import OysterTestSupport
import Testing

/// Whether headless OpenGL (EGL surfaceless) can be had here; tests that draw skip visibly
/// when not.
let openGLAvailable: Bool = (try? Renderer()) != nil

/// A 2 m red square facing +Z at the origin, seen by a camera 3 m away on +Z, and a green one
/// farther back and to the right, half hidden.
func twoSquares(camera: String = "Cam") -> Scene {
    var scene = Scene()
    func square(_ color: Vec4, at z: Float, x: Float) {
        var m = Material(name: "m\(scene.materials.count)")
        m.baseColorFactor = color
        m.metallicFactor = 0
        scene.materials.append(m)
        let p = Primitive(attributes: [
            "POSITION": DataArray(vec3: [Vec3(-1 + x, -1, z), Vec3(1 + x, -1, z), Vec3(1 + x, 1, z), Vec3(-1 + x, 1, z)]),
            "NORMAL": DataArray(vec3: Array(repeating: Vec3(0, 0, 1), count: 4)),
        ], indices: DataArray(indices: [0, 1, 2, 0, 2, 3]), material: scene.materials.count - 1)
        scene.meshes.append(Mesh(name: "Square", primitives: [p]))
        scene.nodes.append(Node(name: "Square\(scene.meshes.count)", mesh: scene.meshes.count - 1))
    }
    square(Vec4(1, 0, 0, 1), at: 0, x: 0)
    square(Vec4(0, 1, 0, 1), at: -1, x: 1.2)
    scene.cameras.append(Camera(name: "Lens", projection: .perspective(yfov: 0.8, aspectRatio: nil, znear: 0.1, zfar: 100)))
    var cam = Node(name: camera, transform: .trs(translation: Vec3(0, 0, 3), rotation: .identity, scale: .one))
    cam.camera = 0
    scene.nodes.append(cam)
    scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
    scene.defaultRoot = 0
    return scene
}

@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL: apt-get install libegl-dev libgl-dev libgl1-mesa-dri libegl-mesa0"))
struct RendererTests {
    func pixel(_ image: PixelImage, _ x: Int, _ y: Int) -> [UInt8] {
        let i = (y * image.width + x) * 4
        return Array(image.samples8[i..<(i + 4)])
    }

    @Test func theCameraSeesTheRedSquareInFrontOfTheGreenOneAndSkyAround() throws {
        let image = try Renderer().render(twoSquares(), options: RenderOptions(width: 96, height: 64))
        #expect(image.width == 96 && image.height == 64 && image.channels == 4)
        let centre = pixel(image, 48, 32)
        #expect(centre[0] > 150 && centre[1] < 40 && centre[2] < 40, "centre \(centre)")
        // Right of the red square, the green one shows; nearer the centre it is hidden.
        let right = pixel(image, 80, 32)
        #expect(right[1] > 100 && right[0] < 60, "right \(right)")
        // Corners are sky: blue above red and green.
        let corner = pixel(image, 2, 2)
        #expect(corner[2] > corner[0] && corner[2] > 150, "corner \(corner)")
    }

    @Test func theSameSceneGivesTheSameBytes() throws {
        let renderer = try Renderer()
        let a = try renderer.render(twoSquares(), options: RenderOptions(width: 64, height: 48))
        let b = try renderer.render(twoSquares(), options: RenderOptions(width: 64, height: 48))
        #expect(a.samples8 == b.samples8)
    }

    @Test func anExplicitViewpointLooksWhereItIsTold() throws {
        var options = RenderOptions(width: 64, height: 48)
        // In front of the green square, looking straight at its centre: green fills the middle.
        options.eye = Vec3(1.2, 0, 4)
        options.target = Vec3(1.2, 0, -1)
        let image = try Renderer().render(twoSquares(), options: options)
        let centre = pixel(image, 32, 24)
        #expect(centre[1] > 100 && centre[0] < 60, "centre \(centre)")
    }

    /// A grey floor at night with a torch at one end (photometric, as generated worlds are).
    func floorWithTorch(spot: Bool = false) -> Scene {
        var scene = Scene()
        var m = Material(name: "grey")
        m.baseColorFactor = Vec4(0.6, 0.6, 0.6, 1)
        scene.materials = [m]
        let p = Primitive(attributes: [
            "POSITION": DataArray(vec3: [Vec3(-4, 0, -4), Vec3(4, 0, -4), Vec3(4, 0, 4), Vec3(-4, 0, 4)]),
            "NORMAL": DataArray(vec3: Array(repeating: Vec3(0, 1, 0), count: 4)),
        ], indices: DataArray(indices: [0, 2, 1, 0, 3, 2]), material: 0)
        scene.meshes = [Mesh(name: "Floor", primitives: [p])]
        scene.nodes = [Node(name: "Floor", mesh: 0)]
        let kind: LightKind = spot ? .spot(innerConeAngle: 0.2, outerConeAngle: 0.4) : .point
        scene.lights = [Light(name: "Torch", kind: kind, intensity: 13660, range: 6)]
        // Above the floor's -X half; a spot looks straight down (its -Z turned to -Y).
        var torch = Node(name: "Torch", transform: .trs(translation: Vec3(-2.5, 1, 0), rotation: Quat(x: -0.7071068, y: 0, z: 0, w: 0.7071068), scale: .one))
        torch.light = 0
        scene.nodes.append(torch)
        scene.asset.extras = ["lightUnits": "photometric", "environment": ["skyColor": [0.02, 0.02, 0.05]]]
        scene.roots = [SceneRoot(nodes: [0, 1])]
        scene.defaultRoot = 0
        return scene
    }

    func brightness(_ image: PixelImage, _ x: Int, _ y: Int) -> Int { pixel(image, x, y).prefix(3).map(Int.init).reduce(0, +) }

    @Test func aTorchLightsTheFloorBelowItAndFallsOffWithDistance() throws {
        var options = RenderOptions(width: 80, height: 40)
        options.eye = Vec3(0, 9, 0.01)
        options.target = .zero
        let image = try Renderer().render(floorWithTorch(), options: options)
        // Looking down: -X is the left of the frame. Under the torch the floor is lit, at the
        // far right it is dark.
        // The floor spans pixels 19...60 of the middle row; the torch stands over pixel 27.
        let under = brightness(image, 27, 20), far = brightness(image, 58, 20)
        #expect(under > far + 150, "under \(under), far \(far)")
        // A spot pointing down lights a small disc: just beside it, darkness.
        let spot = try Renderer().render(floorWithTorch(spot: true), options: options)
        let centre = brightness(spot, 27, 20), beside = brightness(spot, 36, 20)
        #expect(centre > beside + 150, "centre \(centre), beside \(beside)")
    }

    @Test func anUnknownCameraIsRefusedWithTheNamesThereAre() throws {
        var options = RenderOptions(width: 16, height: 16)
        options.camera = "Nope"
        #expect {
            _ = try Renderer().render(twoSquares(camera: "Front"), options: options)
        } throws: { error in
            guard case RenderError.unknownCamera(let name, let available)? = error as? RenderError else { return false }
            return name == "Nope" && available == ["Front"]
        }
    }

    @Test func renderersMadeAndDroppedOnManyThreadsAtOnceAllWork() {
        // EGL hands every thread the same display: one renderer's teardown must not break
        // another's set-up (it did, as "no OpenGL config", while eglTerminate was called).
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for t in 0..<8 {
            group.enter()
            Thread {
                for i in 0..<6 {
                    do {
                        let image = try Renderer().render(twoSquares(), options: RenderOptions(width: 32, height: 24))
                        if image.width != 32 { failures.withLock { $0.append("\(t).\(i): size") } }
                    } catch {
                        failures.withLock { $0.append("\(t).\(i): \(error)") }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
    }

    @Test func sizesOutsideTheCapAreRefused() throws {
        #expect(throws: RenderError.self) { _ = try Renderer().render(twoSquares(), options: RenderOptions(width: 0, height: 10)) }
        #expect(throws: RenderError.self) { _ = try Renderer().render(twoSquares(), options: RenderOptions(width: 10, height: 16385)) }
    }
}

/// The built tool, end to end.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct RenderCommandTests {
    let tool = RepoPaths.tool("oyster-render")

    @Test func aStillOfABlenderAssetFromItsCamera() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("still.png")
        let run = try ToolRun.run(tool, [RepoPaths.fixture("blender/rich.glb"), "-o", out, "--size", "320x180", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let image = try ImageCodec.decode(try FileIO.read(out))
        #expect(image.width == 320 && image.height == 180)
    }

    @Test func usageErrorsExitTwoAndWriteNothing() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("still.png")
        let camera = try ToolRun.run(tool, [RepoPaths.fixture("blender/rich.glb"), "-o", out, "--camera", "Nope"])
        #expect(camera.status == 2)
        #expect(camera.stderr.contains("no camera named 'Nope'"))
        let size = try ToolRun.run(tool, [RepoPaths.fixture("blender/rich.glb"), "-o", out, "--size", "0x10"])
        #expect(size.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// Whether FFmpeg's ffprobe is on the PATH (Debian: ffmpeg).
let ffprobeAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe")

/// The tool writing video and frames, end to end.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct RenderVideoCommandTests {
    let tool = RepoPaths.tool("oyster-render")
    let asset = RepoPaths.fixture("blender/rich.glb")

    /// ffprobe's codec, width, height, frame count and duration of a video.
    func probe(_ path: String) throws -> String {
        let run = try ToolRun.run("/usr/bin/ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_frames",
                                                       "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                                                       "-show_entries", "format=duration", "-of", "compact=p=0:nk=1", path])
        return run.stdout.split(separator: "\n").joined(separator: " ")
    }

    @Test(.enabled(if: ffprobeAvailable, "needs ffprobe: apt-get install ffmpeg"))
    func aTurntableBecomesAWebMAndAnMP4OfTheLengthAskedFor() throws {
        let dir = TemporaryDirectory()
        for (ext, codec) in [("webm", "vp9"), ("mp4", "h264")] {
            let out = dir.file("spin.\(ext)")
            let run = try ToolRun.run(tool, [asset, "--turntable", "1.5", "--fps", "20", "--size", "160x96", "-o", out])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try probe(out) == "\(codec)|160|96|30 1.500000", "\(ext)")
            #expect(run.stderr.contains("30 frames"))
        }
    }

    @Test(.enabled(if: ffprobeAvailable, "needs ffprobe: apt-get install ffmpeg"))
    func anAnimationPlaysForItsOwnLengthFromTheSceneCamera() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("anim.mp4")
        let run = try ToolRun.run(tool, [asset, "--animation", "0", "--fps", "10", "--size", "96x64", "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try probe(out).hasPrefix("h264|96|64|"))
        let unknown = try ToolRun.run(tool, [asset, "--animation", "Dance", "-o", dir.file("x.mp4")])
        #expect(unknown.status == 2 && unknown.stderr.contains("no animation named 'Dance'") && unknown.stderr.contains("animations:"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("x.mp4")))
    }

    @Test func profileTimesEveryStageOfTheFrames() throws {
        let dir = TemporaryDirectory()
        let run = try ToolRun.run(tool, [asset, "--duration", "0.2", "--fps", "10", "--size", "96x64", "-o", dir.file("f/"), "--stats", "--profile"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.stderr.split(separator: "\n").first { $0.contains("profile (median ms per frame)") })
        for stage in ["shadows", "culling", "geometry", "lighting", "skyAndBlended", "post", "readback"] {
            #expect(line.contains(stage + " "), "\(line)")
        }
        // Fragments per stage where the device counts them, else a line saying it does not.
        let fragments = try #require(run.stderr.split(separator: "\n").first { $0.contains("profile (fragments rasterized per frame") || $0.contains("does not count fragments") })
        if try Renderer().countsFragments { #expect(fragments.contains("geometry ") && fragments.contains("lighting "), "\(fragments)") }
    }

    @Test(.enabled(if: (try? Renderer())?.countsFragments ?? false, "the device does not count fragments (GL_ARB_pipeline_statistics_query)"))
    func aProfiledFrameCountsTheFragmentsEachStageShades() throws {
        let renderer = try Renderer()
        var options = RenderOptions(width: 96, height: 64)
        options.profile = true
        _ = try renderer.render(twoSquares(), options: options)
        let far = renderer.statistics.stageFragments
        // The full-screen lighting pass shades every pixel's block; the squares fill part of it.
        #expect(far[.lighting, default: 0] >= 96 * 64, "\(far)")
        #expect(far[.geometry, default: 0] > 0 && far[.geometry, default: 0] < far[.lighting, default: 0] * 2, "\(far)")
        #expect(far[.culling, default: 0] == 0, "culling draws nothing: \(far)")
        // Nearer, the squares cover more of the frame: more fragments in the geometry stage.
        options.eye = Vec3(0, 0, 1.6)
        options.target = Vec3(0, 0, 0)
        _ = try renderer.render(twoSquares(), options: options)
        let near = renderer.statistics.stageFragments
        #expect(near[.geometry, default: 0] > far[.geometry, default: 0] * 3 / 2, "far \(far), near \(near)")
        // Not profiled, nothing is counted.
        options.profile = false
        _ = try renderer.render(twoSquares(), options: options)
        #expect(renderer.statistics.stageFragments.isEmpty)
    }

    @Test func aCameraPathWritesNumberedFrames() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("path.json")
        try AtomicFile.write(Array("""
        {"keys": [{"time": 0, "position": [4, 2, 4], "target": [0, 0, 0]}, {"time": 0.5, "position": [-4, 2, 4], "target": [0, 0, 0]}]}
        """.utf8), to: path)
        let run = try ToolRun.run(tool, [asset, "--path", path, "--fps", "8", "--size", "64x48", "-o", dir.file("frames/%03d.png")])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.file("frames")).sorted()
        #expect(names == ["000.png", "001.png", "002.png", "003.png"])
        let first = try ImageCodec.decode(try FileIO.read(dir.file("frames/000.png")))
        let last = try ImageCodec.decode(try FileIO.read(dir.file("frames/003.png")))
        #expect(first.width == 64 && first.height == 48)
        #expect(first.samples8 != last.samples8, "the camera moved")
    }

    @Test func badVideoRequestsAreUsageErrorsAndLeaveNothing() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("v.mp4")
        let cases: [([String], String)] = [
            (["--turntable", "2", "-o", dir.file("still.png")], "makes a video"),
            (["--turntable", "2", "--size", "161x90", "-o", out], "even"),
            (["--turntable", "2", "--animation", "0", "-o", out], "choose one of"),
            (["--turntable", "0", "-o", out], "turntable"),
            (["--turntable", "2", "--fps", "500", "-o", out], "--fps"),
            (["--turntable", "400", "--fps", "120", "-o", out], "over the cap"),
            (["--path", dir.file("missing.json"), "-o", out], "missing.json"),
            (["-o", dir.file("v.gif")], "-o must name"),
        ]
        for (args, message) in cases {
            let run = try ToolRun.run(tool, [asset] + args)
            #expect(run.status == 2 || (args.first == "--path" && run.status == 3), "\(args): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(message), "\(args): \(run.stderr)")
        }
        let bad = dir.file("bad.json")
        try AtomicFile.write(Array("{\"keys\": [{\"time\": 0}]}".utf8), to: bad)
        let path = try ToolRun.run(tool, [asset, "--path", bad, "-o", out])
        #expect(path.status == 2 && path.stderr.contains("keys[0].position"), "\(path.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bad.json"])
    }

    @Test func anActionScriptWalksTheCameraAndWorldChangesAskForAWorld() throws {
        let dir = TemporaryDirectory()
        let walk = dir.file("walk.json")
        try AtomicFile.write(Array("""
        {"start": {"position": [0, 0, 3], "heading": 0}, "actions": [{"do": "move", "seconds": 0.5}, {"do": "turn", "degrees": 45, "seconds": 0.25}]}
        """.utf8), to: walk)
        let run = try ToolRun.run(tool, [asset, "--actions", walk, "--fps", "8", "--size", "64x48", "-o", dir.file("walk/")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("walk")).count == 6, "0.75 s at 8 fps")
        let change = dir.file("snow.json")
        try AtomicFile.write(Array("{\"actions\": [{\"do\": \"weather\", \"kind\": \"snow\"}]}".utf8), to: change)
        let refused = try ToolRun.run(tool, [asset, "--actions", change, "-o", dir.file("snow.mp4")])
        #expect(refused.status == 2 && refused.stderr.contains("weather changes the world") && refused.stderr.contains("--world"), "\(refused.stderr)")
    }

    @Test func theSameShotGivesTheSameVideoBytes() throws {
        let dir = TemporaryDirectory()
        for name in ["a.mp4", "b.mp4"] {
            let run = try ToolRun.run(tool, [asset, "--turntable", "1", "--fps", "12", "--size", "128x72", "-q", "-o", dir.file(name)])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = try FileIO.read(dir.file("a.mp4")), b = try FileIO.read(dir.file("b.mp4"))
        #expect(a.count > 1000 && a == b)
    }

    @Test func anUnwritableVideoExitsFourWithoutAFile() throws {
        let dir = TemporaryDirectory()
        // A folder where the video's folder should be: the file cannot be made.
        try AtomicFile.write([1], to: dir.file("blocked"))
        let run = try ToolRun.run(tool, [asset, "--turntable", "0.5", "--fps", "4", "--size", "64x48", "-o", dir.file("blocked/v.webm")])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["blocked"])
    }
}
