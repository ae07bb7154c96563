import Foundation
import OysterCore
import OysterGLTF
import Testing
@testable import OysterExport
import OysterTestSupport

/// The package writer in-process: what lands on disk, and what does not when a file is bad.
@Suite struct PackageWriterTests {
    @Test func anExportWritesEveryFileAndAManifestLast() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("pkg")
        let result = try Exporter.export(try rolePlayingScene(), name: "world", options: ExportOptions(target: .godot), to: out)
        #expect(result.written.files.last == "manifest.json")
        for f in result.written.files { #expect(FileManager.default.fileExists(atPath: out + "/" + f), "\(f)") }
        #expect(!FileManager.default.fileExists(atPath: out + ".oyster-export-partial"))
        // The GLB reads back with its roles.
        let scene = try GLTFReader().read(path: out + "/world.glb").scene
        #expect(scene.nodes.contains { $0.name == "Lake-colonly" && $0.role == .collider(.trimesh) })
        #expect(scene.nodes.contains { $0.name == "Lake" && $0.role == .ice })
    }

    @Test func aFileThatFailsValidationLeavesNoPackageBehind() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("pkg")
        let options = ExportOptions(target: .generic)
        let product = try ExportPlan(options).process(try rolePlayingScene())
        var package = try ExportPackage(name: "world", options: options, product: product)
        // A texture that is not the PNG it claims to be.
        let i = try #require(package.files.firstIndex { $0.path.hasSuffix(".png") })
        package.files[i].bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 1]
        #expect {
            _ = try PackageWriter(folder: out).write(package)
        } throws: { error in
            guard case ExportError.invalidOutput(let file, _)? = error as? ExportError else { return false }
            return file == out + "/" + package.files[i].path
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + ".oyster-export-partial"))
    }

    @Test func thePreviewHookAddsPreviewPNG() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("pkg")
        let png: [UInt8] = try {
            let scene = try ExportTestScene.make()
            return try #require(scene.images.first?.data)
        }()
        let result = try Exporter.export(try rolePlayingScene(), name: "world", options: ExportOptions(target: .blender), to: out,
                                         preview: { scene in scene.nodes.isEmpty ? nil : png })
        #expect(result.written.files.contains("preview.png"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/preview.png")) == Data(png))
    }
}
