import Foundation
import OysterCore
import Testing
@testable import OysterValidate

/// EXT_mesh_gpu_instancing, which the web target writes, is checked against its spec.
@Suite("EXT_mesh_gpu_instancing")
struct InstancingValidationTests {
    /// A node with a mesh and instance attributes; accessors 0-2 are a position and two
    /// instance arrays of `count` elements.
    func doc(attributes: String, translationType: String = "VEC3", count: Int = 2, required: Bool = true, mesh: Bool = true) -> Set<String> {
        let json = #"{"asset": {"version": "2.0"}, "extensionsUsed": ["EXT_mesh_gpu_instancing"]"#
            + (required ? #", "extensionsRequired": ["EXT_mesh_gpu_instancing"]"# : "")
            + #", "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{\#(mesh ? #""mesh": 0, "# : "")"extensions": {"EXT_mesh_gpu_instancing": {"attributes": \#(attributes)}}}],"#
            + #""meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],"#
            + #""accessors": [{"count": 3, "componentType": 5126, "type": "VEC3", "min": [0,0,0], "max": [1,1,1]},"#
            + #"{"count": \#(count), "componentType": 5126, "type": "\#(translationType)"}, {"count": 2, "componentType": 5122, "normalized": true, "type": "VEC4"}]}"#
        return findings(validateJSON(json))
    }

    @Test("a well-formed instanced node is clean and its accessors are used")
    func valid() {
        let f = doc(attributes: #"{"TRANSLATION": 1, "ROTATION": 2}"#)
        #expect(!f.contains { $0.hasPrefix("EXT_MESH_GPU_INSTANCING") || $0.hasPrefix("UNSUPPORTED_EXTENSION") || $0.hasPrefix("UNUSED_OBJECT /accessors") }, "\(f)")
    }

    @Test("wrong formats, names, counts and a missing mesh are reported at the attribute")
    func invalid() {
        #expect(doc(attributes: #"{"TRANSLATION": 1}"#, translationType: "VEC4").contains("EXT_MESH_GPU_INSTANCING_INVALID_FORMAT /nodes/0/extensions/EXT_mesh_gpu_instancing/attributes/TRANSLATION"))
        #expect(doc(attributes: #"{"COLOR": 1}"#).contains("EXT_MESH_GPU_INSTANCING_INVALID_ATTRIBUTE /nodes/0/extensions/EXT_mesh_gpu_instancing/attributes/COLOR"))
        #expect(!doc(attributes: #"{"_ID": 1}"#).contains { $0.hasPrefix("EXT_MESH_GPU_INSTANCING_INVALID") })
        #expect(doc(attributes: #"{"TRANSLATION": 1, "ROTATION": 2}"#, count: 3).contains("EXT_MESH_GPU_INSTANCING_UNEQUAL_COUNT /nodes/0/extensions/EXT_mesh_gpu_instancing/attributes/ROTATION"))
        #expect(doc(attributes: #"{"TRANSLATION": 1}"#, mesh: false).contains("EXT_MESH_GPU_INSTANCING_WITHOUT_MESH /nodes/0/extensions/EXT_mesh_gpu_instancing"))
        #expect(doc(attributes: #"{"TRANSLATION": 1}"#, required: false).contains("EXT_MESH_GPU_INSTANCING_NOT_REQUIRED /nodes/0/extensions/EXT_mesh_gpu_instancing"))
        #expect(doc(attributes: "{}").contains("EMPTY_ENTITY /nodes/0/extensions/EXT_mesh_gpu_instancing/attributes"))
    }
}
