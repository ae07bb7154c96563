import OysterJSON

/// A world's sky, sun, fog, time of day and weather: what a renderer needs to light and fog a
/// generated scene, typed.
///
/// Stored in glTF as `asset.extras.environment` (see `AssetInfo.environment`). Every field is
/// optional: a field that is nil is not written, so files keep exactly the keys they had.
public struct Environment: Hashable, Sendable {
    /// Sky (and ambient) colour, linear RGB.
    public var skyColor: Vec3?
    /// Exponential fog density per metre.
    public var fogDensity: Float?
    /// Whether the light in the sky is the moon.
    public var isNight: Bool?
    /// Unit vector from the scene towards the sun (or moon), glTF's Y-up space.
    public var sunDirection: Vec3?
    /// Sun (or moon) colour, linear RGB.
    public var sunColor: Vec3?
    /// Sun illuminance in the file's light units (see `asset.extras.lightUnits`).
    public var sunIntensity: Float?
    /// Hour of the day, 0–24.
    public var timeOfDay: Float?
    /// Weather kind as the recipe names it: `clear`, `overcast`, `rain`, `snow`, `fog`.
    public var weather: String?
    /// Strength of the weather, 0–1.
    public var weatherIntensity: Float?
    /// Members Oyster does not model, kept in their place.
    public var other = JSONObject()

    /// An environment with the given fields.
    public init(skyColor: Vec3? = nil, fogDensity: Float? = nil, isNight: Bool? = nil, sunDirection: Vec3? = nil,
                sunColor: Vec3? = nil, sunIntensity: Float? = nil, timeOfDay: Float? = nil, weather: String? = nil,
                weatherIntensity: Float? = nil) {
        self.skyColor = skyColor
        self.fogDensity = fogDensity
        self.isNight = isNight
        self.sunDirection = sunDirection
        self.sunColor = sunColor
        self.sunIntensity = sunIntensity
        self.timeOfDay = timeOfDay
        self.weather = weather
        self.weatherIntensity = weatherIntensity
    }
}

// MARK: - JSON

extension Environment {
    /// JSON keys of the typed fields, in the order a new object lists them.
    static let keys = ["skyColor", "fogDensity", "night", "sunDirection", "sunColor", "sunIntensity",
                       "timeOfDay", "weather", "weatherIntensity"]

    /// Reads the typed fields of an `environment` object; other members go to `other`.
    /// A member of the wrong type is kept in `other` rather than dropped.
    public init(json: JSONObject) {
        self.init()
        for (key, value) in json.members {
            switch key {
            case "skyColor": skyColor = Self.vec3(value)
            case "fogDensity": fogDensity = value.floatValue
            case "night": isNight = value.boolValue
            case "sunDirection": sunDirection = Self.vec3(value)
            case "sunColor": sunColor = Self.vec3(value)
            case "sunIntensity": sunIntensity = value.floatValue
            case "timeOfDay": timeOfDay = value.floatValue
            case "weather": weather = value.stringValue
            case "weatherIntensity": weatherIntensity = value.floatValue
            default: other.members.append((key, value))
            }
            if Self.keys.contains(key), self.value(for: key) == nil { other.members.append((key, value)) }
        }
    }

    /// The object written to `asset.extras.environment`: typed fields first, in `keys` order,
    /// then the other members.
    public var json: JSONObject {
        var o = JSONObject()
        for key in Self.keys { if let v = value(for: key) { o.members.append((key, v)) } }
        for m in other.members where o[m.key] == nil { o.members.append(m) }
        return o
    }

    /// The JSON of one typed field, or nil when it is not set.
    func value(for key: String) -> JSONValue? {
        func v3(_ v: Vec3?) -> JSONValue? { v.map { .floats([$0.x, $0.y, $0.z]) } }
        switch key {
        case "skyColor": return v3(skyColor)
        case "fogDensity": return fogDensity.map { .float($0) }
        case "night": return isNight.map { .bool($0) }
        case "sunDirection": return v3(sunDirection)
        case "sunColor": return v3(sunColor)
        case "sunIntensity": return sunIntensity.map { .float($0) }
        case "timeOfDay": return timeOfDay.map { .float($0) }
        case "weather": return weather.map { .string($0) }
        case "weatherIntensity": return weatherIntensity.map { .float($0) }
        default: return nil
        }
    }

    static func vec3(_ value: JSONValue) -> Vec3? {
        guard let a = value.arrayValue, a.count == 3, let x = a[0].floatValue, let y = a[1].floatValue, let z = a[2].floatValue else { return nil }
        return Vec3(x, y, z)
    }
}

// MARK: - On the asset

extension AssetInfo {
    /// The typed view of `extras.environment`, where Oyster's generator records sky, sun and fog.
    ///
    /// It reads and writes `extras` itself, so a file read and written again keeps its bytes:
    /// setting it replaces the members of an existing `environment` object in place (members
    /// keep their order; new ones are appended) and adds the key at the end otherwise; setting
    /// nil removes it.
    public var environment: Environment? {
        get { extras?["environment"]?.objectValue.map(Environment.init(json:)) }
        set {
            var root = extras?.objectValue ?? JSONObject()
            guard let newValue else {
                if extras?.objectValue != nil {
                    root["environment"] = nil
                    extras = .object(root)
                }
                return
            }
            var merged = root["environment"]?.objectValue ?? JSONObject()
            let wanted = newValue.json
            // Drop typed or other members the new value no longer has, then update in place.
            merged.members.removeAll { wanted[$0.key] == nil }
            for m in wanted.members { merged[m.key] = m.value }
            root["environment"] = .object(merged)
            extras = .object(root)
        }
    }
}
