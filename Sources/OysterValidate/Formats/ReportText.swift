import OysterCore

// MARK: - Text, JUnit and GitHub formats

extension Diagnostic {
    /// Where the issue is, as text: pointer, @offset or line N.
    var locationText: String {
        switch location {
        case .pointer(let p): return p.isEmpty ? "/" : p
        case .offset(let o): return "@\(o)"
        case .line(let l): return "line \(l)"
        case .none: return ""
        }
    }
}

/// Formats reports for people: grouped by file, optionally colored.
public func textReport(_ reports: [ValidationReport], color: Bool) -> String {
    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    var out = ""
    for r in reports {
        let status = r.numErrors > 0 ? paint("FAIL", "31;1") : paint("ok", "32")
        out += "\(paint(r.uri, "1")): \(status) (\(r.numErrors) errors, \(r.numWarnings) warnings, \(r.numInfos) infos, \(r.numHints) hints)\n"
        for d in r.issues {
            let sev: String
            switch d.severity {
            case .error: sev = paint("error", "31")
            case .warning: sev = paint("warning", "33")
            case .information: sev = paint("info", "36")
            case .hint: sev = paint("hint", "2")
            }
            let file = d.file.map { "\($0) " } ?? ""
            out += "  \(sev) \(d.code) \(file)\(d.locationText): \(d.message)\n"
        }
        if r.truncated { out += "  … \(r.unlistedCount) more issue(s) counted but not listed (--max-issues)\n" }
    }
    return out
}

/// JUnit XML: one testsuite, one testcase per file, a failure per file with issues at or above `failOn`.
public func junitReport(_ reports: [ValidationReport], failOn: Severity) -> String {
    let failures = reports.filter { $0.hasIssues(atOrAbove: failOn) }.count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"oyster-validate\" tests=\"\(reports.count)\" failures=\"\(failures)\">\n"
    out += "  <testsuite name=\"oyster-validate\" tests=\"\(reports.count)\" failures=\"\(failures)\" errors=\"0\">\n"
    for r in reports {
        out += "    <testcase classname=\"oyster-validate\" name=\"\(xmlEscaped(r.uri))\""
        let failing = r.issues.filter { $0.severity <= failOn }
        // Counted, not only listed: a capped report still fails on what it did not list.
        let failingCount = Severity.allCases.filter { $0 <= failOn }.reduce(0) { $0 + r.count($1) }
        if failingCount == 0 && r.issues.isEmpty { out += "/>\n"; continue }
        out += ">\n"
        if failingCount > 0 {
            let body = failing.map { "\($0.severity.label) \($0.code) \($0.locationText): \($0.message)" }.joined(separator: "\n")
            let type = failing.first?.code ?? "UNLISTED"
            out += "      <failure message=\"\(failingCount) issue(s) at or above \(failOn.label)\" type=\"\(xmlEscaped(type))\">\(xmlEscaped(body))</failure>\n"
        }
        let rest = r.issues.filter { $0.severity > failOn }
        if !rest.isEmpty {
            let body = rest.map { "\($0.severity.label) \($0.code) \($0.locationText): \($0.message)" }.joined(separator: "\n")
            out += "      <system-out>\(xmlEscaped(body))</system-out>\n"
        }
        out += "    </testcase>\n"
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
}

/// Escapes text for XML attributes and content; drops characters XML 1.0 forbids.
func xmlEscaped(_ s: String) -> String {
    var o = ""
    for u in s.unicodeScalars {
        switch u {
        case "&": o += "&amp;"
        case "<": o += "&lt;"
        case ">": o += "&gt;"
        case "\"": o += "&quot;"
        case "'": o += "&apos;"
        case "\n": o += "&#10;"
        case "\t", "\r": o.unicodeScalars.append(u)
        default:
            if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
            o.unicodeScalars.append(u)
        }
    }
    return o
}

/// GitHub Actions workflow commands (`::error file=…,title=…::message`), one per issue.
public func githubReport(_ reports: [ValidationReport]) -> String {
    var out = ""
    for r in reports {
        for d in r.issues {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            default: command = "notice"
            }
            var props = "file=\(githubProperty(d.file ?? r.uri))"
            if case .line(let l) = d.location { props += ",line=\(l)" }
            props += ",title=\(githubProperty(d.code))"
            let loc = d.locationText.isEmpty ? "" : "\(d.locationText): "
            out += "::\(command) \(props)::\(githubData(loc + d.message))\n"
        }
    }
    return out
}

/// Workflow-command message escaping (%, CR, LF).
func githubData(_ s: String) -> String {
    s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
}

/// Workflow-command property escaping (also ':' and ',').
func githubProperty(_ s: String) -> String {
    githubData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
}

extension String {
    func replacingAll(_ a: Character, _ b: String) -> String {
        var o = ""
        for c in self { if c == a { o += b } else { o.append(c) } }
        return o
    }
}
