import Foundation
import OysterCLI
import OysterCore
import OysterGLTF
import OysterRender
import Testing
import OysterTestSupport

/// Runs the built `oyster-export` per target on a small scene and checks the package: engine
/// names, colliders, LOD nodes, manifest hashes and exit codes.
@Suite struct ExportCommandTests {
    let tool = RepoPaths.tool("oyster-export")

    /// Exports the test scene for `target`; returns the package folder.
    func export(_ target: String, _ extra: [String] = [], in dir: TemporaryDirectory) throws -> String {
        let input = dir.file("world.glb")
        if !FileManager.default.fileExists(atPath: input) { try GLTFWriter().write(ExportTestScene.make(), to: input) }
        let out = dir.file("pkg-\(target)")
        let run = try ToolRun.run(tool, [input, "--target", target, "-o", out, "-q"] + extra, timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    /// The JSON chunk of a GLB.
    func glbJSON(_ path: String) throws -> [String: Any] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try #require(bytes.count > 20)
        let length = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        try #require(20 + length <= bytes.count)
        let json = try JSONSerialization.jsonObject(with: Data(bytes[20..<(20 + length)]))
        return try #require(json as? [String: Any])
    }

    func nodes(_ json: [String: Any]) -> [[String: Any]] { json["nodes"] as? [[String: Any]] ?? [] }
    func names(_ json: [String: Any]) -> [String] { nodes(json).compactMap { $0["name"] as? String } }

    // MARK: - Light units

    @Test func lightsAreConvertedForEachEnginesImporter() throws {
        let dir = TemporaryDirectory()
        // Sun lux and torch candela: photometric kept, unitless ÷ 683, and Godot 3's torch
        // at 100 × range / 20 per unitless candela (so its attenuation is 1).
        let expected: [(String, Double, Double, String)] = [
            ("godot", 5, 1000, "unitless"), ("web", 5, 20, "unitless"),
            ("blender", 3415, 13660, "photometric"), ("unreal", 3415, 13660, "photometric"),
        ]
        for (target, sun, torch, units) in expected {
            let json = try glbJSON(try export(target, ["--no-obj"], in: dir) + "/world.glb")
            let lights = (json["extensions"] as? [String: Any])?["KHR_lights_punctual"] as? [String: Any]
            let list = try #require(lights?["lights"] as? [[String: Any]], "\(target): no lights")
            let byName = Dictionary(uniqueKeysWithValues: list.compactMap { l in (l["name"] as? String).map { ($0, l["intensity"] as? Double ?? -1) } })
            for (name, want) in [("Sun", sun), ("Torch", torch)] {
                let got = try #require(byName[name], "\(target): no \(name)")
                #expect(abs(got - want) < want * 1e-4, "\(target) \(name): \(got)")
            }
            let extras = (json["asset"] as? [String: Any])?["extras"] as? [String: Any]
            #expect(extras?["lightUnits"] as? String == units, "\(target)")
        }
    }

    // MARK: - Package layout and manifest

    @Test func everyTargetWritesGLBOBJAtlasPageAndAManifestWhoseHashesMatch() throws {
        let dir = TemporaryDirectory()
        for target in ["godot", "unity", "unreal", "blender", "web", "generic"] {
            let out = try export(target, in: dir)
            for file in ["world.glb", "obj/world.obj", "obj/world.mtl", "textures/atlas-0.png", "manifest.json"] {
                #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(target): \(file) missing")
            }
            let manifest = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as? [String: Any])
            #expect(manifest["target"] as? String == target)
            let files = try #require(manifest["files"] as? [[String: Any]])
            #expect(files.count >= 5)
            for f in files {
                let path = try #require(f["path"] as? String)
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + path)))
                #expect(f["size"] as? Int == bytes.count, "\(target): \(path) size")
                #expect(f["sha256"] as? String == SHA256.hex(bytes), "\(target): \(path) hash")
            }
            let stats = try #require(manifest["statistics"] as? [String: [String: Int]])
            let before = try #require(stats["before"]), after = try #require(stats["after"])
            #expect((after["images"] ?? .max) <= (before["images"] ?? 0), "\(target): more images than the master")
            #expect((after["renderedDrawCalls"] ?? .max) <= (before["drawCalls"] ?? 0), "\(target): more draw calls than the master")
            #expect(FileManager.default.fileExists(atPath: out + ".oyster-export-partial") == false)
        }
    }

    @Test func exportingTwiceWritesIdenticalPackages() throws {
        let dir = TemporaryDirectory()
        let a = try export("godot", in: dir)
        let first = try Data(contentsOf: URL(fileURLWithPath: a + "/manifest.json"))
        let glb = try Data(contentsOf: URL(fileURLWithPath: a + "/world.glb"))
        _ = try export("godot", in: dir)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a + "/manifest.json")) == first)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a + "/world.glb")) == glb)
    }

    // MARK: - Target conventions

    @Test func godotNamesCollidersWithImportHintsAndLoopsAnimations() throws {
        let dir = TemporaryDirectory()
        let json = try glbJSON(try export("godot", in: dir) + "/world.glb")
        let all = names(json)
        #expect(all.contains("Rock-convcolonly"))
        #expect(all.contains("Terrain-colonly"))
        #expect(!all.contains { $0.hasPrefix("Lake-") }, "water must not collide")
        #expect((json["extensionsUsed"] as? [String] ?? []).contains("OMI_physics_body"))
        let shapes = (json["extensions"] as? [String: Any])?["OMI_physics_shape"] as? [String: Any]
        #expect((shapes?["shapes"] as? [Any])?.isEmpty == false)
        let animations = (json["animations"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(animations == ["Bob-loop"])
    }

    @Test func unrealPutsUCXConvexMeshesBesideTheRenderNode() throws {
        let dir = TemporaryDirectory()
        let json = try glbJSON(try export("unreal", in: dir) + "/world.glb")
        let list = nodes(json)
        let all = names(json)
        #expect(all.contains("UCX_Rock_00") && all.contains("UCX_Rock_2_00") && all.contains("UCX_Rock_3_00"))
        #expect(!all.contains { $0.hasPrefix("UCX_Terrain") || $0.hasPrefix("UCX_Lake") })
        // Sibling: UCX_Rock_00 is a scene root like Rock, with Rock's transform, and has a mesh.
        let scenes = json["scenes"] as? [[String: Any]] ?? []
        let rootIndices = Set(scenes.flatMap { $0["nodes"] as? [Int] ?? [] })
        let ucx = try #require(all.firstIndex(of: "UCX_Rock_00")), rock = try #require(all.firstIndex(of: "Rock"))
        #expect(rootIndices.contains(ucx) && rootIndices.contains(rock))
        #expect(list[ucx]["mesh"] != nil)
        #expect((list[ucx]["translation"] as? [Double]) == (list[rock]["translation"] as? [Double]))
        #expect(all.contains("Rock_LOD1"), "unreal gets a LOD chain by default")
    }

    @Test func unityGroupsLODLevelsUnderTheNodeAndAddsColliderNodes() throws {
        let dir = TemporaryDirectory()
        let json = try glbJSON(try export("unity", in: dir) + "/world.glb")
        let list = nodes(json)
        let all = names(json)
        let rock = try #require(all.firstIndex(of: "Rock"))
        let children = (list[rock]["children"] as? [Int] ?? []).compactMap { list[$0]["name"] as? String }
        #expect(children.contains("Rock_LOD0") && children.contains("Rock_LOD1") && children.contains("Rock_LOD2"))
        #expect(list[rock]["mesh"] == nil)
        // LOD1 has fewer triangles than LOD0: its index count is smaller.
        let meshes = json["meshes"] as? [[String: Any]] ?? []
        let accessors = json["accessors"] as? [[String: Any]] ?? []
        func indexCount(_ node: String) -> Int {
            guard let n = all.firstIndex(of: node), let m = list[n]["mesh"] as? Int,
                  let prims = meshes[m]["primitives"] as? [[String: Any]] else { return 0 }
            return prims.reduce(0) { $0 + ((($1["indices"] as? Int).map { accessors[$0]["count"] as? Int ?? 0 }) ?? 0) }
        }
        #expect(indexCount("Rock_LOD1") < indexCount("Rock_LOD0"))
        #expect(indexCount("Rock_LOD2") < indexCount("Rock_LOD1"))
        let collider = try #require(all.firstIndex(of: "Rock_Collider"))
        #expect(list[collider]["mesh"] == nil, "collider hulls are shapes, not drawn meshes")
        #expect((list[collider]["extensions"] as? [String: Any])?["OMI_physics_body"] != nil)
    }

    @Test func webIsQuantizedWithPowerOfTwoTextures() throws {
        let dir = TemporaryDirectory()
        let out = try export("web", ["--max-texture", "16"], in: dir)
        let json = try glbJSON(out + "/world.glb")
        #expect((json["extensionsRequired"] as? [String] ?? []).contains("KHR_mesh_quantization"))
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as? [String: Any])
        for f in (manifest["files"] as? [[String: Any]] ?? []) {
            guard let path = f["path"] as? String, path.hasPrefix("textures/"), path.hasSuffix(".png") else { continue }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + path)))
            let w = Int(bytes[16]) << 24 | Int(bytes[17]) << 16 | Int(bytes[18]) << 8 | Int(bytes[19])
            let h = Int(bytes[20]) << 24 | Int(bytes[21]) << 16 | Int(bytes[22]) << 8 | Int(bytes[23])
            #expect(w <= 16 && h <= 16 && w & (w - 1) == 0 && h & (h - 1) == 0, "\(path) is \(w)x\(h)")
        }
    }

    @Test(.enabled(if: (try? Renderer()) != nil, "needs headless OpenGL"))
    func everyPackageHasAPreviewOfItsSceneListedInTheManifest() throws {
        let dir = TemporaryDirectory()
        for target in ["godot", "web"] {
            let out = try export(target, ["--no-obj"], in: dir)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/preview.png")))
            let w = Int(bytes[16]) << 24 | Int(bytes[17]) << 16 | Int(bytes[18]) << 8 | Int(bytes[19])
            let h = Int(bytes[20]) << 24 | Int(bytes[21]) << 16 | Int(bytes[22]) << 8 | Int(bytes[23])
            #expect(w == 640 && h == 360, "\(target)")
            let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
            #expect(manifest.contains("\"preview.png\""), "\(target)")
        }
        let none = try export("blender", ["--no-obj", "--no-preview"], in: dir)
        #expect(!FileManager.default.fileExists(atPath: none + "/preview.png"))
    }

    @Test func genericHasNoEngineNamesAndNoAtlasWhenAsked() throws {
        let dir = TemporaryDirectory()
        let out = try export("generic", ["--no-atlas", "--no-obj"], in: dir)
        let all = names(try glbJSON(out + "/world.glb"))
        #expect(!all.contains { $0.hasPrefix("UCX_") || $0.contains("_LOD") || $0.contains("-col") || $0.hasSuffix("_Collider") })
        #expect(!FileManager.default.fileExists(atPath: out + "/obj"))
        #expect(!FileManager.default.fileExists(atPath: out + "/textures/atlas-0.png"))
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("atlas: disabled"))
    }

    // MARK: - Bad input

    @Test func missingInputExitsThree() throws {
        let dir = TemporaryDirectory()
        let run = try ToolRun.run(tool, ["/nonexistent/x.glb", "--target", "godot", "-o", dir.file("out")])
        #expect(run.status == 3)
        #expect(run.stderr.contains("oyster-export: error:"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("out")))
    }

    @Test func malformedInputExitsThreeWithoutWriting() throws {
        let dir = TemporaryDirectory()
        try Data("glTF not really".utf8).write(to: URL(fileURLWithPath: dir.file("bad.glb")))
        let run = try ToolRun.run(tool, [dir.file("bad.glb"), "--target", "web", "-o", dir.file("out")])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("out")))
    }

    @Test func unknownTargetAndBadOptionsAreUsageErrors() throws {
        let dir = TemporaryDirectory()
        try GLTFWriter().write(ExportTestScene.make(), to: dir.file("w.glb"))
        #expect(try ToolRun.run(tool, [dir.file("w.glb"), "--target", "maya", "-o", dir.file("o")]).status == 2)
        #expect(try ToolRun.run(tool, [dir.file("w.glb"), "--lods", "0", "-o", dir.file("o")]).status == 2)
        #expect(try ToolRun.run(tool, [dir.file("w.glb"), "--max-texture", "3", "-o", dir.file("o")]).status == 2)
        #expect(try ToolRun.run(tool, [dir.file("w.glb")]).status == 2)
        #expect(try ToolRun.run(tool, [dir.file("w.png"), "-o", dir.file("o")]).status == 2)
    }

    @Test func unwritableOutputExitsFour() throws {
        let dir = TemporaryDirectory()
        try GLTFWriter().write(ExportTestScene.make(), to: dir.file("w.glb"))
        try Data().write(to: URL(fileURLWithPath: dir.file("file")))
        let run = try ToolRun.run(tool, [dir.file("w.glb"), "-o", dir.file("file/sub")])
        #expect(run.status == 4, "\(run.stderr)")
    }
}

/// SHA-256 against FIPS 180-2 appendix B test vectors.
@Suite struct ExportSHA256Tests {
    @Test func matchesPublishedVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
