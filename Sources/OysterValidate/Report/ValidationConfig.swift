import OysterCore
import OysterJSON

// MARK: - Configuration files (the Khronos glTF-Validator's config shape, JSON or YAML)
//
//   max_issues: 100
//   ignore: [UNUSED_OBJECT]          # or a "- CODE" list
//   override:
//     NODE_EMPTY: 0                   # 0..3 or error|warning|information|hint

/// A configuration file problem.
public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
}

extension ValidationOptions {
    /// Applies a configuration file's text (JSON when it starts with '{', else the YAML subset).
    public mutating func apply(configText text: String) throws(ConfigError) {
        let t = text.trimmingPrefix { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if t.hasPrefix("{") {
            let bytes = Array(text.utf8)
            let root: JSONValue
            do { root = try JSONParser.parse(bytes) } catch {
                throw ConfigError(description: "invalid JSON: \(error)")
            }
            guard case .object(let o) = root else { throw ConfigError(description: "config must be an object") }
            for m in o.members {
                switch (m.key, m.value) {
                case ("max_issues", .int(let n)): maxIssues = Int(clamping: n)
                case ("ignore", .array(let a)):
                    for e in a { guard case .string(let s) = e else { throw ConfigError(description: "ignore: codes must be strings") }; ignoredCodes.insert(s) }
                case ("override", .object(let ov)):
                    for x in ov.members { severityOverrides[x.key] = try severity(x.value.intValue.map(String.init) ?? x.value.stringValue ?? "") }
                default: throw ConfigError(description: "unknown or mistyped key '\(m.key)'")
                }
            }
            return
        }
        var section = ""
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(rawLine)
            if let h = line.firstIndex(of: "#") { line = String(line[..<h]) }
            let indented = line.first == " " || line.first == "\t"
            let s = line.trimmingCharacters()
            if s.isEmpty { continue }
            if !indented {
                guard let colon = s.firstIndex(of: ":") else { throw ConfigError(description: "line \(n + 1): expected 'key: value'") }
                let key = String(s[..<colon]).trimmingCharacters()
                let value = String(s[s.index(after: colon)...]).trimmingCharacters()
                section = key
                switch key {
                case "max_issues":
                    guard let v = Int(value) else { throw ConfigError(description: "line \(n + 1): max_issues must be an integer") }
                    maxIssues = v
                case "ignore":
                    if value.hasPrefix("[") {
                        for c in value.dropFirst().dropLast().split(separator: ",") { ignoredCodes.insert(unquote(String(c).trimmingCharacters())) }
                    } else if !value.isEmpty { throw ConfigError(description: "line \(n + 1): ignore must be a list") }
                case "override":
                    if !value.isEmpty && value != "{}" { throw ConfigError(description: "line \(n + 1): override must be a mapping") }
                default: throw ConfigError(description: "line \(n + 1): unknown key '\(key)'")
                }
            } else if section == "ignore", s.hasPrefix("-") {
                ignoredCodes.insert(unquote(String(s.dropFirst()).trimmingCharacters()))
            } else if section == "override", let colon = s.firstIndex(of: ":") {
                let code = unquote(String(s[..<colon]).trimmingCharacters())
                severityOverrides[code] = try severity(unquote(String(s[s.index(after: colon)...]).trimmingCharacters()))
            } else {
                throw ConfigError(description: "line \(n + 1): unexpected '\(s)'")
            }
        }
    }

    private func severity(_ s: String) throws(ConfigError) -> Severity {
        switch s.lowercased() {
        case "0", "error": return .error
        case "1", "warning": return .warning
        case "2", "info", "information": return .information
        case "3", "hint": return .hint
        default: throw ConfigError(description: "invalid severity '\(s)'")
        }
    }
}

private func unquote(_ s: String) -> String {
    if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'")) { return String(s.dropFirst().dropLast()) }
    return s
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
