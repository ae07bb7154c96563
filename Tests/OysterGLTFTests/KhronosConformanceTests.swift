import Foundation
import Testing
import OysterCore
import OysterJSON
import OysterTestSupport
@testable import OysterGLTF

/// Runs every Khronos glTF-Validator test asset through read and, when it reads,
/// write → read: never a crash, hang or non-glTF error; assets the validator finds
/// error-free must read.
@Suite struct KhronosConformanceTests {
    static var assets: [String] {
        guard let shared = RepoPaths.shared else { return [] }
        let base = shared + "/conformance/khronos-validator"
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel.hasSuffix(".gltf") || rel.hasSuffix(".glb") { out.append(base + "/" + rel) }
        }
        return out.sorted()
    }

    static func expectedErrorCount(_ asset: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: asset + ".report.json"),
              let report = try? JSONParser.parse(Array(data)) else { return nil }
        return report["issues"]?["numErrors"]?.intValue
    }

    @Test func conformanceAssetsAreFound() throws {
        try #require(RepoPaths.shared != nil, "set OYSTER_SHARED to the shared folder")
        #expect(Self.assets.count > 200)
    }

    @Test func everyAssetReadsOrFailsCleanlyAndRoundTrips() throws {
        var readCount = 0, validCount = 0
        for asset in Self.assets {
            let expectedErrors = Self.expectedErrorCount(asset)
            let name = asset.split(separator: "/").suffix(3).joined(separator: "/")
            let result: GLTFReadResult
            do {
                result = try GLTFReader().read(path: asset)
            } catch let error as GLTFError {
                #expect(expectedErrors != 0, "\(name) has no validator errors but failed: \(error)")
                #expect(!error.message.contains("\n"), "\(name): multi-line error")
                continue
            }
            readCount += 1
            if expectedErrors == 0 { validCount += 1 }
            // write → read through GLB and through separate files.
            let glb = GLTFWriter().encodeGLB(result.scene)
            #expect(OutputRules.problems(glb: glb) == [], "\(name): output breaks glTF rules")
            if let dump = ProcessInfo.processInfo.environment["OYSTER_GLTF_DUMP"] {
                FileManager.default.createFile(atPath: dump + "/" + asset.split(separator: "/").suffix(5).joined(separator: "/").replacingOccurrences(of: "/", with: "__") + ".glb", contents: Data(glb))
            }
            let fromGLB = try GLTFReader().read(bytes: glb).scene
            #expect(fromGLB.statistics == result.scene.statistics, "\(name): GLB round trip changed the counts")
            let files = GLTFWriter().encodeGLTF(result.scene, binName: "a.bin")
            let loader = MemoryResourceLoader(Dictionary(uniqueKeysWithValues: files.resources.map { ($0.name, $0.bytes) }))
            let fromGLTF = try GLTFReader().read(bytes: files.json, loader: loader).scene
            #expect(fromGLTF.meshes == fromGLB.meshes, "\(name): .gltf and .glb round trips differ")
            #expect(GLTFWriter().encodeGLB(fromGLB) == glb, "\(name): writing is not stable")
        }
        #expect(validCount == Self.assets.filter { Self.expectedErrorCount($0) == 0 }.count)
        #expect(readCount > 0)
    }
}
