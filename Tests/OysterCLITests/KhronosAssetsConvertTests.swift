import Foundation
import Testing
import OysterTestSupport

/// Every Khronos validator test asset goes through `oyster-convert` to GLB: error-free assets
/// convert (exit 0); the others either convert or fail with exit 3 and one clean line —
/// never a crash, a hang or another status.
@Suite struct KhronosAssetsConvertTests {
    static let assets: [String] = {
        guard let shared = RepoPaths.shared else { return [] }
        let root = shared + "/conformance/khronos-validator"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".gltf") || $0.hasSuffix(".glb") }
            .sorted()
            .map { root + "/" + $0 }
    }()

    @Test func sharedAssetsArePresent() {
        #expect(Self.assets.count > 200, "the shared conformance folder was not found (OYSTER_SHARED)")
    }

    @Test func everyAssetConvertsOrFailsCleanly() throws {
        let dir = TemporaryDirectory()
        let tool = RepoPaths.tool("oyster-convert")
        var failures: [String] = []
        for (i, asset) in Self.assets.enumerated() {
            let run = try ToolRun.run(tool, ["-q", asset, dir.file("out\(i).glb")], timeout: 30)
            let report = (try? Data(contentsOf: URL(fileURLWithPath: asset + ".report.json")))
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            let errors = ((report?["issues"] as? [String: Any])?["numErrors"] as? Int) ?? 0
            let name = asset.split(separator: "/").suffix(2).joined(separator: "/")
            switch run.status {
            case 0:
                continue
            case 3 where errors > 0:
                let lines = run.stderr.split(separator: "\n")
                if lines.count != 1 || !lines[0].hasPrefix("oyster-convert: error: ") {
                    failures.append("\(name): error output is not one clean line: \(run.stderr)")
                }
            default:
                failures.append("\(name): exit \(run.status) (expected errors: \(errors)): \(run.stderr.prefix(300))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) assets: \(failures.joined(separator: "\n"))")
    }
}
