import Testing
import OysterCore
import OysterJSON
@testable import OysterGLTF

/// A glTF JSON document with one base64 buffer holding `bin`, plus `rest` (JSON members).
func documentWithBuffer(_ bin: [UInt8], _ rest: String) -> [UInt8] {
    let uri = URIPolicy.dataURI(mimeType: "application/octet-stream", bytes: bin)
    return Array(#"{"asset":{"version":"2.0"},"buffers":[{"uri":"\#(uri)","byteLength":\#(bin.count)}],\#(rest)}"#.utf8)
}

func le<T>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }

@Suite struct GLTFReaderAccessorTests {
    func mesh(_ doc: [UInt8]) throws -> Primitive {
        try GLTFReader().read(bytes: doc).scene.meshes[0].primitives[0]
    }

    @Test func interleavedViewWithOffsetsIsDensified() throws {
        // 4 junk bytes, then 3 vertices of [x y z u v] floats (stride 20).
        var bin: [UInt8] = [9, 9, 9, 9]
        for k in 0..<3 { bin += le([Float(k), Float(k) + 0.5, -Float(k), Float(k) / 10, 1]) }
        let doc = documentWithBuffer(bin, """
            "bufferViews":[{"buffer":0,"byteOffset":4,"byteLength":60,"byteStride":20,"target":34962}],
            "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0.5,-2],"max":[2,2.5,0]},
                         {"bufferView":0,"byteOffset":12,"componentType":5126,"count":3,"type":"VEC2"}],
            "meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1}}]}]
            """)
        let p = try mesh(doc)
        #expect(p.attributes["POSITION"]?.floats() == [0, 0.5, 0, 1, 1.5, -1, 2, 2.5, -2])
        #expect(p.attributes["TEXCOORD_0"]?.floats() == [0, 1, 0.1, 1, 0.2, 1])
    }

    @Test func sparseValuesReplaceBaseElements() throws {
        let bin = le([Float(1), 2, 3, 4]) + [1, 3, 0, 0] + le([Float(20), 40])
        let doc = documentWithBuffer(bin, """
            "bufferViews":[{"buffer":0,"byteLength":16},{"buffer":0,"byteOffset":16,"byteLength":2},{"buffer":0,"byteOffset":20,"byteLength":8}],
            "accessors":[
              {"bufferView":0,"componentType":5126,"count":4,"type":"SCALAR",
               "sparse":{"count":2,"indices":{"bufferView":1,"componentType":5121},"values":{"bufferView":2}}},
              {"componentType":5126,"count":4,"type":"SCALAR",
               "sparse":{"count":2,"indices":{"bufferView":1,"componentType":5121},"values":{"bufferView":2}}}],
            "meshes":[{"primitives":[{"attributes":{"_A":0,"_B":1}}]}]
            """)
        let p = try mesh(doc)
        #expect(p.attributes["_A"]?.floats() == [1, 20, 3, 40])
        #expect(p.attributes["_B"]?.floats() == [0, 20, 0, 40])
    }

    @Test func normalizedIntegersKeepTheirForm() throws {
        let doc = documentWithBuffer([0, 128, 255, 255], """
            "bufferViews":[{"buffer":0,"byteLength":4}],
            "accessors":[{"bufferView":0,"componentType":5121,"normalized":true,"count":1,"type":"VEC4"}],
            "meshes":[{"primitives":[{"attributes":{"COLOR_0":0}}]}]
            """)
        let color = try #require(try mesh(doc).attributes["COLOR_0"])
        #expect(color.componentType == .uint8 && color.normalized)
        #expect(color.floats() == [0, 128.0 / 255, 1, 1])
    }

    @Test func matrixColumnPaddingIsRemoved() throws {
        // MAT2 of bytes: columns [1 2] [3 4] each padded to 4 bytes.
        let doc = documentWithBuffer([1, 2, 0, 0, 3, 4, 0, 0, 5, 6, 0, 0, 7, 8, 0, 0], """
            "bufferViews":[{"buffer":0,"byteLength":16}],
            "accessors":[{"bufferView":0,"componentType":5121,"count":2,"type":"MAT2"}],
            "meshes":[{"primitives":[{"attributes":{"_M":0}}]}]
            """)
        #expect(try mesh(doc).attributes["_M"]?.bytes == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func accessorWithoutBufferViewIsZeros() throws {
        let doc = Array(#"{"asset":{"version":"2.0"},"accessors":[{"componentType":5126,"count":3,"type":"VEC3"}],"meshes":[{"primitives":[{"attributes":{"NORMAL":0}}]}]}"#.utf8)
        #expect(try mesh(doc).attributes["NORMAL"]?.floats() == Array(repeating: 0, count: 9))
    }

    @Test func sharedAccessorsShareData() throws {
        let doc = documentWithBuffer(le([Float(0), 0, 0, 1, 0, 0, 0, 1, 0]), """
            "bufferViews":[{"buffer":0,"byteLength":36}],
            "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],
            "meshes":[{"primitives":[{"attributes":{"POSITION":0}},{"attributes":{"POSITION":0},"mode":0}]}]
            """)
        let mesh = try GLTFReader().read(bytes: doc).scene.meshes[0]
        #expect(mesh.primitives[0].attributes == mesh.primitives[1].attributes)
        #expect(mesh.primitives[1].mode == .points)
    }
}
