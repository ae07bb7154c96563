import Foundation
import OysterCore
import OysterTestSupport
import Testing
@testable import OysterValidate

@Suite("glTF validation")
struct GLTFValidationTests {
    @Test("a well-formed triangle has no errors or warnings")
    func validTriangle() throws {
        let r = try Validator.validate(path: RepoPaths.fixture("validate/triangle.gltf"))
        #expect(r.numErrors == 0)
        #expect(r.numWarnings == 0)
        #expect(r.info?.totalTriangleCount == 1)
        #expect(r.info?.hasDefaultScene == true)
    }

    @Test("schema, reference and semantic problems are reported at exact pointers")
    func brokenDocument() throws {
        let r = try Validator.validate(path: RepoPaths.fixture("validate/broken.gltf"))
        let f = findings(r)
        #expect(f.contains("UNRESOLVED_REFERENCE /nodes/0/mesh"))
        #expect(f.contains("ROTATION_NON_UNIT /nodes/0/rotation") || f.contains("VALUE_NOT_IN_RANGE /nodes/0/rotation/3"))
        #expect(f.contains("VALUE_NOT_IN_LIST /materials/0/alphaMode"))
        #expect(f.contains("NON_OBJECT_EXTRAS /extras"))
        #expect(f.contains("UNEXPECTED_PROPERTY /unknownTopLevel"))
        #expect(f.contains("UNUSED_OBJECT /materials/0"))
    }

    @Test("a document without asset reports the missing property at the root")
    func missingAsset() {
        let r = validateJSON("{}")
        #expect(findings(r) == ["UNDEFINED_PROPERTY /"])
    }

    @Test("JSON syntax errors and a BOM are INVALID_JSON")
    func invalidJSON() {
        #expect(findings(validateJSON("{\"asset\": ")) == ["INVALID_JSON /"])
        #expect(validateJSON("\u{FEFF}{}").issues.first?.code == "INVALID_JSON")
    }

    @Test("declared min/max are compared with the buffer data")
    func minMaxAgainstData() {
        let text = """
        {"asset": {"version": "2.0"},
         "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, 0], "max": [2, 1, 0]}],
         "bufferViews": [{"buffer": 0, "byteLength": 36}],
         "buffers": [{"byteLength": 36, "uri": "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}]}
        """
        let f = findings(validateJSON(text))
        #expect(f.contains("ACCESSOR_MAX_MISMATCH /accessors/0/max/0"))
        #expect(!f.contains("ACCESSOR_MAX_MISMATCH /accessors/0/max/1"))
        #expect(!f.contains("ACCESSOR_ELEMENT_OUT_OF_MAX_BOUND /accessors/0/max/0"))
    }

    @Test("index data is checked against the vertex count")
    func indicesOutOfBounds() {
        // 3 positions, indices [0, 1, 7, 0, 0, 0] as unsigned bytes (padded to 8 bytes).
        let positions = "AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"
        let text = """
        {"asset": {"version": "2.0"},
         "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
         "nodes": [{"mesh": 0}], "scenes": [{"nodes": [0]}], "scene": 0,
         "accessors": [
           {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0, 0, 0], "max": [1, 1, 0]},
           {"bufferView": 1, "componentType": 5121, "count": 6, "type": "SCALAR"}],
         "bufferViews": [{"buffer": 0, "byteLength": 36, "target": 34962}, {"buffer": 1, "byteLength": 6, "target": 34963}],
         "buffers": [{"byteLength": 36, "uri": "data:application/octet-stream;base64,\(positions)"},
                     {"byteLength": 6, "uri": "data:application/octet-stream;base64,AAEHAAAA"}]}
        """
        let f = findings(validateJSON(text))
        #expect(f.contains("ACCESSOR_INDEX_OOB /meshes/0/primitives/0/indices"))
        #expect(f.contains("ACCESSOR_INDEX_TRIANGLE_DEGENERATE /meshes/0/primitives/0/indices"))
    }

    @Test("GLB container problems are reported at byte offsets")
    func glbStructure() {
        let r = Validator.validate(bytes: [0x67], uri: "x.glb")
        #expect(r.issues.map(\.code) == ["GLB_UNEXPECTED_END_OF_HEADER"])
        #expect(r.issues.first?.location == .offset(1))
        var header: [UInt8] = Array("glTF".utf8) + [1, 0, 0, 0] + [12, 0, 0, 0]
        #expect(Validator.validate(bytes: header, uri: "x.glb").issues.map(\.code) == ["GLB_INVALID_VERSION"])
        header[4] = 2
        #expect(Validator.validate(bytes: header, uri: "x.glb").issues.map(\.code) == ["GLB_LENGTH_TOO_SMALL"])
    }

    @Test("ignored codes, severity overrides and the issue cap shape the report")
    func optionsShapeReport() {
        var o = ValidationOptions()
        o.ignoredCodes = ["UNEXPECTED_PROPERTY"]
        o.severityOverrides = ["NON_OBJECT_EXTRAS": .error]
        let r = validateJSON(#"{"asset": {"version": "2.0"}, "extras": 1, "foo": 1, "bar": 2}"#, options: o)
        #expect(!r.issues.contains { $0.code == "UNEXPECTED_PROPERTY" })
        #expect(r.issues.first { $0.code == "NON_OBJECT_EXTRAS" }?.severity == .error)
        var capped = ValidationOptions()
        capped.maxIssues = 1
        let c = validateJSON(#"{"asset": {"version": "2.0"}, "foo": 1, "bar": 2}"#, options: capped)
        #expect(c.issues.count == 1)
        #expect(c.truncated)
    }

    @Test("malformed bytes never crash the validator")
    func malformedInputs() {
        var rng = TestRandom(seed: 42)
        let seed = Array(#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4,"uri":"data:,ab"}],"accessors":[{"count":1,"type":"VEC4","componentType":5126,"bufferView":0}],"bufferViews":[{"buffer":0,"byteLength":4}]}"#.utf8)
        for round in 0..<300 {
            var bytes = seed
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let i = Int(rng.next() % UInt64(bytes.count))
                bytes[i] = UInt8(truncatingIfNeeded: rng.next())
            }
            let r = Validator.validate(bytes: bytes, uri: round % 2 == 0 ? "f.gltf" : "f.glb")
            #expect(!r.uri.isEmpty)
        }
    }
}

