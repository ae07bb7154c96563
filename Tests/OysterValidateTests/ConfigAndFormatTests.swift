import Foundation
import OysterCore
import Testing
@testable import OysterValidate
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("configuration and report formats")
struct ConfigAndFormatTests {
    @Test("the YAML config shape sets ignores, overrides and the cap")
    func yamlConfig() throws {
        var o = ValidationOptions()
        try o.apply(configText: """
            # Khronos-style config
            max_issues: 7
            ignore:
              - UNUSED_OBJECT
              - "NODE_EMPTY"
            override:
              ACCESSOR_INDEX_TRIANGLE_DEGENERATE: 0
              NON_OBJECT_EXTRAS: warning
            """)
        #expect(o.maxIssues == 7)
        #expect(o.ignoredCodes == ["UNUSED_OBJECT", "NODE_EMPTY"])
        #expect(o.severityOverrides["ACCESSOR_INDEX_TRIANGLE_DEGENERATE"] == .error)
        #expect(o.severityOverrides["NON_OBJECT_EXTRAS"] == .warning)
    }

    @Test("the JSON config shape is read the same way")
    func jsonConfig() throws {
        var o = ValidationOptions()
        try o.apply(configText: #"{"max_issues": 3, "ignore": ["A"], "override": {"B": 2}}"#)
        #expect(o.maxIssues == 3)
        #expect(o.ignoredCodes == ["A"])
        #expect(o.severityOverrides["B"] == .information)
    }

    @Test("bad configs are rejected with a reason")
    func badConfig() {
        var o = ValidationOptions()
        #expect(throws: ConfigError.self) { try o.apply(configText: "override:\n  A: sometimes\n") }
        #expect(throws: ConfigError.self) { try o.apply(configText: "colour: blue\n") }
    }

    @Test("the JSON report has the Khronos shape")
    func jsonShape() throws {
        let r = validateJSON(#"{"asset": {"version": "2.0"}, "foo": "a\"b"}"#)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.jsonText().utf8)) as? [String: Any])
        #expect(obj["uri"] as? String == "test.gltf")
        #expect(obj["mimeType"] as? String == "model/gltf+json")
        let issues = try #require(obj["issues"] as? [String: Any])
        #expect(issues["numWarnings"] as? Int == 1)
        let messages = try #require(issues["messages"] as? [[String: Any]])
        #expect(messages.first?["pointer"] as? String == "/foo")
        #expect((obj["info"] as? [String: Any])?["version"] as? String == "2.0")
        let arr = try JSONSerialization.jsonObject(with: Data(jsonText(of: [r, r]).utf8)) as? [Any]
        #expect(arr?.count == 2)
    }

    @Test("JUnit output is well-formed XML with one testcase per file")
    func junitParses() throws {
        let bad = validateJSON(#"{"asset": {"version": "3.0"}, "x<&>": 1}"#)
        let good = validateJSON(#"{"asset": {"version": "2.0"}}"#)
        let xml = junitReport([bad, good], failOn: .error)
        final class Counter: NSObject, XMLParserDelegate {
            var testcases = 0, failures = 0
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if e == "testcase" { testcases += 1 }
                if e == "failure" { failures += 1 }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.testcases == 2)
        #expect(counter.failures == 1)
    }

    @Test("GitHub annotations escape data and properties")
    func githubEscaping() {
        var r = ValidationReport(uri: "dir/a,b:c.gltf", mimeType: "model/gltf+json")
        r.issues = [Diagnostic(code: "X", severity: .error, message: "50% done\nnext", location: .pointer("/a"))]
        let out = githubReport([r])
        #expect(out == "::error file=dir/a%2Cb%3Ac.gltf,title=X::/a: 50%25 done%0Anext\n")
    }

    @Test("text output is grouped by file and uncolored when asked")
    func textOutput() {
        let r = validateJSON(#"{"asset": {"version": "2.0"}, "foo": 1}"#)
        let t = textReport([r], color: false)
        #expect(t.hasPrefix("test.gltf: ok"))
        #expect(t.contains("warning UNEXPECTED_PROPERTY /foo"))
        #expect(!t.contains("\u{1B}["))
    }
}
