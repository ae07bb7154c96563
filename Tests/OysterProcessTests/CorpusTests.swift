import Foundation
import OysterCore
import OysterGLTF
import OysterTestSupport
import Testing
@testable import OysterProcess

/// gltfpack-style corpus run: every readable glTF/GLB of the shared Khronos validator suite goes
/// through every pass; nothing may trap, geometry must survive the lossless passes, and the
/// processed scene must write and read back.
@Suite struct CorpusTests {
    static func assets() -> [String] {
        guard let shared = RepoPaths.shared else { return [] }
        let root = shared + "/conformance/khronos-validator"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        for case let path as String in walker where path.hasSuffix(".gltf") || path.hasSuffix(".glb") { out.append(root + "/" + path) }
        return out.sorted()
    }

    /// Triangles with three distinct corner positions, counting node uses (what can be seen).
    static func visibleTriangles(_ s: Scene) -> Int {
        var count = 0
        for n in s.nodes {
            guard let m = n.mesh, s.meshes.indices.contains(m) else { continue }
            for p in s.meshes[m].primitives {
                guard let pos = p.attributes["POSITION"] else { continue }
                let idx = p.triangleIndices()
                for t in stride(from: 0, to: idx.count, by: 3) where idx[t..<t + 3].allSatisfy({ Int($0) < pos.count }) {
                    let a = pos.vec3(Int(idx[t])), b = pos.vec3(Int(idx[t + 1])), c = pos.vec3(Int(idx[t + 2]))
                    if a != b && b != c && a != c { count += 1 }
                }
            }
        }
        return count
    }

    @Test func everyPassOnEveryReadableAsset() throws {
        let files = Self.assets()
        try #require(!files.isEmpty || RepoPaths.shared == nil, "shared corpus found but empty")
        var processed = 0
        for file in files {
            guard let scene = try? GLTFReader().read(path: file).scene else { continue }
            processed += 1
            // Lossless passes keep what is drawn.
            var lossless = scene
            _ = try Pipeline([.dedupe(), .flatten(), .weld(), .mergeByMaterial(), .compact()]).run(&lossless)
            #expect(Self.visibleTriangles(lossless) == Self.visibleTriangles(scene), "\(file)")
            // Everything else must not trap and must still write.
            var all = scene
            _ = try Pipeline([.convertAxes(AxisConversionOptions(to: .z, unitScale: 100)), .instance(), .flatten(), .weld(),
                              .generateNormals(), .generateTangents(), .simplify(SimplifyOptions(targetRatio: 0.5, maxError: 0.05)),
                              .mergeByMaterial(), .compact(CompactionOptions(removeEmptyNodes: true)), .resizeTextures(TextureResizeOptions(maxSize: 64)),
                              .quantize()]).run(&all)
            _ = all.addLODChains(LODOptions(minTriangles: 1))
            _ = all.addColliders(ColliderOptions(shape: .convexHull))
            let glb = GLTFWriter().encodeGLB(all)
            do { _ = try GLTFReader().read(bytes: glb) } catch { Issue.record("\(file): processed output does not read back: \(error)") }
        }
        print("corpus: \(processed) of \(files.count) assets read and processed")
        if RepoPaths.shared != nil { #expect(processed > 20) }
    }
}
