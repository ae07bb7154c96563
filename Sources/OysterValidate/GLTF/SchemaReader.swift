import OysterCore
import OysterJSON

// MARK: - Schema stage helpers

/// Reads one JSON object against its schema, reporting type, range, enum, required and
/// unexpected-property issues at exact pointers. Getters return nil when absent or invalid.
struct Obj {
    let o: JSONObject
    let p: String
    let ctx: IssueContext

    init(_ o: JSONObject, _ p: String, _ ctx: IssueContext) {
        self.o = o
        self.p = p
        self.ctx = ctx
    }

    subscript(_ k: String) -> JSONValue? {
        guard let v = o[k] else { return nil }
        if case .null = v { return nil }
        return v
    }

    func has(_ k: String) -> Bool { self[k] != nil }
    func at(_ k: String) -> String { ptr(p, k) }
    var here: String { objectPointer(p) }

    /// Reports members outside `known` (extensions and extras are always allowed), and non-object extras.
    func checkMembers(_ known: Set<String>) {
        for m in o.members where !known.contains(m.key) && m.key != "extensions" && m.key != "extras" {
            ctx.add(.unexpectedProperty, ptr(p, m.key))
        }
        if let e = self["extras"] {
            if case .object = e {} else { ctx.add(.nonObjectExtras, ptr(p, "extras"), "extras should be an object, not \(describe(e)).") }
        }
    }

    @discardableResult
    func require(_ k: String) -> Bool {
        if has(k) { return true }
        ctx.add(.undefinedProperty, here, "Property '\(k)' must be defined.")
        return false
    }

    private func mismatch(_ k: String, _ v: JSONValue, _ type: String) {
        ctx.add(.typeMismatch, at(k), "Property value \(describe(v)) is not a '\(type)'.")
    }

    func index(_ k: String, req: Bool = false) -> Int? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard let i = integer(v) else { mismatch(k, v, "integer"); return nil }
        if i < 0 { ctx.add(.invalidIndex, at(k)); return nil }
        return Int(clamping: i)
    }

    func int(_ k: String, req: Bool = false, min: Int? = nil, max: Int? = nil, list: [Int]? = nil) -> Int? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard let i64 = integer(v) else { mismatch(k, v, "integer"); return nil }
        let i = Int(clamping: i64)
        if let list {
            if !list.contains(i) {
                ctx.add(.valueNotInList, at(k), "Invalid value \(i). Valid values are \(list.map(String.init).joined(separator: ", ")).")
                return nil
            }
        } else if let min, i < min {
            ctx.add(.valueNotInRange, at(k), "Value \(i) is out of range.")
            return nil
        } else if let max, i > max {
            ctx.add(.valueNotInRange, at(k), "Value \(i) is out of range.")
            return nil
        }
        return i
    }

    func number(_ k: String, req: Bool = false, min: Double? = nil, max: Double? = nil, exclusiveMin: Bool = false, exclusiveMax: Bool = false) -> Double? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard let d = v.doubleValue else { mismatch(k, v, "number"); return nil }
        if !d.isFinite || !inRange(d, min, max, exclusiveMin, exclusiveMax) {
            ctx.add(.valueNotInRange, at(k), "Value \(d) is out of range.")
            return nil
        }
        return d
    }

    func string(_ k: String, req: Bool = false, list: [String]? = nil) -> String? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard case .string(let s) = v else { mismatch(k, v, "string"); return nil }
        if let list, !list.contains(s) {
            ctx.add(.valueNotInList, at(k), "Invalid value '\(s)'. Valid values are \(list.map { "'\($0)'" }.joined(separator: ", ")).")
            return nil
        }
        return s
    }

    func bool(_ k: String) -> Bool? {
        guard let v = self[k] else { return nil }
        guard case .bool(let b) = v else { mismatch(k, v, "boolean"); return nil }
        return b
    }

    /// A number array; `lengths` lists the allowed lengths.
    func numbers(_ k: String, req: Bool = false, lengths: [Int]? = nil, min: Double? = nil, max: Double? = nil, exclusiveMin: Bool = false) -> [Double]? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard case .array(let a) = v else { mismatch(k, v, "array"); return nil }
        if let lengths, !lengths.contains(a.count) {
            ctx.add(.arrayLengthNotInList, at(k), "Invalid array length \(a.count). Valid lengths are: \(lengths.map(String.init).joined(separator: ", ")).")
            return nil
        }
        if a.isEmpty { ctx.add(.emptyEntity, at(k)); return nil }
        var out: [Double] = []
        out.reserveCapacity(a.count)
        var ok = true
        for (i, e) in a.enumerated() {
            guard let d = e.doubleValue else {
                ctx.add(.arrayTypeMismatch, at(k), "Array element \(describe(e)) is not a 'number'.")
                ok = false
                continue
            }
            if !d.isFinite || !inRange(d, min, max, exclusiveMin, false) {
                ctx.add(.valueNotInRange, ptr(at(k), i), "Value \(d) is out of range.")
                ok = false
            }
            out.append(d)
        }
        return ok ? out : nil
    }

    /// An array of indices; invalid elements become nil.
    func indices(_ k: String, req: Bool = false) -> [Int?]? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard case .array(let a) = v else { mismatch(k, v, "array"); return nil }
        if a.isEmpty { ctx.add(.emptyEntity, at(k)); return nil }
        var out: [Int?] = []
        var seen = Set<Int>()
        for (i, e) in a.enumerated() {
            guard let x = integer(e) else {
                ctx.add(.arrayTypeMismatch, at(k), "Array element \(describe(e)) is not a 'integer'.")
                out.append(nil)
                continue
            }
            if x < 0 { ctx.add(.invalidIndex, ptr(at(k), i)); out.append(nil); continue }
            let xi = Int(clamping: x)
            if !seen.insert(xi).inserted { ctx.add(.duplicateElements, ptr(at(k), i)) }
            out.append(xi)
        }
        return out
    }

    func strings(_ k: String) -> [String?]? {
        guard let v = self[k] else { return nil }
        guard case .array(let a) = v else { mismatch(k, v, "array"); return nil }
        if a.isEmpty { ctx.add(.emptyEntity, at(k)); return nil }
        var out: [String?] = []
        var seen = Set<String>()
        for (i, e) in a.enumerated() {
            guard case .string(let s) = e else {
                ctx.add(.arrayTypeMismatch, at(k), "Array element \(describe(e)) is not a 'string'.")
                out.append(nil)
                continue
            }
            if !seen.insert(s).inserted { ctx.add(.duplicateElements, ptr(at(k), i)) }
            out.append(s)
        }
        return out
    }

    func object(_ k: String, req: Bool = false) -> Obj? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard case .object(let ob) = v else { mismatch(k, v, "object"); return nil }
        return Obj(ob, at(k), ctx)
    }

    /// An array of objects (primitives, channels); non-object elements become nil.
    func objects(_ k: String, req: Bool = false) -> [Obj?]? {
        guard let v = self[k] else { if req { require(k) }; return nil }
        guard case .array(let a) = v else { mismatch(k, v, "array"); return nil }
        if a.isEmpty { ctx.add(.emptyEntity, at(k)); return nil }
        return a.enumerated().map { i, e in
            guard case .object(let ob) = e else {
                ctx.add(.arrayTypeMismatch, at(k), "Array element \(describe(e)) is not a 'object'.")
                return nil
            }
            return Obj(ob, ptr(at(k), i), ctx)
        }
    }
}

@inline(__always)
private func inRange(_ d: Double, _ min: Double?, _ max: Double?, _ exMin: Bool, _ exMax: Bool) -> Bool {
    if let min { if exMin ? !(d > min) : !(d >= min) { return false } }
    if let max { if exMax ? !(d < max) : !(d <= max) { return false } }
    return true
}

/// An integer value; integral numbers written with a fraction or exponent (`1.0`, `1e0`) count,
/// as they do for the reference validator's JSON reader.
@inline(__always)
func integer(_ v: JSONValue) -> Int64? {
    switch v {
    case .int(let i): return i
    case .double(let d): return d.rounded() == d && abs(d) < 9.0e15 ? Int64(d) : nil
    default: return nil
    }
}
