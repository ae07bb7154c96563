import Foundation
import OysterCore
import OysterTestSupport
import Testing
@testable import OysterValidate

@Suite("OBJ/MTL and image checks")
struct OBJAndImageTests {
    @Test("OBJ line checks find bad indices, degenerate faces, unknown statements and file problems")
    func objChecks() throws {
        let r = try Validator.validate(path: RepoPaths.fixture("validate/obj/scene.obj"))
        let byCode = Dictionary(grouping: r.issues, by: \.code)
        #expect(byCode[DiagnosticCode.objIndexOutOfRange.id]?.first?.location == .line(13))
        #expect(byCode[DiagnosticCode.objDegenerateFace.id]?.map(\.location) == [.line(14)])
        #expect(byCode[DiagnosticCode.objUnsupportedStatement.id]?.first?.location == .line(16))
        #expect(byCode[DiagnosticCode.objMaterialLibraryMissing.id]?.first?.location == .line(3))
        #expect(byCode[DiagnosticCode.objTextureMissing.id]?.first?.file == "scene.mtl")
        #expect(byCode[DiagnosticCode.objPathRefused.id]?.first?.location == .line(4))
        #expect(byCode[DiagnosticCode.objMaterialUndefined.id]?.first?.location == .line(15))
    }

    @Test("MTL maps the OBJ reader uses are known in any case; only truly unknown statements are reported")
    func mtlKeywordsMatchTheReader() throws {
        let dir = try temporaryFolder("mtl-keywords")
        for name in ["n.png", "ao.png", "kd.png"] { try Data([0]).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        try "newmtl a\nKD 1 1 1\nmap_Bump -bm 1 n.png\nmap_ao ao.png\nMAP_KD kd.png\nmap_orm gone.png\nfrobnicate 1\n"
            .write(toFile: dir + "/m.mtl", atomically: true, encoding: .utf8)
        try "mtllib m.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl a\nf 1 2 3\n".write(toFile: dir + "/m.obj", atomically: true, encoding: .utf8)
        let r = try Validator.validate(path: dir + "/m.obj")
        #expect(r.issues.filter { $0.code == DiagnosticCode.mtlUnsupported.id }.map(\.location) == [.line(7)])
        // Map statements are still followed to their files: the missing one is found.
        #expect(r.issues.filter { $0.code == DiagnosticCode.objTextureMissing.id }.map(\.location) == [.line(6)])
    }

    @Test("an OBJ with a bad index on every face gives a capped report that still counts every issue")
    func issueCapBoundsTheReport() throws {
        let dir = try temporaryFolder("obj-cap")
        var text = "v 0 0 0\nv 1 0 0\nv 0 1 0\n"
        for _ in 0..<20_000 { text += "f 1 2 -7\n" }
        text += "f 1 1 2\n"
        try text.write(toFile: dir + "/bad.obj", atomically: true, encoding: .utf8)
        let r = try Validator.validate(path: dir + "/bad.obj")
        #expect(r.issues.count == ValidationOptions.defaultMaxIssues)
        #expect(r.truncated)
        #expect(r.numErrors == 20_000 && r.numWarnings == 1)
        #expect(r.issues.first?.location == .line(4))
        #expect(r.jsonText().utf8.count < 64 << 10)
        #expect(textReport([r], color: false).contains("19901 more issue(s) counted but not listed"))

        // Ignoring the flood does not hide the one other finding.
        var o = ValidationOptions()
        o.ignoredCodes = [DiagnosticCode.objIndexOutOfRange.id]
        let ignored = try Validator.validate(path: dir + "/bad.obj", options: o)
        #expect(ignored.issues.map(\.code) == [DiagnosticCode.objDegenerateFace.id] && !ignored.truncated && ignored.numErrors == 0)

        // 0 lists everything.
        o = ValidationOptions()
        o.maxIssues = 0
        #expect(try Validator.validate(path: dir + "/bad.obj", options: o).issues.count == 20_001)
    }

    @Test("OBJ bytes in memory and an MTL on its own are checked by the OBJ reader too")
    func inMemoryOBJAndStandaloneMTL() throws {
        let obj = Validator.validate(bytes: Array("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 x\nf 1 2 3\n".utf8), uri: "a.obj")
        #expect(obj.mimeType == "model/obj")
        #expect(obj.issues.map(\.code) == [DiagnosticCode.objMalformedStatement.id] && obj.issues.first?.location == .line(4))
        let mtl = Validator.validate(bytes: Array("newmtl a\nKd 1 1 1\nfrob 2\n".utf8), uri: "a.mtl")
        #expect(mtl.mimeType == "model/mtl")
        #expect(mtl.issues.map(\.code) == [DiagnosticCode.mtlUnsupported.id] && mtl.issues.first?.location == .line(3))
    }

    @Test("a clean PNG passes; a bad CRC, a bad color type and truncation are found")
    func pngChecks() {
        #expect(Validator.validate(bytes: tinyPNG(), uri: "a.png").issues.isEmpty)
        #expect(Validator.validate(bytes: tinyPNG(badCRC: true), uri: "a.png").issues.map(\.code) == ["IMAGE_BAD_CRC"])
        #expect(Validator.validate(bytes: tinyPNG(colorType: 2, bitDepth: 4), uri: "a.png").issues.map(\.code) == ["IMAGE_UNSUPPORTED_COLOR_TYPE"])
        let cut = Array(tinyPNG().prefix(40))
        #expect(Validator.validate(bytes: cut, uri: "a.png").issues.map(\.code) == ["IMAGE_UNEXPECTED_EOS"])
        #expect(Validator.validate(bytes: Array("not an image".utf8), uri: "a.png").issues.map(\.code) == ["IMAGE_UNRECOGNIZED_FORMAT"])
    }

    @Test("oversized images are reported against the configured limit")
    func oversized() {
        var o = ValidationOptions()
        o.maxImageSize = 0
        #expect(Validator.validate(bytes: tinyPNG(), uri: "a.png", options: o).issues.map(\.code) == ["IMAGE_OVERSIZED"])
    }

    @Test("glTF image references never read outside the asset folder")
    func noEscape() throws {
        let dir = try temporaryFolder("escape")
        let gltf = #"{"asset": {"version": "2.0"}, "images": [{"uri": "../../etc/passwd"}]}"#
        try gltf.write(toFile: dir + "/a.gltf", atomically: true, encoding: .utf8)
        let r = try Validator.validate(path: dir + "/a.gltf")
        #expect(r.issues.contains { $0.code == "IO_ERROR" && $0.pointer == "/images/0/uri" })
    }
}
