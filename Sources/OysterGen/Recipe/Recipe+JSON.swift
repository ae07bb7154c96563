import OysterJSON

// MARK: - Reading

extension Recipe {
    static let topLevelKeys = [
        "seed", "prompt", "size", "scene", "biome", "timeOfDay", "weather", "season", "style", "features", "detail",
        "textureResolution", "instancing", "moods", "farBiomes", "characters",
        // What `oyster-generate --explain` adds: the prompt read word by word. Provenance like
        // "prompt": accepted and ignored, so explain's output works as a recipe file.
        "words",
    ]
    static let characterKeys = ["role", "animal", "count"]
    static let featureKeys = ["kind", "count", "density", "size", "species", "position"]

    /// A recipe from its JSON form. Missing keys keep their defaults; unknown keys, wrong types
    /// and out-of-range values throw a `RecipeError` naming the path.
    public init(json: JSONValue) throws {
        self.init()
        guard let object = json.objectValue else { throw RecipeError("", "a recipe must be a JSON object") }
        for key in object.keys where !Recipe.topLevelKeys.contains(key) {
            throw RecipeError(key, "unknown key (known: \(Recipe.topLevelKeys.joined(separator: ", ")))")
        }
        if let v = object["seed"] {
            guard let i = v.intValue, i >= 0 else { throw RecipeError("seed", "expected an integer ≥ 0") }
            seed = UInt64(i)
        }
        if let v = object["prompt"] {
            guard let s = v.stringValue else { throw RecipeError("prompt", "expected a string") }
            prompt = s
        }
        if let v = object["size"] { size = try Recipe.number(v, "size", 32...4096) }
        if let v = object["scene"] { scene = try Recipe.choice(v, "scene") }
        if let v = object["biome"] { biome = try Recipe.choice(v, "biome") }
        if let v = object["timeOfDay"] { timeOfDay = try Recipe.hour(v) }
        if let v = object["weather"] { weather = try Recipe.choice(v, "weather") }
        if let v = object["season"] { season = try Recipe.choice(v, "season") }
        if let v = object["style"] { style = try Recipe.choice(v, "style") as BuildingStyle }
        if let v = object["detail"] { detail = try Recipe.choice(v, "detail") }
        if let v = object["textureResolution"] {
            guard let i = v.intValue, (16...2048).contains(i), i & (i - 1) == 0 else {
                throw RecipeError("textureResolution", "expected a power of two between 16 and 2048")
            }
            textureResolution = i
        }
        if let v = object["instancing"] {
            guard let b = v.boolValue else { throw RecipeError("instancing", "expected true or false") }
            instancing = b
        }
        if let v = object["moods"] {
            guard let a = v.arrayValue else { throw RecipeError("moods", "expected an array of strings") }
            moods = try a.enumerated().map { try Recipe.choice($1, "moods[\($0)]") }
        }
        if let v = object["farBiomes"] {
            guard let a = v.arrayValue, a.count <= 8 else { throw RecipeError("farBiomes", "expected an array of at most 8 biomes") }
            farBiomes = try a.enumerated().map { try Recipe.choice($1, "farBiomes[\($0)]") }
        }
        if let v = object["features"] {
            guard let a = v.arrayValue else { throw RecipeError("features", "expected an array of feature objects") }
            guard a.count <= 256 else { throw RecipeError("features", "at most 256 features") }
            features = try a.enumerated().map { try Recipe.feature($1, "features[\($0)]") }
        }
        if let v = object["characters"] {
            guard let a = v.arrayValue else { throw RecipeError("characters", "expected an array of {\"role\" or \"animal\", \"count\"} objects") }
            guard a.count <= 64 else { throw RecipeError("characters", "at most 64 groups") }
            characters = try a.enumerated().map { try Recipe.characterGroup($1, "characters[\($0)]") }
        }
        if scene == .interior, !has(.dungeon) { features.insert(Feature(.dungeon), at: 0) }
    }

    static func characterGroup(_ v: JSONValue, _ path: String) throws -> CharacterGroup {
        guard let o = v.objectValue else { throw RecipeError(path, "expected an object with a \"role\" or an \"animal\"") }
        for key in o.keys where !characterKeys.contains(key) {
            throw RecipeError("\(path).\(key)", "unknown key (known: \(characterKeys.joined(separator: ", ")))")
        }
        var g: CharacterGroup
        switch (o["role"], o["animal"]) {
        case (let r?, nil): g = CharacterGroup(try choice(r, "\(path).role") as CharacterRole, count: 1)
        case (nil, let a?):
            guard let name = a.stringValue, let kind = CharacterKind(animal: name) else {
                throw RecipeError("\(path).animal", "expected one of \(CharacterKind.allAnimals.map(\.name).joined(separator: ", "))")
            }
            g = CharacterGroup(kind, count: 1)
        case (_?, _?): throw RecipeError(path, "give a \"role\" (a person) or an \"animal\", not both")
        case (nil, nil): throw RecipeError(path, "missing \"role\" (a person) or \"animal\"")
        }
        if let c = o["count"] {
            guard let i = c.intValue, (0...10_000).contains(i) else {
                throw RecipeError("\(path).count", "expected an integer between 0 and 10000")
            }
            g.count = i
        }
        return g
    }

    static func feature(_ v: JSONValue, _ path: String) throws -> Feature {
        guard let o = v.objectValue else { throw RecipeError(path, "expected an object with a \"kind\"") }
        for key in o.keys where !featureKeys.contains(key) {
            throw RecipeError("\(path).\(key)", "unknown key (known: \(featureKeys.joined(separator: ", ")))")
        }
        guard let kv = o["kind"] else { throw RecipeError(path, "missing \"kind\"") }
        var f = Feature(try choice(kv, "\(path).kind"))
        if let c = o["count"] {
            guard let i = c.intValue, (0...10_000).contains(i) else {
                throw RecipeError("\(path).count", "expected an integer between 0 and 10000")
            }
            f.count = i
        }
        if let d = o["density"] { f.density = try number(d, "\(path).density", 0...1) }
        if let s = o["size"] { f.size = try number(s, "\(path).size", 0...1) }
        if let s = o["species"] {
            guard let a = s.arrayValue else { throw RecipeError("\(path).species", "expected an array of strings") }
            f.species = try a.enumerated().map { i, e in
                guard let name = e.stringValue, Species(rawValue: name) != nil else {
                    throw RecipeError("\(path).species[\(i)]", "expected one of \(Species.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return name
            }
        }
        if let p = o["position"] {
            guard let a = p.arrayValue, a.count == 2, let x = a[0].doubleValue, let z = a[1].doubleValue,
                abs(x) <= 1, abs(z) <= 1
            else { throw RecipeError("\(path).position", "expected [x, z] with each in -1…1") }
            f.position = (Float(x), Float(z))
        }
        return f
    }

    static func number(_ v: JSONValue, _ path: String, _ range: ClosedRange<Double>) throws -> Float {
        guard let d = v.doubleValue, d.isFinite, range.contains(d) else {
            throw RecipeError(path, "expected a number between \(fmt(range.lowerBound)) and \(fmt(range.upperBound))")
        }
        return Float(d)
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ v: JSONValue, _ path: String) throws -> T where T.RawValue == String {
        guard let s = v.stringValue, let c = T(rawValue: s) else {
            throw RecipeError(path, "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return c
    }

    /// Hours as a number (0…24) or a name ("dawn", "noon", "dusk", "night"…).
    static func hour(_ v: JSONValue) throws -> Float {
        if let s = v.stringValue {
            guard let h = TimeOfDayName.hours[s] else {
                throw RecipeError("timeOfDay", "expected hours 0…24 or one of \(TimeOfDayName.names.joined(separator: ", "))")
            }
            return h
        }
        return try number(v, "timeOfDay", 0...24)
    }

    private static func fmt(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}

/// Names accepted for `timeOfDay`, and the hours prompts give the same words. On `Sky`'s
/// sun path (solar noon 12:39) dawn and dusk have the sun on the horizon, east and west;
/// sunrise and sunset (golden hour) 5.5° up; evening 14°; noon 55°; night has the moon.
enum TimeOfDayName {
    static let names = ["dawn", "sunrise", "morning", "noon", "afternoon", "evening", "dusk", "sunset", "night", "midnight"]
    static let hours: [String: Float] = [
        "dawn": 6, "sunrise": 6.5, "morning": 9, "noon": 12.5, "afternoon": 15.5, "evening": 18,
        "dusk": 19.3, "sunset": 18.8, "night": 22.5, "midnight": 0,
    ]
}

/// Vegetation species the kits can build.
public enum Species: String, CaseIterable, Hashable, Sendable {
    case pine, fir, oak, birch, palm, bush, dead, willow, cactus, grass, flowers
}

// MARK: - Writing

extension Recipe {
    /// The recipe as JSON with every field written, in schema order (what `--explain` prints
    /// and what provenance stores).
    public var json: JSONValue {
        var o = JSONObject()
        o["seed"] = .int(Int64(bitPattern: seed))
        if let prompt { o["prompt"] = .string(prompt) }
        o["size"] = Recipe.num(size)
        o["scene"] = .string(scene.rawValue)
        o["biome"] = .string(biome.rawValue)
        o["timeOfDay"] = Recipe.num(timeOfDay)
        o["weather"] = .string(weather.rawValue)
        // Written only when not summer (the look before seasons), so other recipes keep their bytes.
        if season != .summer { o["season"] = .string(season.rawValue) }
        if let style { o["style"] = .string(style.rawValue) }
        o["detail"] = .string(detail.rawValue)
        o["textureResolution"] = .int(Int64(textureResolution))
        o["instancing"] = .bool(instancing)
        o["moods"] = .array(moods.map { .string($0.rawValue) })
        // Written only when set, so recipes without it keep their bytes.
        if !farBiomes.isEmpty { o["farBiomes"] = .array(farBiomes.map { .string($0.rawValue) }) }
        o["features"] = .array(features.map { f in
            var fo = JSONObject()
            fo["kind"] = .string(f.kind.rawValue)
            if let c = f.count { fo["count"] = .int(Int64(c)) }
            if let d = f.density { fo["density"] = Recipe.num(d) }
            if let s = f.size { fo["size"] = Recipe.num(s) }
            if !f.species.isEmpty { fo["species"] = .array(f.species.map { .string($0) }) }
            if let p = f.position { fo["position"] = .array([Recipe.num(p.x), Recipe.num(p.z)]) }
            return .object(fo)
        })
        // Written only when set (nil: the world's implied cast).
        if let characters {
            o["characters"] = .array(characters.map { g in
                let key = g.role == nil ? "animal" : "role"
                return .object(JSONObject([(key, .string(g.kind.name)), ("count", .int(Int64(g.count)))]))
            })
        }
        return .object(o)
    }

    /// Floats written with at most 3 decimals so recipes stay readable and stable.
    static func num(_ f: Float) -> JSONValue {
        let r = (Double(f) * 1000).rounded() / 1000
        return r == r.rounded() && abs(r) < 1e15 ? .int(Int64(r)) : .double(r)
    }
}

// MARK: - Text

extension Recipe {
    /// A recipe from JSON file bytes (at most 1 MiB); syntax errors and bad values throw a
    /// `RecipeError` with the byte offset or path.
    public static func parse(_ bytes: [UInt8]) throws -> Recipe {
        guard bytes.count <= 1 << 20 else { throw RecipeError("", "recipe is larger than 1 MiB") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 32, maxInputSize: 1 << 20, maxStringLength: 1 << 16))
        } catch {
            throw RecipeError("", "not valid JSON: \(error)")
        }
        return try Recipe(json: value)
    }

    /// The recipe as pretty-printed JSON text.
    public var jsonText: String { JSONWriter.string(json, pretty: true) }
}
