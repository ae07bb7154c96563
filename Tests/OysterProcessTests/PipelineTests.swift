import OysterCore
import OysterImage
import Testing
@testable import OysterProcess

@Suite struct PipelineTests {
    @Test func runsPassesInOrderAndRecordsFigures() throws {
        var s = sceneWith([gridPrimitive(2, material: 0), gridPrimitive(2, material: 0)], transforms: [
            .identity, .trs(translation: Vec3(3, 0, 0), rotation: .identity, scale: .one),
        ])
        s.materials = [Material()]
        s.meshes.append(Mesh(name: "unused"))
        let pipeline = Pipeline([.flatten(), .mergeByMaterial(), .compact(), .weld()])
        let report = try pipeline.run(&s)
        #expect(report.passes.map(\.name) == ["flatten", "merge", "compact", "weld"])
        #expect(report.before.drawCalls == 2)
        #expect(report.after.drawCalls == 1)
        #expect(report.after.triangles == report.before.triangles)
        #expect(report.after.meshes == 1)
        #expect(report.passes[1].summary.hasPrefix("merge "))
    }

    @Test func customPassesJoinThePipeline() throws {
        var s = Scene()
        let report = try Pipeline([ProcessPass(name: "mark") { scene in
            scene.asset.generator = "marked"
            return PassReport(name: "mark", figures: ["x": 1])
        }]).run(&s)
        #expect(s.asset.generator == "marked")
        #expect(report.passes[0].figures["x"] == 1)
    }

    @Test func textureMemoryComesFromImageHeaders() {
        var s = Scene()
        // A PNG signature + IHDR for 64×32, and a JPEG with an SOF0 for 16×8.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0, 64, 0, 0, 0, 32, 8, 6, 0, 0, 0]
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 8, 0, 16, 1, 1, 0x11, 0]
        s.images = [Image(data: png), Image(data: jpeg), Image(data: [1, 2, 3])]
        let stats = ProcessStatistics(s)
        #expect(stats.textureBytes == 64 * 32 * 4 * 4 / 3 + 16 * 8 * 4 * 4 / 3)
        #expect(stats.unreadableImages == 1)
        #expect(ImageHeader.dimensions(of: Array(png.prefix(20))) == nil)
    }
}

@Suite struct DeterminismTests {
    @Test func fullPipelineGivesIdenticalScenesTwice() throws {
        func build() -> Scene {
            var s = sceneWith([spherePrimitive(rings: 12, segments: 16), gridPrimitive(6, material: 0), gridPrimitive(6, material: 0)], transforms: [
                .trs(translation: Vec3(0, 2, 0), rotation: Quat(angle: 0.3, axis: Vec3(1, 0, 0)), scale: .one), .identity,
                .trs(translation: Vec3(7, 0, 0), rotation: .identity, scale: Vec3(1, 1, -1)),
            ])
            var m = Material()
            m.normalTexture = TextureRef(texture: 0)
            s.materials = [m]
            s.textures = [Texture(source: nil)]
            return s
        }
        let pipeline = Pipeline([.convertAxes(AxisConversionOptions(to: .z, unitScale: 100)), .flatten(), .weld(), .generateNormals(),
                                 .generateTangents(), .mergeByMaterial(), .compact(), .quantize()])
        var a = build(), b = build()
        let ra = try pipeline.run(&a), rb = try pipeline.run(&b)
        #expect(a == b)
        #expect(ra == rb)
        var c = build(), d = build()
        let ca = c.addLODChains(LODOptions(maxError: 1)), cb = d.addLODChains(LODOptions(maxError: 1))
        #expect(ca == cb && c == d)
    }
}
