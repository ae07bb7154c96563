import Foundation

/// Paths tests need: the repository, its fixtures, the built tools and the shared reference
/// material (`OYSTER_SHARED`, else the `shared/` folder beside the repository, as in CI).
public enum RepoPaths {
    /// The repository root, found from this file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func fixture(_ relative: String) -> String { root + "/Fixtures/" + relative }

    /// The shared reference folder, or nil when it is not there.
    public static let shared: String? = {
        let candidates = [ProcessInfo.processInfo.environment["OYSTER_SHARED"], root + "/../shared"].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/DESIGN.md") || FileManager.default.fileExists(atPath: $0 + "/conformance") }
            .map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }()

    /// The built executable `name` from the debug build that `swift test` made.
    public static func tool(_ name: String) -> String {
        for dir in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/arm64-apple-macosx/debug"] {
            let path = root + "/" + dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return root + "/.build/debug/" + name
    }
}
