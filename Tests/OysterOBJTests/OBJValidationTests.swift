import Foundation
import Testing
import OysterCore
import OysterTestSupport
@testable import OysterOBJ

/// Validates OBJ text from memory with the given slicing.
func validateOBJ(_ text: String, threads: Int = 1, sliceSize: Int = 4 << 20, limit: Int = 0, folder: String? = nil) -> DiagnosticLog {
    var options = OBJReader.Options(threads: threads, sliceSize: sliceSize)
    options.maxDiagnosticsPerCode = limit
    return OBJReader(options: options).validate(bytes: Array(text.utf8), name: "model.obj", folder: folder)
}

/// (code, line) of each diagnostic, for compact expectations.
func codesAndLines(_ log: DiagnosticLog) -> [String] {
    log.diagnostics.map { d in
        if case .line(let l) = d.location { return "\(d.code)@\(l)" }
        return d.code
    }
}

@Suite struct OBJValidationTests {
    /// Every kind of problem the validation mode reports, each on a known line. Vertices are
    /// padded in so the problems fall into different slices when slices are small.
    static let problems: String = {
        var lines = ["v 0 0 0", "v 1 0 0", "v 0 1 0", "vt 0 0", "vn 0 0 1"]          // 1-5
        lines += ["f 1 2 3", "f 1 2 9"]                                                // 6, 7: index past the end
        lines += (0..<10).map { _ in "v 1 1 1" }                                        // 8-17
        lines += ["v 1 oops 1", "f -1 -2 -3", "f 1 1 2", "frobnicate 7"]               // 18 malformed, 19 ok (it still counts), 20 degenerate, 21 unknown
        lines += ["f 1 2 0", "f -40 1 2", "vt 1", "f 1/1 2/2 3/1", "f 1 2"]             // 22 zero, 23 relative, 24 ok, 25 ok, 26 < 3 corners
        lines += ["l 1 2", "f 1//1 2//2 3//1", "v 1 2 3 extra", "f 1 2 3 # fine"]      // 27 l, 28 normal 2 missing, 29 junk after, 30 ok
        return lines.joined(separator: "\n") + "\n"
    }()

    static let expected = [
        "OBJ_MALFORMED_STATEMENT@18", "OBJ_DEGENERATE_FACE@20", "OBJ_UNSUPPORTED_STATEMENT@21",
        "OBJ_INDEX_OUT_OF_RANGE@22", "OBJ_INDEX_OUT_OF_RANGE@23", "OBJ_DEGENERATE_FACE@26",
        "OBJ_UNSUPPORTED_STATEMENT@27", "OBJ_INDEX_OUT_OF_RANGE@28", "OBJ_MALFORMED_STATEMENT@29",
        // Line 25 has texture coordinates, the other faces of the primitive none.
        "OBJ_PARTIAL_ATTRIBUTE",
    ]

    @Test func eachProblemIsADiagnosticOnItsLine() {
        // Line 7 refers to vertex 9, which lines 8-17 define: a legal forward reference.
        let log = validateOBJ(Self.problems)
        #expect(codesAndLines(log) == Self.expected)
        #expect(log.diagnostics.first { $0.code == DiagnosticCode.objMalformedStatement.id }?.message == "unparseable number 'oops'")
        #expect(log.diagnostics.allSatisfy { $0.file == nil })
    }

    @Test func theResultIsTheSameForEverySlicingAndThreadCount() {
        let reference = validateOBJ(Self.problems).diagnostics
        for slice in [1, 5, 16, 33, 100] {
            for threads in [1, 2, 4] {
                let log = validateOBJ(Self.problems, threads: threads, sliceSize: slice)
                #expect(log.diagnostics == reference, "slice \(slice), threads \(threads)")
            }
        }
    }

    @Test func aMalformedLineDoesNotHideLaterProblems() {
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nv x y z\nf 1 2 3 4\nf 1 2 5\nf 1 2 3x\n"
        let log = validateOBJ(text)
        // The broken v still counts as vertex 4, so `f 1 2 3 4` is fine and 5 is out of range.
        #expect(codesAndLines(log) == ["OBJ_MALFORMED_STATEMENT@4", "OBJ_INDEX_OUT_OF_RANGE@6", "OBJ_MALFORMED_STATEMENT@7"])
    }

    @Test func convertingStillStopsAtTheFirstProblemValidationReports() {
        #expect(objError(Self.problems) == "model.obj:18: unparseable number 'oops'")
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n"
        #expect(objError(text) == "model.obj:4: face index 9 is out of range (3 vertices)")
        let log = validateOBJ(text)
        #expect(log.diagnostics.map(\.message) == ["face index 9 is out of range (3 vertices)"])
        #expect(log.diagnostics.map(\.severity) == [.error])
    }

    @Test func forwardReferencesPastTheEndAreFoundWhateverTheSlicing() {
        let text = "f 1 2 3\nf 1 2 40\n" + String(repeating: "v 1 1 1\n", count: 20) + "f 1 2 21\nf -1 -2 -3\n"
        for slice in [1, 9, 1 << 20] {
            let log = validateOBJ(text, threads: 2, sliceSize: slice)
            #expect(codesAndLines(log) == ["OBJ_INDEX_OUT_OF_RANGE@2", "OBJ_INDEX_OUT_OF_RANGE@23"], "slice \(slice)")
        }
    }

    @Test func cornersMixingNormalsAndNoneAreNoted() {
        let log = validateOBJ("v 0 0 0\nv 1 0 0\nv 0 1 0\nvn 0 0 1\ng a\nf 1//1 2//1 3//1\nf 1 2 3\ng b\nf 1 2 3\n")
        #expect(log.diagnostics.map(\.code) == [DiagnosticCode.objPartialAttribute.id])
        #expect(log.diagnostics.first?.message.hasPrefix("'a':") == true)
    }

    @Test func diagnosticsPerCodeAreCappedAndTheRestCounted() {
        var text = "v 0 0 0\nv 1 0 0\nv 0 1 0\n"
        for _ in 0..<5000 { text += "f 1 2 -9\n" }
        text += "f 1 1 2\nbogus\n"
        let log = validateOBJ(text, threads: 2, sliceSize: 4096, limit: 10)
        #expect(log.diagnostics.filter { $0.code == DiagnosticCode.objIndexOutOfRange.id }.count == 10)
        #expect(log.omitted[.init(code: DiagnosticCode.objIndexOutOfRange.id, severity: .error)] == 4990)
        // Other codes are not crowded out by the capped one.
        #expect(log.diagnostics.contains { $0.code == DiagnosticCode.objDegenerateFace.id && $0.location == .line(5004) })
        #expect(log.diagnostics.contains { $0.code == DiagnosticCode.objUnsupportedStatement.id && $0.location == .line(5005) })
        #expect(log.totalCount == 5002)
    }

    @Test func malformedLinesPastTheCapAreCountedTheSameWhateverTheSlicing() {
        var text = "v 0 0 0\nv 1 0 0\nv 0 1 0\n"
        for i in 0..<3000 { text += i % 2 == 0 ? "v 1 ? 1\n" : "f 1 2 0\n" }
        let reference = validateOBJ(text, limit: 7)
        #expect(reference.diagnostics.count == 14)
        #expect(reference.diagnostics.first?.location == .line(4))
        #expect(reference.omitted == [.init(code: DiagnosticCode.objMalformedStatement.id, severity: .error): 1493,
                                      .init(code: DiagnosticCode.objIndexOutOfRange.id, severity: .error): 1493])
        for slice in [8, 100, 4096] {
            let log = validateOBJ(text, threads: 3, sliceSize: slice, limit: 7)
            #expect(log.diagnostics == reference.diagnostics && log.omitted == reference.omitted, "slice \(slice)")
        }
    }

    @Test func materialLibrariesTexturesAndMaterialsAreCheckedWithFileAndLine() throws {
        let dir = TemporaryDirectory("obj-validate")
        try Data([0]).write(to: URL(fileURLWithPath: dir.file("there.png")))
        try "newmtl a\nKd 1 1 1\nmap_Kd there.png\nmap_Ks gone.png\nmap_Pc packed.png\nwobble 3\nNs x\n"
            .write(toFile: dir.file("m.mtl"), atomically: true, encoding: .utf8)
        let text = "mtllib m.mtl\nmtllib none.mtl\nmtllib ../up.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl a\nf 1 2 3\nusemtl b\nusemtl a\n"
        let log = validateOBJ(text, folder: dir.path)
        let found = log.diagnostics.map { d -> String in
            var s = d.code
            if let f = d.file { s += " " + f }
            if case .line(let l) = d.location { s += "@\(l)" }
            return s
        }
        #expect(found == [
            "MTL_UNSUPPORTED m.mtl@6", "MTL_SYNTAX m.mtl@7",
            "OBJ_MTL_MISSING@2", "OBJ_PATH_REFUSED@3",
            "OBJ_TEXTURE_MISSING m.mtl@4", "OBJ_TEXTURE_MISSING m.mtl@5",
            "OBJ_PARTIAL_ATTRIBUTE",
            "OBJ_MATERIAL_UNDEFINED@9",
        ])
        // Material a has a base colour map but its face has no vt: converting adds zero UVs.
        #expect(log.diagnostics.first { $0.code == DiagnosticCode.objPartialAttribute.id }?.message
                == "1 textured primitive(s) had no texture coordinates (faces without vt); zero TEXCOORD_0 added")
    }

    @Test func anMTLOnItsOwnIsCheckedRelativeToItsFolder() throws {
        let dir = TemporaryDirectory("mtl-validate")
        let text = "newmtl a\nmap_Kd gone.png\nnewmtl a\nfrob\n"
        let log = OBJReader().validateMTL(bytes: Array(text.utf8), name: "lib.mtl", folder: dir.path)
        #expect(codesAndLines(log) == ["OBJ_TEXTURE_MISSING@2", "MTL_DUPLICATE_MATERIAL@3", "MTL_UNSUPPORTED@4"])
        #expect(log.diagnostics.allSatisfy { $0.file == nil })
    }
}
