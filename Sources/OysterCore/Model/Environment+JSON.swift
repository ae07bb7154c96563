import OysterJSON

// MARK: - JSON

extension Environment {
    /// JSON keys of the typed fields, in the order a new object lists them.
    static let keys = ["skyColor", "horizonColor", "sunGlowColor", "fogDensity", "night", "sunDirection", "sunColor", "sunIntensity",
                       "timeOfDay", "weather", "weatherIntensity", "lampsLit"]

    /// Reads the typed fields of an `environment` object; other members go to `other`.
    /// A member of the wrong type is kept in `other` rather than dropped.
    public init(json: JSONObject) {
        self.init()
        for (key, value) in json.members {
            switch key {
            case "skyColor": skyColor = value.vec3()
            case "horizonColor": horizonColor = value.vec3()
            case "sunGlowColor": sunGlowColor = value.vec3()
            case "fogDensity": fogDensity = value.floatValue
            case "night": isNight = value.boolValue
            case "sunDirection": sunDirection = value.vec3()
            case "sunColor": sunColor = value.vec3()
            case "sunIntensity": sunIntensity = value.floatValue
            case "timeOfDay": timeOfDay = value.floatValue
            case "weather": weather = value.stringValue
            case "weatherIntensity": weatherIntensity = value.floatValue
            case "lampsLit": lampsLit = value.boolValue
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
        case "horizonColor": return v3(horizonColor)
        case "sunGlowColor": return v3(sunGlowColor)
        case "fogDensity": return fogDensity.map { .float($0) }
        case "night": return isNight.map { .bool($0) }
        case "sunDirection": return v3(sunDirection)
        case "sunColor": return v3(sunColor)
        case "sunIntensity": return sunIntensity.map { .float($0) }
        case "timeOfDay": return timeOfDay.map { .float($0) }
        case "weather": return weather.map { .string($0) }
        case "weatherIntensity": return weatherIntensity.map { .float($0) }
        case "lampsLit": return lampsLit.map { .bool($0) }
        default: return nil
        }
    }
}
