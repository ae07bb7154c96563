import OysterCore
import OysterJSON

// MARK: - Issue collection

/// Collects the issues of one validation run, each tied to a JSON pointer or a byte offset.
final class IssueContext {
    var issues: [Diagnostic] = []

    func add(_ code: DiagnosticCode, _ pointer: String, _ message: String? = nil) {
        issues.append(code.diagnostic(message, at: .pointer(pointer)))
    }

    func add(_ code: DiagnosticCode, offset: Int, _ message: String? = nil) {
        issues.append(code.diagnostic(message, at: .offset(offset)))
    }
}

// MARK: - JSON pointers

/// Appends one reference token to a JSON pointer (RFC 6901 escaping).
@inline(__always)
func ptr(_ base: String, _ key: String) -> String {
    if !key.contains("~") && !key.contains("/") { return base + "/" + key }
    return base + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}

@inline(__always)
func ptr(_ base: String, _ index: Int) -> String { base + "/" + String(index) }

/// The pointer of an object itself: the root is "/".
@inline(__always)
func objectPointer(_ base: String) -> String { base.isEmpty ? "/" : base }

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound]
            out += b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    fileprivate func range(of s: String) -> Range<Substring.Index>? {
        guard let first = s.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(s) {
                return i..<index(i, offsetBy: s.count)
            }
            i = index(after: i)
        }
        return nil
    }
}

/// A short rendering of a JSON value for messages.
func describe(_ v: JSONValue) -> String {
    switch v {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .string(let s): return "'\(s)'"
    case .array(let a): return a.isEmpty ? "[]" : "[…]"
    case .object(let o): return o.isEmpty ? "{}" : "{…}"
    }
}
