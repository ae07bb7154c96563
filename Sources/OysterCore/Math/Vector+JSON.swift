import OysterJSON

extension JSONValue {
    /// A JSON array of exactly three finite numbers, each under `limit` in size, as a Vec3;
    /// nil for anything else. Files carry points and colours this way.
    public func vec3(limit: Double = Double(Float.greatestFiniteMagnitude)) -> Vec3? {
        guard let a = arrayValue, a.count == 3, let x = a[0].doubleValue, let y = a[1].doubleValue, let z = a[2].doubleValue,
              [x, y, z].allSatisfy({ $0.isFinite && abs($0) <= limit }) else { return nil }
        return Vec3(Float(x), Float(y), Float(z))
    }
}
