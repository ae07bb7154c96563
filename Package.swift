// swift-tools-version:6.0
import PackageDescription

let AP: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

// One library module per job (see DESIGN.md); executables only parse arguments and chain passes.
let package = Package(
    name: "Oyster",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "oyster-generate", targets: ["oyster-generate"]),
        .executable(name: "oyster-export", targets: ["oyster-export"]),
        .executable(name: "oyster-convert", targets: ["oyster-convert"]),
        .executable(name: "oyster-validate", targets: ["oyster-validate"]),
        .executable(name: "oyster-atlas", targets: ["oyster-atlas"]),
        .executable(name: "oyster-render", targets: ["oyster-render"]),
        .executable(name: "oyster-play", targets: ["oyster-play"]),
        .library(name: "OysterCore", targets: ["OysterCore"]),
        .library(name: "OysterGLTF", targets: ["OysterGLTF"]),
        .library(name: "OysterExport", targets: ["OysterExport"]),
        .library(name: "OysterFuzzEntries", targets: ["OysterFuzzEntries"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The live session's server (oyster-play): HTTP and WebSocket on loopback.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        // Hummingbird logs through swift-log; oyster-play sets the level.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // MARK: - C shim
        .target(
            name: "CCodecs",
            linkerSettings: [.linkedLibrary("png"), .linkedLibrary("jpeg"), .linkedLibrary("z")]
        ),

        // Headless OpenGL through EGL (Mesa's llvmpipe on a CPU, a GPU's driver where there is one).
        .target(name: "CGL", linkerSettings: [.linkedLibrary("EGL"), .linkedLibrary("OpenGL")]),

        // Video encoding over FFmpeg's libraries (Debian: libavformat-dev, libavcodec-dev,
        // libswscale-dev, libavutil-dev).
        .target(
            name: "CVideo",
            linkerSettings: [
                .linkedLibrary("avformat"), .linkedLibrary("avcodec"), .linkedLibrary("swscale"),
                .linkedLibrary("avutil"), .linkedLibrary("m"),
            ]
        ),

        // The nearest-meaning table (text made by scripts/vocabulary/build_table.py), compiled into
        // the binary so every executable and test has it wherever it runs from.
        .target(name: "CNearestMeanings"),

        // MARK: - Libraries
        .target(name: "OysterJSON"),
        .target(name: "OysterCore", dependencies: ["OysterJSON"]),
        .target(name: "OysterImage", dependencies: ["CCodecs", "OysterCore"]),
        .target(name: "OysterGLTF", dependencies: ["OysterCore", "OysterJSON", "OysterImage"], exclude: ["README.md"]),
        .target(name: "OysterOBJ", dependencies: ["OysterCore", "OysterImage"]),
        .target(name: "OysterProcess", dependencies: ["OysterCore", "OysterImage"]),
        .target(name: "OysterAtlas", dependencies: ["OysterCore", "OysterJSON", "OysterImage", "OysterProcess"]),
        .target(name: "OysterValidate", dependencies: ["OysterCore", "OysterJSON", "OysterGLTF", "OysterOBJ", "OysterImage"]),
        .target(name: "OysterGen", dependencies: ["CNearestMeanings", "OysterCore", "OysterImage", "OysterProcess"]),
        .target(name: "OysterExport", dependencies: ["CCodecs", "OysterCore", "OysterJSON", "OysterImage", "OysterGLTF", "OysterOBJ", "OysterProcess", "OysterAtlas", "OysterValidate"]),
        .target(name: "OysterRender", dependencies: ["CGL", "OysterCore", "OysterJSON", "OysterImage", "OysterProcess"]),
        .target(name: "OysterVideo", dependencies: ["CVideo", "OysterCore", "OysterImage"]),
        // Walking through a scene: ground height, solids, action scripts (for oyster-render's
        // --actions and, later, the live session).
        .target(name: "OysterMotion", dependencies: ["OysterCore", "OysterJSON", "OysterRender"]),
        // A generated world streamed round a moving camera: tiles staged on worker threads,
        // drawn together by OysterRender, walked on by OysterMotion (oyster-render --world).
        .target(name: "OysterStream", dependencies: ["OysterCore", "OysterImage", "OysterGen", "OysterRender", "OysterMotion"]),
        // A live session (oyster-play): the player walking a streamed world at fixed steps,
        // input and frame messages, recording, and the Hummingbird server with its page.
        .target(
            name: "OysterPlay",
            dependencies: [
                "OysterCore", "OysterJSON", "OysterImage", "OysterGen", "OysterRender", "OysterMotion", "OysterStream", "OysterVideo",
                "OysterExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ]
        ),
        // Fuzz entry bodies; the libFuzzer executables are a separate package in Fuzz/.
        .target(name: "OysterFuzzEntries", dependencies: ["OysterCore", "OysterGLTF", "OysterOBJ", "OysterImage", "OysterGen", "OysterValidate"]),
        .target(
            name: "OysterCLI",
            dependencies: [
                "OysterCore", "OysterJSON", "OysterGLTF", "OysterOBJ", "OysterImage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Executables (each only parses arguments and chains library calls)
        .executableTarget(name: "oyster-generate", dependencies: ["OysterCLI", "OysterGen", "OysterGLTF", "OysterJSON", "OysterProcess", AP]),
        .executableTarget(name: "oyster-export", dependencies: ["OysterCLI", "OysterCore", "OysterExport", "OysterImage", "OysterRender", AP]),
        .executableTarget(name: "oyster-convert", dependencies: ["OysterCLI", "OysterGLTF", "OysterImage", AP]),
        .executableTarget(name: "oyster-validate", dependencies: ["OysterCLI", "OysterCore", "OysterValidate", AP]),
        .executableTarget(name: "oyster-atlas", dependencies: ["OysterCLI", "OysterCore", "OysterAtlas", "OysterGLTF", "OysterJSON", AP]),
        .executableTarget(name: "oyster-render", dependencies: ["OysterCLI", "OysterCore", "OysterImage", "OysterRender", "OysterVideo", "OysterMotion", "OysterGen", "OysterStream", AP]),
        .executableTarget(
            name: "oyster-play",
            dependencies: ["OysterCLI", "OysterCore", "OysterGen", "OysterMotion", "OysterRender", "OysterStream", "OysterPlay", AP,
                           .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: - Tests
        .target(name: "OysterTestSupport", dependencies: ["OysterCore", "OysterImage"], path: "Tests/OysterTestSupport"),
        .testTarget(name: "OysterJSONTests", dependencies: ["OysterJSON"]),
        .testTarget(name: "OysterCoreTests", dependencies: ["OysterCore", "OysterTestSupport"]),
        .testTarget(name: "OysterImageTests", dependencies: ["OysterImage", "OysterTestSupport"]),
        .testTarget(name: "OysterGLTFTests", dependencies: ["OysterGLTF", "OysterTestSupport"]),
        .testTarget(name: "OysterOBJTests", dependencies: ["OysterOBJ", "OysterTestSupport"]),
        .testTarget(name: "OysterProcessTests", dependencies: ["OysterProcess", "OysterImage", "OysterGLTF", "OysterTestSupport"]),
        .testTarget(name: "OysterAtlasTests", dependencies: ["OysterAtlas", "OysterGLTF", "OysterTestSupport"]),
        .testTarget(name: "OysterValidateTests", dependencies: ["OysterValidate", "OysterGLTF", "OysterTestSupport"]),
        .testTarget(name: "OysterExportTests", dependencies: ["OysterExport", "OysterGLTF", "OysterProcess", "OysterGen", "OysterTestSupport"]),
        .testTarget(name: "OysterGenTests", dependencies: ["OysterGen", "OysterTestSupport"]),
        .testTarget(name: "OysterRenderTests", dependencies: ["OysterRender", "OysterImage", "OysterTestSupport"]),
        .testTarget(name: "OysterMotionTests", dependencies: ["OysterMotion", "OysterRender", "OysterTestSupport"]),
        .testTarget(name: "OysterStreamTests", dependencies: ["OysterStream", "OysterGen", "OysterRender", "OysterMotion", "OysterImage", "OysterTestSupport"]),
        .testTarget(
            name: "OysterPlayTests",
            dependencies: [
                "OysterPlay", "OysterMotion", "OysterStream", "OysterGen", "OysterRender", "OysterImage", "OysterExport", "OysterValidate",
                "OysterGLTF", "OysterTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
            ]
        ),
        .testTarget(name: "OysterVideoTests", dependencies: ["OysterVideo", "OysterImage", "OysterTestSupport"]),
        .testTarget(name: "OysterCLITests", dependencies: ["OysterCLI", "OysterGLTF", "OysterRender", "OysterTestSupport"]),
        .testTarget(name: "OysterFuzzEntriesTests", dependencies: ["OysterFuzzEntries", "OysterValidate", "OysterTestSupport"]),
    ]
)
