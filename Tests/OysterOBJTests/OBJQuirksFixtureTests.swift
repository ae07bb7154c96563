import Testing
@testable import OysterOBJ
import OysterCore
import OysterJSON
import OysterTestSupport
import OysterImage

/// Fixtures/obj/quirks: CRLF, several mtllib names on one line (one missing, one outside the
/// folder), names with spaces and non-ASCII, trailing comments, `1/1/` corners, relative
/// indices, a continuation, colours, l/p elements, usemtl of an undefined material, map
/// options, backslash and MTL-relative texture paths, a missing and a refused texture.
@Suite struct OBJQuirksFixtureTests {
    static let path = RepoPaths.fixture("obj/quirks/quirks.obj")

    func read() throws -> (scene: Scene, diagnostics: [Diagnostic]) {
        try OBJReader().read(path: Self.path)
    }

    func material(_ scene: Scene, _ name: String) throws -> Material {
        try #require(scene.materials.first { $0.name == name })
    }

    @Test func geometryCountsAreExact() throws {
        let (scene, _) = try read()
        #expect(scene.statistics.triangles == 6)
        #expect(scene.nodes.map(\.name) == ["Wall Ünïcode", "second group"])
        #expect(scene.meshes.map(\.primitives.count) == [1, 4])
        for p in scene.meshes.flatMap(\.primitives) { #expect(p.attributes["COLOR_0"] != nil) }
    }

    @Test func texturedPrimitivesGetTheAttributesGLTFRequires() throws {
        let (scene, diags) = try read()
        for p in scene.meshes.flatMap(\.primitives) {
            let m = try #require(p.material.map { scene.materials[$0] })
            if TextureSlot.allCases.contains(where: { m[$0] != nil }) { #expect(p.attributes["TEXCOORD_0"] != nil) }
            if m.normalTexture != nil { #expect(p.attributes["NORMAL"]?.count == p.vertexCount) }
        }
        #expect(diags.contains { $0.message.contains("smooth normals generated") })
    }

    @Test func materialsAndTexturesAreCounted() throws {
        let (scene, _) = try read()
        #expect(scene.materials.map(\.name) == ["Brick Red", "PBR Metal", "Glowing", "NotDefined", "Missing Texture"])
        #expect(scene.images.count == 4)
        #expect(scene.images.allSatisfy { $0.mimeType == "image/png" && $0.data?.isEmpty == false })
        #expect(Set(scene.images.compactMap(\.uri)) == ["materials/tex/brick red.png", "materials/tex/normal.png", "extra/glow.png"])
        // map_Pr alone is decoded and packed into a glTF metallicRoughness image.
        #expect(scene.images.contains { $0.name == "rough_metallicRoughness" && $0.uri == nil })
        #expect(scene.textures.count == 4)
    }

    @Test func problemsAreWarningsNotFailures() throws {
        let (_, diags) = try read()
        func has(_ code: String, _ text: String) -> Bool { diags.contains { $0.code == code && $0.message.contains(text) } }
        #expect(has(DiagnosticCode.objMaterialLibraryMissing.id, "missing.mtl"))
        #expect(has(DiagnosticCode.objPathRefused.id, "../outside.mtl"))
        #expect(has(DiagnosticCode.objPathRefused.id, "/etc/passwd"))
        #expect(has(DiagnosticCode.objPathRefused.id, "C:\\textures\\bump.png"))
        #expect(has(DiagnosticCode.objTextureMissing.id, "does-not-exist.png"))
        #expect(has(DiagnosticCode.objMaterialUndefined.id, "NotDefined"))
        #expect(has(DiagnosticCode.mtlDuplicateMaterial.id, "Brick Red"))
        #expect(has(DiagnosticCode.objUnsupportedStatement.id, "line elements"))
        #expect(has(DiagnosticCode.objUnsupportedStatement.id, "point elements"))
        #expect(has(DiagnosticCode.mtlUnsupported.id, "displacement"))
    }

    @Test func classicMaterialMapsToPBRWithTextureTransform() throws {
        let (scene, _) = try read()
        let brick = try material(scene, "Brick Red")
        let base = try #require(brick.baseColorTexture)
        #expect(brick.baseColorFactor == Vec4(1, 1, 1, 0.5))
        #expect(brick.alphaMode == .blend)
        #expect(abs(brick.roughnessFactor - (2.0 / 100.0 as Float).squareRoot()) < 1e-6)
        #expect(brick.metallicFactor == 0)
        #expect(base.transform == TextureTransform(offset: Vec2(0.25, -2.5), scale: Vec2(2, 3)))
        let sampler = try #require(scene.textures[base.texture].sampler)
        #expect(scene.samplers[sampler].wrapS == Sampler.clampToEdge)
        #expect(scene.images[try #require(scene.textures[base.texture].source)].uri == "materials/tex/brick red.png")
        #expect(brick.normalTexture?.scale == 0.7)
    }

    @Test func pbrExtensionStatementsMap() throws {
        let (scene, _) = try read()
        let metal = try material(scene, "PBR Metal")
        #expect(metal.baseColorFactor == Vec4(0.2, 0.3, 0.4, 1))
        #expect(metal.roughnessFactor == 0.25 && metal.metallicFactor == 0.9)
        #expect(metal.metallicRoughnessTexture != nil && metal.normalTexture != nil)
        #expect(metal.extensions["KHR_materials_clearcoat"]?.objectValue?["clearcoatFactor"] == .double(0.5))
        #expect(metal.extensions["KHR_materials_anisotropy"] != nil)
        #expect(metal.extensions["KHR_materials_sheen"] != nil)
        let glow = try material(scene, "Glowing")
        #expect(glow.emissiveFactor == Vec3(1, 0.5, 0) && glow.emissiveStrength == 2)
        #expect(glow.emissiveTexture != nil)
        #expect(glow.baseColorFactor.w == 0.75 && glow.alphaMode == .blend)
        let missing = try material(scene, "Missing Texture")
        #expect(missing.baseColorTexture == nil && missing.baseColorFactor == Vec4(0.1, 0.6, 0.1, 1))
    }

    @Test func texturesAreSkippedWhenAsked() throws {
        var options = OBJReader.Options()
        options.loadTextures = false
        let (scene, _) = try OBJReader(options: options).read(path: Self.path)
        #expect(scene.images.isEmpty && scene.materials.count == 5)
    }
}

@Suite struct OBJParallelParseTests {
    /// A file exercising everything that crosses slice boundaries: relative indices, state
    /// statements, polygons, continuations, colours appearing late, forward references.
    static func messyOBJ() -> String {
        var text = "mtllib none.mtl\n"
        var v = 0
        for g in 0..<40 {
            text += g % 3 == 0 ? "o obj\(g / 3)\n" : "g grp\(g % 5)\n"
            text += "usemtl m\(g % 4)\n"
            for i in 0..<12 {
                let x = Float(g), y = Float(i)
                text += i % 5 == 4 ? "v \(x) \(y) \(x * y) 0.5 0.25 1\n" : "v \(x) \(y) \(x - y)\n"
                text += "vt \(y / 12) \(x / 40)\nvn 0 0 1\n"
                v += 1
            }
            text += "f -12/-12/-12 -11/-11/-11 -10/-10/-10 -9/-9/-9\n"
            text += "f \(v - 8)/\(v - 8) \(v - 7)/\(v - 7) \\\n \(v - 6)/\(v - 6) # tri\n"
            text += "f \(v - 5) \(v - 4) \(v - 3) \(v - 2) \(v - 1)\n"
            text += "s \(g % 2)\nl 1 2\n"
        }
        text += "f 1 2 \(v + 1)\nv 7 7 7\n"
        return text
    }

    @Test func parallelSlicesGiveExactlyTheSingleThreadedScene() throws {
        let text = Self.messyOBJ()
        let single = try readOBJ(text, threads: 1, sliceSize: 1 << 30)
        for slice in [1, 17, 64, 333, 4096] {
            let parallel = try readOBJ(text, threads: 2, sliceSize: slice)
            #expect(parallel.scene == single.scene, "slice \(slice)")
            #expect(parallel.diagnostics == single.diagnostics, "slice \(slice)")
        }
        #expect(single.scene.statistics.triangles == 40 * 6 + 1)
    }
}

/// Fixtures/obj/paths: texture paths as real exporters write them — wrong case, an absolute
/// path from the author's machine, a path relative to the OBJ instead of the MTL.
@Suite struct OBJTexturePathTests {
    @Test func texturesAreFoundInsideTheModelFolderOnly() throws {
        let (scene, diags) = try OBJReader().read(path: RepoPaths.fixture("obj/paths/paths.obj"))
        let m = try #require(scene.materials.first)
        func uri(_ ref: TextureRef?) -> String? { ref.flatMap { scene.textures[$0.texture].source }.flatMap { scene.images[$0].uri } }
        #expect(uri(m.baseColorTexture) == "sub/tex/brick.png")
        #expect(uri(m.emissiveTexture) == "sub/glow.png")
        #expect(uri(m.normalTexture) == "textures/n.png")
        #expect(diags.contains { $0.code == DiagnosticCode.objPathRefused.id && $0.message.contains("C:\\Users") })
        #expect(scene.images.count == 5)
    }

    @Test func separateAlphaAndMetallicMapsArePackedIntoGLTFImages() throws {
        let (scene, _) = try OBJReader().read(path: RepoPaths.fixture("obj/paths/paths.obj"))
        let m = try #require(scene.materials.first { $0.name == "Packed" })
        func pixels(_ ref: TextureRef?) throws -> PixelImage {
            let source = try #require(ref.flatMap { scene.textures[$0.texture].source })
            return try ImageCodec.decode(try #require(scene.images[source].data))
        }
        let base = try pixels(m.baseColorTexture)
        #expect(base.width == 1 && base.channels == 4)
        // brick.png's colour; alpha.png (2×1 greys 128, 64) resampled to the base's 1×1.
        #expect(Array(base.samples8) == [0, 128, 0, 96])
        #expect(m.alphaMode == .blend)
        let mr = try pixels(m.metallicRoughnessTexture)
        #expect(mr.samples8[1] == 255)  // no roughness map: G = 1, the factor rules
        #expect(abs(Int(mr.samples8[2]) - 137) <= 2)  // luminance of (128, 128, 255)
        #expect(m.metallicFactor == 1)
    }
}
