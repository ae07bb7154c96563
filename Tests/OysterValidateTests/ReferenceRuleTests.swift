import Foundation
import OysterCore
import Testing
@testable import OysterValidate

/// Rules taken from the Khronos glTF-Validator's source (lib/src/…, named per test), checked on
/// small documents written here: severity, pointer and the condition that triggers them.
@Suite("rules of the reference validator")
struct ReferenceRuleTests {
    /// (code, severity, pointer) of every issue.
    func triples(_ json: String) -> Set<String> {
        Set(validateJSON(json).issues.map { "\($0.code) \($0.severity.rawValue) \($0.locationText)" })
    }

    static let asset = #""asset": {"version": "2.0"}"#

    @Test("camera.dart: each zero or negative magnification points at itself; zero is an error")
    func orthographicMagnifications() {
        let t = triples(#"{\#(Self.asset), "cameras": [{"type": "orthographic", "orthographic": {"xmag": 0, "ymag": -1, "znear": 0, "zfar": 1}}]}"#)
        #expect(t.contains("CAMERA_XMAG_YMAG_ZERO 0 /cameras/0/orthographic/xmag"))
        #expect(t.contains("CAMERA_XMAG_YMAG_NEGATIVE 1 /cameras/0/orthographic/ymag"))
        #expect(!t.contains { $0.hasSuffix(" /cameras/0/orthographic") })
    }

    @Test("accessor.dart: a matrix of bytes needs only its unpadded last element (MAT3: 11 bytes)")
    func matrixLastElementLength() {
        // Two MAT3 UNSIGNED_BYTE elements: stride 12, the last one 11 bytes, 23 in all.
        func doc(_ viewLength: Int) -> String {
            #"{\#(Self.asset), "buffers": [{"byteLength": 24, "uri": "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}],"#
                + #""bufferViews": [{"buffer": 0, "byteLength": \#(viewLength)}],"#
                + #""accessors": [{"bufferView": 0, "componentType": 5121, "normalized": true, "count": 2, "type": "MAT3"}]}"#
        }
        #expect(!triples(doc(23)).contains { $0.hasPrefix("ACCESSOR_TOO_LONG") })
        #expect(triples(doc(22)).contains("ACCESSOR_TOO_LONG 0 /accessors/0"))
    }

    @Test("mesh.dart: texture coordinates no material uses are unused, also without a material")
    func unusedTexcoordsWithoutMaterial() {
        let t = triples(#"{\#(Self.asset), "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "TEXCOORD_0": 1}}]}],"#
            + #""accessors": [{"count": 3, "componentType": 5126, "type": "VEC3", "min": [0,0,0], "max": [1,1,1]}, {"count": 3, "componentType": 5126, "type": "VEC2"}]}"#)
        #expect(t.contains("UNUSED_OBJECT 2 /meshes/0/primitives/0/attributes/TEXCOORD_0"))
    }

    @Test("mesh.dart: a discontinuous TEXCOORD set counts as none, so nothing of it is called unused")
    func discontinuousTexcoords() {
        let t = triples(#"{\#(Self.asset), "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "TEXCOORD_1": 1}}]}],"#
            + #""accessors": [{"count": 3, "componentType": 5126, "type": "VEC3", "min": [0,0,0], "max": [1,1,1]}, {"count": 3, "componentType": 5126, "type": "VEC2"}]}"#)
        #expect(t.contains("MESH_PRIMITIVE_INDEXED_SEMANTIC_CONTINUITY 0 /meshes/0/primitives/0/attributes"))
        #expect(!t.contains { $0.contains("attributes/TEXCOORD_1") && $0.hasPrefix("UNUSED_OBJECT") })
    }

    @Test("gltf.dart: a skinned mesh below a transformed parent warns, and is a non-root hint")
    func skinnedMeshParents() {
        // A joint, a moved group, and the skinned node inside the group.
        let t = triples(#"{\#(Self.asset), "nodes": [{}, {"translation": [0, 1, 0], "children": [2]}, {"skin": 0, "mesh": 0}], "skins": [{"joints": [0]}],"#
            + #""meshes": [{"primitives": [{"attributes": {"POSITION": 0, "JOINTS_0": 1, "WEIGHTS_0": 2}}]}],"#
            + #""accessors": [{"componentType": 5126, "type": "VEC3", "count": 3, "min": [0,0,0], "max": [1,1,1]}, {"componentType": 5121, "type": "VEC4", "count": 3}, {"componentType": 5126, "type": "VEC4", "count": 3}]}"#)
        #expect(t.contains("NODE_SKINNED_MESH_PARENT_TRANSFORMS 1 /nodes/2"))
        #expect(t.contains("NODE_SKINNED_MESH_NON_ROOT 2 /nodes/2"))
    }

    @Test("khr_animation_pointer.dart: every pointer target is reported as incompletely validated")
    func animationPointerIsIncomplete() {
        let t = triples(#"{\#(Self.asset), "extensionsUsed": ["KHR_animation_pointer"], "nodes": [{}],"#
            + #""animations": [{"channels": [{"sampler": 0, "target": {"path": "pointer", "extensions": {"KHR_animation_pointer": {"pointer": "/nodes/0/translation"}}}}],"#
            + #""samplers": [{"input": 0, "output": 1}]}],"#
            + #""accessors": [{"count": 1, "componentType": 5126, "type": "SCALAR", "min": [0], "max": [0]}, {"count": 1, "componentType": 5126, "type": "VEC3"}]}"#)
        #expect(t.contains("INCOMPLETE_EXTENSION_SUPPORT 2 /animations/0/channels/0/target/extensions/KHR_animation_pointer"))
        #expect(ReferenceRuleTests.isPointer("/a~1b/~0c"))
        #expect(!ReferenceRuleTests.isPointer("nodes/0"))
        #expect(!ReferenceRuleTests.isPointer("/a~2"))
    }

    static func isPointer(_ p: String) -> Bool { GLTFValidator.isJSONPointer(p) }

    @Test("khr_lights_punctual.dart: a node's light object needs the root extension even without an index")
    func lightDependency() {
        let t = triples(#"{\#(Self.asset), "extensionsUsed": ["KHR_lights_punctual"], "nodes": [{"extensions": {"KHR_lights_punctual": {}}}]}"#)
        #expect(t.contains("UNDEFINED_PROPERTY 0 /nodes/0/extensions/KHR_lights_punctual"))
        #expect(t.contains("UNSATISFIED_DEPENDENCY 0 /nodes/0/extensions/KHR_lights_punctual"))
    }

    @Test("khr_materials_emissive_strength.dart: only a strength other than 1 on a zero factor is pointless")
    func emissiveStrength() {
        func t(_ material: String) -> Bool {
            triples(#"{\#(Self.asset), "extensionsUsed": ["KHR_materials_emissive_strength"], "materials": [\#(material)]}"#)
                .contains { $0.hasPrefix("KHR_MATERIALS_EMISSIVE_STRENGTH_ZERO_FACTOR") }
        }
        #expect(t(#"{"extensions": {"KHR_materials_emissive_strength": {"emissiveStrength": 5}}}"#))
        #expect(!t(#"{"extensions": {"KHR_materials_emissive_strength": {}}}"#))
        #expect(!t(#"{"emissiveFactor": [1, 0, 0], "extensions": {"KHR_materials_emissive_strength": {"emissiveStrength": 5}}}"#))
        #expect(!t(#"{"extensions": {"KHR_materials_emissive_strength": {"emissiveStrength": -1}}}"#))
    }

    @Test("khr_materials_volume.dart: double-sidedness matters only with thickness")
    func volumeDoubleSided() {
        func t(_ volume: String) -> Bool {
            triples(#"{\#(Self.asset), "extensionsUsed": ["KHR_materials_volume", "KHR_materials_transmission"], "materials": [{"doubleSided": true, "extensions": {"KHR_materials_transmission": {}, "KHR_materials_volume": \#(volume)}}]}"#)
                .contains { $0.hasPrefix("KHR_MATERIALS_VOLUME_DOUBLE_SIDED") }
        }
        #expect(t(#"{"thicknessFactor": 1}"#))
        #expect(!t(#"{}"#))
    }

    @Test("image.dart: a data URI's media type is not checked against a list, only against its content")
    func webpDataURI() {
        let webp = "UklGRhwAAABXRUJQVlA4TA8AAAAv/8AfAAcQ/Y/+ByKi/wEA"
        let t = triples(#"{\#(Self.asset), "images": [{"uri": "data:image/webp;base64,\#(webp)"}]}"#)
        #expect(!t.contains { $0.hasPrefix("VALUE_NOT_IN_LIST") })
        #expect(t.contains("IMAGE_NON_ENABLED_MIME_TYPE 0 /images/0"))
    }
}
