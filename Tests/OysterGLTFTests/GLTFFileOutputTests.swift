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

/// Removes a flat temporary folder made by `makeTemporaryFolder` (files and links only).
func removeTemporaryFolder(_ path: String) {
    guard path.hasPrefix("/tmp/oyster-gltf-"), let dir = opendir(path) else { return }
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        if name != "." && name != ".." { unlink(path + "/" + name) }
    }
    closedir(dir)
    rmdir(path)
}

@Suite struct GLTFFileOutputTests {
    @Test func gltfOutputWritesBinAndImagesBesideIt() throws {
        let dir = try makeTemporaryFolder("files")
        defer { removeTemporaryFolder(dir) }
        let written = try GLTFWriter().write(GLTFFixtures.rich(), to: dir + "/my scene.gltf")
        #expect(written == [dir + "/my_scene.bin", dir + "/checker.png", dir + "/normal_map.png", dir + "/my scene.gltf"])
        for path in written { #expect(fileExists(path)) }
        let back = try GLTFReader().read(path: dir + "/my scene.gltf")
        #expect(GLTFFixtures.normalized(back.scene) == GLTFFixtures.normalized(GLTFFixtures.rich()))
        #expect(back.diagnostics.isEmpty)
    }

    @Test func glbOutputIsOneFile() throws {
        let dir = try makeTemporaryFolder("glb")
        defer { removeTemporaryFolder(dir) }
        let written = try GLTFWriter().write(GLTFFixtures.rich(), to: dir + "/out.glb")
        #expect(written == [dir + "/out.glb"])
        let back = try GLTFReader().read(path: dir + "/out.glb")
        #expect(GLTFFixtures.normalized(back.scene) == GLTFFixtures.normalized(GLTFFixtures.rich()))
    }

    @Test func unknownOutputExtensionIsRefused() throws {
        let dir = try makeTemporaryFolder("ext")
        defer { removeTemporaryFolder(dir) }
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

@Suite struct SymbolicLinkTests {
    @Test func symbolicLinksOutOfTheFolderAreRefused() throws {
        let outside = try makeTemporaryFolder("outside")
        defer { removeTemporaryFolder(outside) }
        let dir = try makeTemporaryFolder("asset")
        defer { removeTemporaryFolder(dir) }
        try AtomicFile.write([1, 2, 3, 4], to: outside + "/secret.bin")
        try AtomicFile.write(Array("{}".utf8), to: dir + "/inside.bin")
        #expect(symlink(outside + "/secret.bin", dir + "/link.bin") == 0)
        let gltf = #"{"asset":{"version":"2.0"},"buffers":[{"uri":"link.bin","byteLength":4}],"bufferViews":[{"buffer":0,"byteLength":4}],"accessors":[{"bufferView":0,"componentType":5126,"count":1,"type":"SCALAR"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#
        try AtomicFile.write(gltf, to: dir + "/a.gltf")
        #expect(throws: GLTFError.self) { try GLTFReader().read(path: dir + "/a.gltf") }
        do {
            _ = try GLTFReader().read(path: dir + "/a.gltf")
        } catch let e as GLTFError {
            #expect(e.message.contains("symbolic link"))
        }
        var options = GLTFReadOptions()
        options.allowUnsafeURIs = true
        #expect(try GLTFReader(options: options).read(path: dir + "/a.gltf").scene.meshes.count == 1)
    }
}

@Suite struct GLTFWriterCheckTests {
    func failure(_ edit: (inout Scene) -> Void) -> String? {
        var scene = GLTFFixtures.rich()
        edit(&scene)
        do {
            try GLTFWriter.check(scene)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func validScenesPass() throws {
        try GLTFWriter.check(GLTFFixtures.rich())
        try GLTFWriter.check(GLTFFixtures.texturedBox())
        try GLTFWriter.check(Scene())
    }

    @Test func brokenReferencesAndGraphsAreNamed() {
        #expect(failure { $0.nodes[1].mesh = 99 } == "node 1: mesh 99 does not exist")
        #expect(failure { $0.materials[1].normalTexture?.texture = 7 } == "material 1 normalTexture: texture 7 does not exist")
        #expect(failure { $0.nodes[2].children = [0] } == "node 0: the node hierarchy has a loop")
        #expect(failure { $0.nodes[3].children = [1] } == "node 1: has more than one parent or is its own child")
        #expect(failure { $0.animations[0].channels[0].sampler = 9 } == "animation 0 channel 0: sampler 9 does not exist")
        #expect(failure { $0.meshes[0].primitives[0].attributes["NORMAL"] = DataArray(vec3: [.zero]) } == "mesh 0 primitive 0: attributes are empty or differ in length")
        #expect(failure { $0.meshes[0].primitives = [] } == "mesh 0: has no primitives")
    }

    @Test func writeRefusesAnInvalidSceneWithoutWritingFiles() throws {
        let dir = try makeTemporaryFolder("check")
        defer { removeTemporaryFolder(dir) }
        var scene = GLTFFixtures.texturedBox()
        scene.nodes[0].mesh = 5
        #expect(throws: GLTFError.self) { try GLTFWriter().write(scene, to: dir + "/x.glb") }
        #expect(!fileExists(dir + "/x.glb"))
    }
}
