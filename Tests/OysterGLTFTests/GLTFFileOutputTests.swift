import Testing
import OysterCore
import OysterJSON
@testable import OysterGLTF
#if canImport(Glibc)
import Glibc
#endif

/// A fresh, empty temporary folder for one test.
func makeTemporaryFolder(_ label: String) throws -> String {
    var template = Array("/tmp/oyster-gltf-\(label)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    try #require(made != nil)
    return String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
}

func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

@Suite struct GLTFFileOutputTests {
    @Test func gltfOutputWritesBinAndImagesBesideIt() throws {
        let dir = try makeTemporaryFolder("files")
        let written = try GLTFWriter().write(GLTFFixtures.rich(), to: dir + "/my scene.gltf")
        #expect(written == [dir + "/my_scene.bin", dir + "/checker.png", dir + "/normal_map.png", dir + "/my scene.gltf"])
        for path in written { #expect(fileExists(path)) }
        let back = try GLTFReader().read(path: dir + "/my scene.gltf")
        #expect(GLTFFixtures.normalized(back.scene) == GLTFFixtures.normalized(GLTFFixtures.rich()))
        #expect(back.diagnostics.isEmpty)
    }

    @Test func glbOutputIsOneFile() throws {
        let dir = try makeTemporaryFolder("glb")
        let written = try GLTFWriter().write(GLTFFixtures.rich(), to: dir + "/out.glb")
        #expect(written == [dir + "/out.glb"])
        let back = try GLTFReader().read(path: dir + "/out.glb")
        #expect(GLTFFixtures.normalized(back.scene) == GLTFFixtures.normalized(GLTFFixtures.rich()))
    }

    @Test func unknownOutputExtensionIsRefused() throws {
        let dir = try makeTemporaryFolder("ext")
        #expect(throws: GLTFError.self) { try GLTFWriter().write(GLTFFixtures.texturedBox(), to: dir + "/out.obj") }
    }

    @Test func imageNamesAreSanitizedAndUnique() {
        var naming = ImageNaming(reserved: ["scene.bin", "scene.gltf"])
        let a = naming.name(for: Image(data: [1], uri: "../../etc/passwd.png"), index: 0, mimeType: "image/png")
        let b = naming.name(for: Image(data: [1], uri: "textures/passwd.png"), index: 1, mimeType: "image/png")
        let c = naming.name(for: Image(name: "Wood: Oak/2", data: [1]), index: 2, mimeType: "image/jpeg")
        let d = naming.name(for: Image(data: [1], uri: "scene.gltf"), index: 3, mimeType: nil)
        let e = naming.name(for: Image(data: [1]), index: 4, mimeType: "image/png")
        let f = naming.name(for: Image(data: [1], uri: "My%20Image.PNG"), index: 5, mimeType: "image/png")
        #expect([a, b, c, d, e, f] == ["passwd.png", "passwd-1.png", "Wood__Oak_2.jpg", "scene-1.gltf", "image4.png", "My_Image.png"])
    }
}
