import Foundation
import OysterCore
import OysterTestSupport
import Testing
@testable import OysterValidate

/// The Khronos conformance comparison in Swift: every case's (code, severity, pointer) multiset
/// must equal the expected report's. Skips when the shared assets are not present.
@Suite("Khronos conformance")
struct ConformanceTests {
    @Test("every scored Khronos case matches its expected report")
    func khronosCases() throws {
        guard let shared = RepoPaths.shared else { return }
        let dir = shared + "/conformance/khronos-validator"
        guard let list = try? String(contentsOfFile: dir + "/CASES.txt", encoding: .utf8) else { return }
        var exact = 0, total = 0
        var mismatches: [String] = []
        for line in list.split(separator: "\n") where !line.isEmpty {
            total += 1
            let path = dir + "/" + line
            let data = try Data(contentsOf: URL(fileURLWithPath: path + ".report.json"))
            let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let messages = ((expected["issues"] as? [String: Any])?["messages"] as? [[String: Any]]) ?? []
            let want = messages.map { "\($0["code"] ?? "") \($0["severity"] ?? "") \($0["pointer"].map { "\($0)" } ?? "-")" }.sorted()
            let report = try Validator.validate(path: path)
            let got = report.issues.map { "\($0.code) \($0.severity.rawValue) \($0.pointer ?? "-")" }.sorted()
            if want == got { exact += 1 } else { mismatches.append(String(line)) }
        }
        // The bar matches scripts/test-conformance.sh.
        #expect(exact >= 215, "exact \(exact)/\(total); mismatches: \(mismatches.prefix(10))")
    }
}
