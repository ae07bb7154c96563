import Foundation
import OysterCore
import OysterGLTF
import OysterImage
import OysterTestSupport
import Testing
@testable import OysterAtlas

@Suite struct SceneAtlasTests {
    static let specs: [AtlasTestScene.Spec] = [
        .init(size: (16, 16)),
        .init(size: (32, 16), uv: (0.1, 0.2, 0.9, 0.7)),
        .init(size: (8, 24)),
        .init(size: (24, 24), normalScale: 2),
        .init(size: (16, 16), uv: (0, 0, 2, 1)),                                  // repeats twice across
        .init(size: (16, 16), uv: (-0.5, 0, 0.5, 1), wrap: Sampler.mirroredRepeat),
        .init(size: (16, 16), transform: TextureTransform(offset: Vec2(0.25, 0.5), rotation: 0, scale: Vec2(0.5, 0.5))),
        .init(size: (16, 16), uv: (0, 0, 40, 40)),                                // too many repeats
    ]

    /// Samples every primitive at interior points through its material before and after.
    func colorsMatch(_ before: Scene, _ after: Scene, slot: TextureSlot, skip: Set<Int>) -> (checked: Int, mismatches: [String]) {
        var rng = TestRandom(seed: 77)
        var cacheA: [Int: AtlasBitmap] = [:], cacheB: [Int: AtlasBitmap] = [:]
        var checked = 0
        var bad: [String] = []
        for (pi, p) in before.meshes[0].primitives.enumerated() where !skip.contains(pi) {
            let q = after.meshes[0].primitives[pi]
            guard let ma = p.material, let mb = q.material, let uvA = p.attributes["TEXCOORD_0"], let uvB = q.attributes["TEXCOORD_0"] else {
                bad.append("primitive \(pi): missing material or UVs"); continue
            }
            let tri = p.triangleIndices()
            for _ in 0..<60 {
                let t = rng.int(0...(tri.count / 3 - 1)) * 3
                var a = Float(rng.int(1...98)) / 100, b = Float(rng.int(1...98)) / 100
                if a + b > 0.99 { (a, b) = (1 - a, 1 - b) }
                let c = 1 - a - b
                let ia = Int(tri[t]), ib = Int(tri[t + 1]), ic = Int(tri[t + 2])
                let oldUV = uvA.vec2(ia) * a + uvA.vec2(ib) * b + uvA.vec2(ic) * c
                let newUV = uvB.vec2(ia) * a + uvB.vec2(ib) * b + uvB.vec2(ic) * c
                guard let x = sampleSlot(before, material: ma, slot: slot, uv: oldUV, cache: &cacheA),
                      let y = sampleSlot(after, material: mb, slot: slot, uv: newUV, cache: &cacheB) else { continue }
                checked += 1
                if x != y { bad.append("primitive \(pi) at \(oldUV): \(String(x, radix: 16)) became \(String(y, radix: 16))") }
            }
        }
        return (checked, bad)
    }

    @Test func atlasingKeepsUVMappedColors() throws {
        let before = try AtlasTestScene.make(Self.specs)
        var after = before
        let report = try atlasScene(&after, options: SceneAtlasOptions(maxTriangleGrowth: 1000, mergePrimitives: false))
        #expect(report.pages.count == 1)
        #expect(report.pages.first?.materials == 8)
        let base = colorsMatch(before, after, slot: .baseColor, skip: [7])
        #expect(base.checked > 200)
        #expect(base.mismatches.isEmpty, "\(base.mismatches.prefix(5))")
        // Normal maps share the layout (material 3's is upscaled, so it is not compared).
        let normal = colorsMatch(before, after, slot: .normal, skip: [3, 7])
        #expect(normal.checked > 150)
        #expect(normal.mismatches.isEmpty, "\(normal.mismatches.prefix(5))")
    }

    @Test func pixelSourcesGiveTheSamePagesAsEncodedOnesAndPagesKeepTheirPixels() throws {
        let encoded = try AtlasTestScene.make(Self.specs)
        var pixelOnly = encoded
        for i in pixelOnly.images.indices {
            pixelOnly.images[i] = Image(name: encoded.images[i].name, pixels: try ImageCodec.decode(try #require(encoded.images[i].data)))
        }
        var a = encoded, b = pixelOnly
        let options = SceneAtlasOptions(maxTriangleGrowth: 1000, mergePrimitives: false)
        _ = try atlasScene(&a, options: options)
        _ = try atlasScene(&b, options: options)
        let pagesA = a.images.filter { $0.name?.hasPrefix("atlas-") == true }
        let pagesB = b.images.filter { $0.name?.hasPrefix("atlas-") == true }
        #expect(!pagesA.isEmpty)
        #expect(pagesA.map(\.data) == pagesB.map(\.data))
        for page in pagesA {
            #expect(try ImageCodec.decode(try #require(page.data)) == page.pixels)
        }
    }

    @Test func manyRepeatsAreLeftOutWithANoteWhenSplittingIsOff() throws {
        var scene = try AtlasTestScene.make(Self.specs)
        let report = try atlasScene(&scene, options: SceneAtlasOptions(splitRepeats: false))
        #expect(report.drawCallsBefore == 8 && report.drawCallsAfter == 2)
        #expect(report.imagesBefore == 16 && report.imagesAfter == 4)
        #expect(scene.materials.count == 2)
        #expect(report.notes.contains { $0.contains("material 7") && $0.contains("repeat") })
        #expect(report.trianglesAfter == report.trianglesBefore)
    }

    @Test func cuttingStaysWithinTheTriangleBudget() throws {
        var scene = try AtlasTestScene.make(Self.specs)
        let report = try atlasScene(&scene)
        #expect(report.notes.contains { $0.hasPrefix("material 7:") && $0.contains("over budget") })
        #expect(report.trianglesAfter == report.trianglesBefore && report.drawCallsAfter == 2)
    }

    @Test func atlasingCutsDrawCallsAndImages() throws {
        var scene = try AtlasTestScene.make(Self.specs)
        let report = try atlasScene(&scene, options: SceneAtlasOptions(maxTriangleGrowth: 1000))
        #expect(report.drawCallsBefore == 8 && report.drawCallsAfter == 1)
        #expect(report.imagesBefore == 16 && report.imagesAfter == 2)
        #expect(scene.materials.count == 1)
        #expect(report.primitivesSplit == 1 && report.notes.isEmpty)
        // The atlas material samples with clamping and no transform.
        let atlasMaterial = try #require(scene.materials.first { $0.name == "atlas-0" })
        let ref = try #require(atlasMaterial.baseColorTexture)
        #expect(ref.transform == nil)
        let sampler = try #require(scene.textures[ref.texture].sampler.map { scene.samplers[$0] })
        #expect(sampler.wrapS == Sampler.clampToEdge && sampler.minFilter == Sampler.linearMipmapLinear)
    }

    @Test func tilesSitOnTheMipGridWithGutters() throws {
        var scene = try AtlasTestScene.make(Array(Self.specs.prefix(4)))
        _ = try atlasScene(&scene, options: SceneAtlasOptions(mipLevels: 3, mergePrimitives: false))
        let page = try #require(scene.materials.first { $0.name == "atlas-0" }?.baseColorTexture)
        let image = try AtlasBitmap.decode(scene.images[try #require(scene.textures[page.texture].source)].data ?? [])
        #expect(image.width % 8 == 0 && image.height % 8 == 0)
        for (i, p) in scene.meshes[0].primitives.enumerated() where Self.specs[i].uv == (0, 0, 1, 1) {
            let uv = try #require(p.attributes["TEXCOORD_0"])
            // The quad's corner UV sits 4 px (the gutter) past an 8 px grid line.
            let corner = uv.vec2(3) * Vec2(Float(image.width), Float(image.height))
            #expect(Int(corner.x.rounded()) % 8 == 4 && Int(corner.y.rounded()) % 8 == 4, "\(corner)")
        }
    }

    @Test func splitTrianglesSampleTheSameTexels() throws {
        // Two quads, one repeating its texture 9x6 times: cut into cells, then atlased.
        let specs: [AtlasTestScene.Spec] = [.init(size: (16, 16), uv: (0, 0, 9, 6)), .init(size: (16, 16))]
        let before = try AtlasTestScene.make(specs)
        var after = before
        let report = try atlasScene(&after, options: SceneAtlasOptions(maxTriangleGrowth: 1000, mergePrimitives: false))
        #expect(report.primitivesSplit == 1)
        let old = before.meshes[0].primitives[0], new = after.meshes[0].primitives[0]
        #expect(new.triangleCount >= 9 * 6 * 2)
        let pos = try #require(new.attributes["POSITION"]), uv = try #require(new.attributes["TEXCOORD_0"])
        let tri = new.triangleIndices()
        var rng = TestRandom(seed: 5)
        var cacheA: [Int: AtlasBitmap] = [:], cacheB: [Int: AtlasBitmap] = [:]
        var checked = 0
        for _ in 0..<400 {
            let x = Float(rng.int(1...999)) / 1000, y = Float(rng.int(1...999)) / 1000
            // The quad spans x 0...1, y 0...1 with v running down as y rises.
            let oldUV = Vec2(x * 9, (1 - y) * 6)
            var newUV: Vec2?
            for t in stride(from: 0, to: tri.count, by: 3) {
                let a = pos.vec3(Int(tri[t])), b = pos.vec3(Int(tri[t + 1])), c = pos.vec3(Int(tri[t + 2]))
                let d = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y)
                guard abs(d) > 1e-12 else { continue }
                let l0 = ((b.y - c.y) * (x - c.x) + (c.x - b.x) * (y - c.y)) / d
                let l1 = ((c.y - a.y) * (x - c.x) + (a.x - c.x) * (y - c.y)) / d
                let l2 = 1 - l0 - l1
                if l0 >= 0 && l1 >= 0 && l2 >= 0 {
                    newUV = uv.vec2(Int(tri[t])) * l0 + uv.vec2(Int(tri[t + 1])) * l1 + uv.vec2(Int(tri[t + 2])) * l2
                    break
                }
            }
            let n = try #require(newUV, "no triangle covers \(x), \(y)")
            guard let p = old.material, let q = new.material,
                  let s0 = sampleSlot(before, material: p, slot: .baseColor, uv: oldUV, cache: &cacheA),
                  let s1 = sampleSlot(after, material: q, slot: .baseColor, uv: n, cache: &cacheB) else { continue }
            checked += 1
            #expect(s0 == s1, "at \(x), \(y)")
        }
        #expect(checked > 200)
    }

    @Test func materialsThatDifferBeyondTexturesStayApart() throws {
        var scene = try AtlasTestScene.make(Array(Self.specs.prefix(4)))
        scene.materials[2].roughnessFactor = 0.3
        scene.materials[3].roughnessFactor = 0.3
        let report = try atlasScene(&scene)
        #expect(report.pages.count == 2)
        #expect(report.pages.allSatisfy { $0.materials == 2 })
        #expect(report.drawCallsAfter == 2)
    }

    @Test func undecodableImageLeavesItsMaterialOutWithANote() throws {
        var scene = try AtlasTestScene.make(Array(Self.specs.prefix(3)))
        scene.images[0].data = Array("not a png".utf8)
        let report = try atlasScene(&scene)
        #expect(report.notes.contains { $0.hasPrefix("material 0:") })
        #expect(report.pages.first?.materials == 2)
        #expect(report.drawCallsAfter == 2)
    }

    @Test func sceneCommandWritesAnAtlasedFile() throws {
        let dir = try temporaryFolder("scene")
        let scene = try AtlasTestScene.make(Self.specs)
        try GLTFWriter().write(scene, to: dir + "/in.gltf")
        let run = try ToolRun.run(["scene", dir + "/in.gltf", dir + "/out.glb", "--max-triangle-growth", "1000"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("draw calls: 8 -> 1"))
        #expect(run.stdout.contains("texture memory:"))
        let out = try GLTFReader().read(path: dir + "/out.glb").scene
        #expect(out.images.count == 2 && out.statistics.drawCalls == 1)
        let missing = try ToolRun.run(["scene", dir + "/none.gltf", dir + "/out2.glb"])
        #expect(missing.status == 3 && missing.stderr.hasPrefix("oyster-atlas: error: \(dir)/none.gltf: "))
        // A GLB header promising more than the file holds.
        try Data([0x67, 0x6C, 0x54, 0x46, 2, 0, 0, 0, 0xFF, 0xFF, 0, 0, 12, 0, 0, 0]).write(to: URL(fileURLWithPath: dir + "/cut.glb"))
        let cut = try ToolRun.run(["scene", dir + "/cut.glb", dir + "/out3.glb"])
        #expect(cut.status == 3 && cut.stderr.hasPrefix("oyster-atlas: error: \(dir)/cut.glb: "))
        #expect(cut.stderr.split(separator: "\n").count == 1)
        let usage = try ToolRun.run(["scene", dir + "/in.gltf", dir + "/out.obj"])
        #expect(usage.status == 2)
    }
}

@Suite struct SceneAtlasSharingTests {
    @Test func slotsSharingAnImageShareThePage() throws {
        var scene = try AtlasTestScene.make(Array(SceneAtlasTests.specs.prefix(3)))
        // ORM packing: occlusion reads the metallic-roughness image.
        for m in scene.materials.indices {
            let normal = try #require(scene.materials[m].normalTexture)
            scene.materials[m].metallicRoughnessTexture = TextureRef(texture: normal.texture)
            scene.materials[m].occlusionTexture = TextureRef(texture: normal.texture, scale: 0.5)
        }
        let report = try atlasScene(&scene)
        let m = try #require(scene.materials.first { $0.name == "atlas-0" })
        #expect(m.occlusionTexture?.texture == m.metallicRoughnessTexture?.texture)
        #expect(m.occlusionTexture?.texture == m.normalTexture?.texture)
        #expect(m.occlusionTexture?.scale == 0.5)
        #expect(report.imagesAfter == 2)
    }

    @Test func groupsTooBigForOnePageSpreadOverPages() throws {
        let specs = (0..<6).map { _ in AtlasTestScene.Spec(size: (24, 24)) }
        var scene = try AtlasTestScene.make(specs)
        let before = scene
        let report = try atlasScene(&scene, options: SceneAtlasOptions(maxSize: 64, mergePrimitives: false))
        #expect(report.pages.count >= 2)
        #expect(report.pages.reduce(0) { $0 + $1.materials } == 6)
        #expect(report.pages.allSatisfy { $0.width <= 64 && $0.height <= 64 })
        let check = SceneAtlasTests().colorsMatch(before, scene, slot: .baseColor, skip: [])
        #expect(check.checked > 100 && check.mismatches.isEmpty)
    }
}

@Suite struct SceneAtlasDeterminismTests {
    @Test func sameSceneSameResult() throws {
        let scene = try AtlasTestScene.make(SceneAtlasTests.specs, seed: 9)
        var a = scene, b = scene
        let ra = try atlasScene(&a, options: SceneAtlasOptions(maxTriangleGrowth: 1000))
        let rb = try atlasScene(&b, options: SceneAtlasOptions(maxTriangleGrowth: 1000))
        #expect(a == b && ra == rb)
    }

    @Test func sceneWithoutTexturesIsLeftAlone() throws {
        var scene = try AtlasTestScene.make(Array(SceneAtlasTests.specs.prefix(2)))
        for m in scene.materials.indices { scene.materials[m].baseColorTexture = nil; scene.materials[m].normalTexture = nil }
        let before = scene
        let report = try atlasScene(&scene)
        #expect(scene == before && report.pages.isEmpty)
    }
}

@Suite struct SceneAtlasTransformTests {
    @Test func rotatedTransformAndTexCoordOverrideAreBakedIntoTheUVs() throws {
        var before = try AtlasTestScene.make([.init(size: (16, 16)), .init(size: (16, 16))], seed: 4)
        // Material 0 reads TEXCOORD_1 through a rotating, scaling, offsetting transform.
        let t = TextureTransform(offset: Vec2(0.6, 0.1), rotation: 0.5, scale: Vec2(0.4, 0.45), texCoord: 1)
        before.materials[0].baseColorTexture?.transform = t
        before.materials[0].normalTexture?.transform = t
        let uv0 = try #require(before.meshes[0].primitives[0].attributes["TEXCOORD_0"])
        before.meshes[0].primitives[0].attributes["TEXCOORD_1"] = DataArray(vec2: (0..<4).map { uv0.vec2($0) * 0.9 + Vec2(0.05, 0.05) })
        // Material 1 reads TEXCOORD_1 plainly, so both share a UV set (and so a layout).
        before.meshes[0].primitives[1].attributes["TEXCOORD_1"] = before.meshes[0].primitives[1].attributes["TEXCOORD_0"]
        before.materials[1].baseColorTexture?.texCoord = 1
        before.materials[1].normalTexture?.texCoord = 1
        var after = before
        let report = try atlasScene(&after, options: SceneAtlasOptions(mergePrimitives: false))
        #expect(report.pages.first?.materials == 2)
        let p = after.meshes[0].primitives[0]
        let m = try #require(p.material.map { after.materials[$0] })
        #expect(m.baseColorTexture?.transform == nil && m.baseColorTexture?.texCoord == 1)
        var rng = TestRandom(seed: 8)
        var cacheA: [Int: AtlasBitmap] = [:], cacheB: [Int: AtlasBitmap] = [:]
        var checked = 0
        let oldUV = try #require(before.meshes[0].primitives[0].attributes["TEXCOORD_1"])
        let newUV = try #require(p.attributes["TEXCOORD_1"])
        for _ in 0..<300 {
            // Points inside triangle (0, 1, 2).
            var a = Float(rng.int(1...98)) / 100, b = Float(rng.int(1...98)) / 100
            if a + b > 0.99 { (a, b) = (1 - a, 1 - b) }
            let c = 1 - a - b
            let o = oldUV.vec2(0) * a + oldUV.vec2(1) * b + oldUV.vec2(2) * c
            let n = newUV.vec2(0) * a + newUV.vec2(1) * b + newUV.vec2(2) * c
            guard let x = sampleSlot(before, material: 0, slot: .baseColor, uv: o, cache: &cacheA),
                  let y = sampleSlot(after, material: try #require(p.material), slot: .baseColor, uv: n, cache: &cacheB) else { continue }
            checked += 1
            #expect(x == y)
        }
        #expect(checked > 100)
    }
}
