import Testing
import OysterCore
import OysterJSON
@testable import OysterGLTF

/// A loader that records which paths were asked for.
final class RecordingLoader: ResourceLoader, @unchecked Sendable {
    var files: [String: [UInt8]]
    var requested: [String] = []

    init(_ files: [String: [UInt8]] = [:]) { self.files = files }

    func size(of path: String) throws -> Int? {
        requested.append(path)
        return files[path]?.count
    }

    func read(_ path: String) throws -> [UInt8] {
        requested.append(path)
        guard let f = files[path] else { throw GLTFError("\(path): missing") }
        return f
    }
}

@Suite struct GLTFReaderErrorTests {
    func error(_ bytes: [UInt8], loader: ResourceLoader? = nil, options: GLTFReadOptions = .init()) -> GLTFError? {
        do {
            _ = try GLTFReader(options: options).read(bytes: bytes, loader: loader)
            return nil
        } catch let e as GLTFError {
            return e
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    func json(_ s: String) -> [UInt8] { Array(s.utf8) }

    // MARK: - JSON and asset

    @Test func invalidJSONNamesTheOffset() {
        let e = error(json(#"{"asset":{"version":"2.0"},}"#))
        #expect(e?.code == "INVALID_JSON")
        #expect(e?.message.contains("byte 27") == true)
    }

    @Test func missingAssetAndOldVersionsAreRefused() {
        #expect(error(json("{}"))?.message.contains("asset is missing") == true)
        #expect(error(json(#"{"asset":{"version":"1.0"}}"#))?.message == "glTF version 1.0 is not supported (only 2.x)")
        #expect(error(json("[1]"))?.code == "TYPE_MISMATCH")
    }

    // MARK: - References

    @Test func missingReferencesAreNamed() {
        let e = error(json(#"{"asset":{"version":"2.0"},"accessors":[{"bufferView":9,"componentType":5126,"count":1,"type":"SCALAR"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#))
        #expect(e?.message == "accessor 0: bufferView 9 does not exist")
        let m = error(json(#"{"asset":{"version":"2.0"},"nodes":[{"mesh":3}]}"#))
        #expect(m?.message == "node 0: mesh 3 does not exist")
        #expect(m?.pointer == "/nodes/0/mesh")
    }

    @Test func accessorsLongerThanTheirViewFail() {
        let doc = documentWithBuffer([UInt8](repeating: 0, count: 8), """
            "bufferViews":[{"buffer":0,"byteLength":8}],
            "accessors":[{"bufferView":0,"componentType":5126,"count":1000000000,"type":"VEC3"}],
            "meshes":[{"primitives":[{"attributes":{"NORMAL":0}}]}]
            """)
        #expect(error(doc)?.code == "ACCESSOR_TOO_LONG")
    }

    @Test func viewsLongerThanTheirBufferFail() {
        let doc = documentWithBuffer([UInt8](repeating: 0, count: 8), """
            "bufferViews":[{"buffer":0,"byteOffset":4,"byteLength":8}],
            "accessors":[{"bufferView":0,"componentType":5126,"count":1,"type":"SCALAR"}],
            "meshes":[{"primitives":[{"attributes":{"_X":0}}]}]
            """)
        #expect(error(doc)?.message.contains("exceeds buffer 0") == true)
    }

    @Test func hugeZeroFilledAccessorsFailBeforeAllocating() {
        let doc = json(#"{"asset":{"version":"2.0"},"accessors":[{"componentType":5126,"count":1099511627776,"type":"MAT4"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#)
        #expect(error(doc)?.code == "ACCESSOR_TOO_LONG")
    }

    @Test func bufferClaimingMoreThanItsDataFails() {
        // 20 bytes of data claiming 4 GB.
        let uri = URIPolicy.dataURI(mimeType: "application/octet-stream", bytes: Array(repeating: 1, count: 20))
        let doc = json("""
            {"asset":{"version":"2.0"},"buffers":[{"uri":"\(uri)","byteLength":4294967296}],
             "bufferViews":[{"buffer":0,"byteLength":4294967296}],
             "accessors":[{"bufferView":0,"componentType":5126,"count":1073741824,"type":"SCALAR"}],
             "meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}
            """)
        let e = error(doc)
        #expect(e?.code == "BUFFER_BYTE_LENGTH_MISMATCH")
        #expect(e?.message.contains("only 20 bytes") == true)
    }

    @Test func hierarchyLoopsAndSharedChildrenFail() {
        #expect(error(json(#"{"asset":{"version":"2.0"},"nodes":[{"children":[1]},{"children":[0]}]}"#))?.code == "NODE_LOOP")
        #expect(error(json(#"{"asset":{"version":"2.0"},"nodes":[{"children":[2]},{"children":[2]},{}]}"#))?.code == "NODE_PARENT_OVERRIDE")
        #expect(error(json(#"{"asset":{"version":"2.0"},"nodes":[{"children":[0]}]}"#))?.code == "NODE_LOOP")
    }

    // MARK: - GLB container

    func glb(_ json: String, bin: [UInt8]? = nil) -> [UInt8] { GLB.encode(json: Array(json.utf8), bin: bin) }

    @Test func validGLBReads() throws {
        let bytes = glb(#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4}],"bufferViews":[{"buffer":0,"byteLength":4}],"accessors":[{"bufferView":0,"componentType":5126,"count":1,"type":"SCALAR"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#, bin: le([Float(2.5)]))
        let scene = try GLTFReader().read(bytes: bytes).scene
        #expect(scene.meshes[0].primitives[0].attributes["_X"]?.floats() == [2.5])
    }

    @Test func truncatedGLBFails() {
        let bytes = glb(#"{"asset":{"version":"2.0"}}"#, bin: [1, 2, 3, 4])
        for cut in [4, 11, 16, bytes.count - 3] {
            let e = error(Array(bytes.prefix(cut)))
            #expect(e != nil, "cut at \(cut)")
            #expect(e?.message.hasPrefix("GLB") == true || e?.code == "INVALID_JSON", "cut at \(cut): \(String(describing: e))")
        }
    }

    @Test func tinyGLBClaimingGigabytesFailsFast() {
        var bytes: [UInt8] = []
        GLB.appendUInt32(&bytes, GLB.magic)
        GLB.appendUInt32(&bytes, 2)
        GLB.appendUInt32(&bytes, 0xFFFF_FFFF)
        GLB.appendUInt32(&bytes, 0xFFFF_FFF0)
        GLB.appendUInt32(&bytes, GLB.jsonChunkType)
        #expect(bytes.count == 20)
        // The chunk claims more than the file has: refused before anything is allocated.
        #expect(error(bytes)?.code == "GLB_UNEXPECTED_END_OF_CHUNK_DATA")
        #expect(error(bytes)?.offset == 20)
        // Same claim with an honest header length.
        bytes.replaceSubrange(8..<12, with: [20, 0, 0, 0])
        #expect(error(bytes)?.code == "GLB_UNEXPECTED_END_OF_CHUNK_DATA")
    }

    @Test func badChunkOrderAndVersionFail() {
        var bytes = glb(#"{"asset":{"version":"2.0"}}"#)
        bytes[16] = 0x42  // JSON chunk type -> something else
        #expect(error(bytes)?.code == "GLB_UNEXPECTED_FIRST_CHUNK")
        var v1 = glb(#"{"asset":{"version":"2.0"}}"#)
        v1[4] = 1
        #expect(error(v1)?.code == "GLB_INVALID_VERSION")
    }

    @Test func glbBufferWithoutBinChunkFailsOnUse() {
        let bytes = glb(#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4}],"bufferViews":[{"buffer":0,"byteLength":4}],"accessors":[{"bufferView":0,"componentType":5126,"count":1,"type":"SCALAR"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#)
        #expect(error(bytes)?.message.contains("no BIN chunk") == true)
    }

    // MARK: - URIs and resources

    let externalBuffer = #"{"asset":{"version":"2.0"},"buffers":[{"uri":"URI","byteLength":4}],"bufferViews":[{"buffer":0,"byteLength":4}],"accessors":[{"bufferView":0,"componentType":5126,"count":1,"type":"SCALAR"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#

    func withURI(_ uri: String) -> [UInt8] { Array(externalBuffer.split(separator: "URI", omittingEmptySubsequences: false).joined(separator: uri).utf8) }

    @Test(arguments: ["../secret.bin", "a/../../secret.bin", "/etc/passwd", "file:///etc/passwd", "http://example.com/x.bin", "C:/x.bin", "..%2Fsecret.bin"])
    func unsafeURIsAreRefusedAndNeverRead(uri: String) {
        let loader = RecordingLoader(["../secret.bin": [0, 0, 0, 0], "/etc/passwd": [0, 0, 0, 0]])
        let e = error(withURI(uri), loader: loader)
        #expect(e?.code == "NON_RELATIVE_URI", "\(uri)")
        #expect(loader.requested.isEmpty, "\(uri) was requested")
    }

    @Test(arguments: ["maps/../buffer.bin", "./buffer.bin", "maps%2F..%2Fbuffer.bin", "maps\\\\..\\\\buffer.bin"])
    func urisThatStayInsideTheFolderAreNormalisedAndRead(uri: String) throws {
        let loader = RecordingLoader(["buffer.bin": le([Float(3)])])
        let result = try GLTFReader().read(bytes: withURI(uri), loader: loader)
        #expect(result.scene.meshes[0].primitives[0].attributes["_X"]?.floats() == [3])
        #expect(Set(loader.requested) == ["buffer.bin"], "\(uri)")
    }

    @Test func aGLTFBufferWithoutURIIsReadAsZerosWithAWarning() throws {
        let json = #"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4}],"bufferViews":[{"buffer":0,"byteLength":4}],"accessors":[{"bufferView":0,"componentType":5126,"count":1,"type":"SCALAR"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#
        let result = try GLTFReader().read(bytes: Array(json.utf8))
        #expect(result.scene.meshes[0].primitives[0].attributes["_X"]?.floats() == [0])
        #expect(result.diagnostics.contains { $0.code == "BUFFER_WITHOUT_DATA" && $0.pointer == "/buffers/0" })
        // A claim over the resource limit is refused, not allocated.
        let huge = json.replacingOccurrences(of: #"[{"byteLength":4}]"#, with: #"[{"byteLength":4000000000000}]"#)
        #expect(error(Array(huge.utf8))?.code == "BUFFER_MISSING_GLB_DATA")
    }

    @Test func unsafeURIsAreReadWhenAllowed() throws {
        var options = GLTFReadOptions()
        options.allowUnsafeURIs = true
        let loader = RecordingLoader(["../secret.bin": le([Float(7)])])
        let result = try GLTFReader(options: options).read(bytes: withURI("../secret.bin"), loader: loader)
        #expect(result.scene.meshes[0].primitives[0].attributes["_X"]?.floats() == [7])
    }

    @Test func refusedUnusedResourcesOnlyWarn() throws {
        let doc = json(#"{"asset":{"version":"2.0"},"buffers":[{"uri":"../x.bin","byteLength":4}],"images":[{"uri":"http://example.com/a.png"}]}"#)
        let result = try GLTFReader().read(bytes: doc, loader: RecordingLoader())
        #expect(result.diagnostics.map(\.code) == ["NON_RELATIVE_URI", "NON_RELATIVE_URI"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.scene.images[0].data == nil)
        #expect(result.scene.images[0].uri == "http://example.com/a.png")
    }

    @Test func missingFilesAreNamed() {
        let e = error(withURI("gone.bin"), loader: RecordingLoader())
        #expect(e?.message == "bufferView 0: buffer 0: file 'gone.bin' not found")
    }

    @Test func missingImagesWarnAndReadingGoesOn() throws {
        let doc = json(#"{"asset":{"version":"2.0"},"images":[{"uri":"tex%20ture.png"}],"textures":[{"source":0}]}"#)
        let loader = RecordingLoader()
        let result = try GLTFReader().read(bytes: doc, loader: loader)
        #expect(loader.requested == ["tex ture.png"])
        #expect(result.diagnostics.map(\.code) == ["IO_ERROR"])
        #expect(result.scene.images[0].data == nil)
    }

    @Test func badBase64Fails() {
        let doc = json(#"{"asset":{"version":"2.0"},"buffers":[{"uri":"data:application/octet-stream;base64,AAA*AAAA","byteLength":4}],"bufferViews":[{"buffer":0,"byteLength":4}],"accessors":[{"bufferView":0,"componentType":5126,"count":1,"type":"SCALAR"}],"meshes":[{"primitives":[{"attributes":{"_X":0}}]}]}"#)
        let e = error(doc)
        #expect(e?.message.contains("invalid base64") == true)
    }

    @Test func imagesFromFilesAndViewsAreSniffed() throws {
        let png = TestPNG.checker()
        let doc = documentWithBuffer(png, """
            "bufferViews":[{"buffer":0,"byteLength":\(png.count)}],
            "images":[{"bufferView":0,"mimeType":"image/png"},{"uri":"a.png"},{"uri":"data:;base64,\(String(decoding: Base64.encode(png), as: UTF8.self))"}]
            """)
        let result = try GLTFReader().read(bytes: doc, loader: MemoryResourceLoader(["a.png": png]))
        #expect(result.scene.images.map(\.data) == [png, png, png])
        #expect(result.scene.images.map(\.mimeType) == ["image/png", "image/png", "image/png"])
        #expect(result.scene.images.map(\.uri) == [nil, "a.png", nil])
    }

    // MARK: - Extensions

    @Test func unknownRequiredExtensionFails() {
        let e = error(json(#"{"asset":{"version":"2.0"},"extensionsUsed":["EXT_mystery"],"extensionsRequired":["EXT_mystery"]}"#))
        #expect(e?.message == "extension EXT_mystery is required but not supported")
        #expect(error(json(#"{"asset":{"version":"2.0"},"extensionsUsed":["KHR_draco_mesh_compression"],"extensionsRequired":["KHR_draco_mesh_compression"]}"#)) != nil)
    }

    @Test func unknownOptionalExtensionsAreCarriedVerbatim() throws {
        let doc = json(#"{"asset":{"version":"2.0"},"extensionsUsed":["EXT_mystery","KHR_materials_clearcoat"],"extensionsRequired":["KHR_materials_clearcoat"],"materials":[{"extensions":{"KHR_materials_clearcoat":{"clearcoatFactor":0.5},"EXT_mystery":{"z":[1,{"b":null}],"a":1.5}},"extras":{"k":"v"}}],"extras":[1,2]}"#)
        let scene = try GLTFReader().read(bytes: doc).scene
        #expect(scene.extensionsUsed == ["EXT_mystery", "KHR_materials_clearcoat"])
        #expect(scene.extensionsRequired == ["KHR_materials_clearcoat"])
        #expect(scene.materials[0].extensions.keys == ["KHR_materials_clearcoat", "EXT_mystery"])
        #expect(scene.materials[0].extensions["EXT_mystery"] == ["z": [1, ["b": nil]], "a": 1.5])
        #expect(scene.extras == [1, 2])
        let written = try JSONParser.parse(GLTFWriter().encodeGLTF(scene, binName: "x.bin").json)
        #expect(written["extensionsRequired"] == ["KHR_materials_clearcoat"])
        #expect(written["materials"]?[0]?["extensions"]?["EXT_mystery"] == ["z": [1, ["b": nil]], "a": 1.5])
    }

    @Test func dracoIsDroppedWithAWarningWhenOptional() throws {
        let doc = json(#"{"asset":{"version":"2.0"},"extensionsUsed":["KHR_draco_mesh_compression"],"accessors":[{"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[0,0,0]}],"meshes":[{"primitives":[{"attributes":{"POSITION":0},"extensions":{"KHR_draco_mesh_compression":{"bufferView":5,"attributes":{"POSITION":0}}}}]}]}"#)
        let result = try GLTFReader().read(bytes: doc)
        #expect(result.scene.meshes[0].primitives[0].extensions.isEmpty)
        #expect(result.scene.extensionsUsed.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["UNSUPPORTED_EXTENSION"])
    }
}

@Suite struct ZeroFilledLimitTests {
    @Test func manyLargeZeroFilledAccessorsCannotAddUpPastTheLimit() throws {
        // Each accessor is 40 MB of zeros: one fits the 64 MB allowance, two do not.
        var options = GLTFReadOptions()
        func doc(_ n: Int) -> [UInt8] {
            let accessors = (0..<n).map { _ in #"{"componentType":5126,"count":10000000,"type":"SCALAR"}"# }.joined(separator: ",")
            let attributes = (0..<n).map { #""_A\#($0)":\#($0)"# }.joined(separator: ",")
            return Array(#"{"asset":{"version":"2.0"},"accessors":[\#(accessors)],"meshes":[{"primitives":[{"attributes":{\#(attributes)}}]}]}"#.utf8)
        }
        #expect(try GLTFReader(options: options).read(bytes: doc(1)).scene.meshes.count == 1)
        #expect(throws: GLTFError.self) { try GLTFReader(options: options).read(bytes: doc(2)) }
        options.maxZeroFilledBytes = 100 << 20
        #expect(try GLTFReader(options: options).read(bytes: doc(2)).scene.meshes.count == 1)
    }
}
