import OysterCore
import OysterJSON

/// Typed access to one glTF object's properties, failing with messages that name the object
/// (`material 2: alphaCutoff must be a number`).
struct JSONFields {
    let object: JSONObject
    /// "accessor 3", "material 0 normalTexture", …
    let label: String
    /// JSON pointer of the object.
    let pointer: String

    init(_ value: JSONValue?, label: String, pointer: String) throws {
        guard case .object(let o)? = value else {
            throw GLTFError("\(label): is not an object", code: .typeMismatch, pointer: pointer)
        }
        object = o
        self.label = label
        self.pointer = pointer
    }

    init(object: JSONObject, label: String, pointer: String) {
        self.object = object
        self.label = label
        self.pointer = pointer
    }

    func fail(_ key: String, _ what: String, code: DiagnosticCode = .typeMismatch) -> GLTFError {
        GLTFError("\(label): \(key) \(what)", code: code, pointer: pointer + "/" + key)
    }

    subscript(key: String) -> JSONValue? { object[key] }

    func has(_ key: String) -> Bool { object[key] != nil }

    func int(_ key: String) throws -> Int? {
        guard let v = object[key] else { return nil }
        guard let i = v.intValue else { throw fail(key, "must be an integer") }
        return i
    }

    func requiredInt(_ key: String) throws -> Int {
        guard let i = try int(key) else { throw fail(key, "is missing", code: .undefinedProperty) }
        return i
    }

    /// A non-negative integer (indices, offsets, counts).
    func index(_ key: String) throws -> Int? {
        guard let i = try int(key) else { return nil }
        guard i >= 0 else { throw fail(key, "must not be negative", code: .valueNotInRange) }
        return i
    }

    func requiredIndex(_ key: String) throws -> Int {
        guard let i = try index(key) else { throw fail(key, "is missing", code: .undefinedProperty) }
        return i
    }

    func float(_ key: String) throws -> Float? {
        guard let v = object[key] else { return nil }
        guard let d = v.doubleValue else { throw fail(key, "must be a number") }
        return Float(d)
    }

    func requiredFloat(_ key: String) throws -> Float {
        guard let f = try float(key) else { throw fail(key, "is missing", code: .undefinedProperty) }
        return f
    }

    func bool(_ key: String) throws -> Bool? {
        guard let v = object[key] else { return nil }
        guard let b = v.boolValue else { throw fail(key, "must be a boolean") }
        return b
    }

    func string(_ key: String) throws -> String? {
        guard let v = object[key] else { return nil }
        guard let s = v.stringValue else { throw fail(key, "must be a string") }
        return s
    }

    /// A fixed-length number array (`count` nil: any length).
    func floats(_ key: String, count: Int? = nil) throws -> [Float]? {
        guard let v = object[key] else { return nil }
        guard let a = v.arrayValue else { throw fail(key, "must be an array of numbers") }
        if let count, a.count != count { throw fail(key, "must have \(count) elements", code: .arrayLengthNotInList) }
        var out = [Float]()
        out.reserveCapacity(a.count)
        for e in a {
            guard let d = e.doubleValue else { throw fail(key, "must be an array of numbers") }
            out.append(Float(d))
        }
        return out
    }

    func indices(_ key: String) throws -> [Int]? {
        guard let v = object[key] else { return nil }
        guard let a = v.arrayValue else { throw fail(key, "must be an array of indices") }
        return try a.map { e in
            guard let i = e.intValue, i >= 0 else { throw fail(key, "must be an array of indices") }
            return i
        }
    }

    func objectField(_ key: String) throws -> JSONFields? {
        guard let v = object[key] else { return nil }
        return try JSONFields(v, label: "\(label) \(key)", pointer: pointer + "/" + key)
    }

    /// `extensions`, verbatim (an empty object when absent).
    func extensions() throws -> JSONObject {
        guard let v = object["extensions"] else { return JSONObject() }
        guard let o = v.objectValue else { throw fail("extensions", "must be an object") }
        return o
    }

    var extras: JSONValue? { object["extras"] }
    var name: String? { object["name"]?.stringValue }
}
