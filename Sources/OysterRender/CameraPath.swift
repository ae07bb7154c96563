#if canImport(Glibc)
import Glibc
#endif
import OysterCore
import OysterJSON

/// A keyframed camera move (`docs/camera-path.schema.json`): where the eye is, what it looks
/// at and its field of view at given times, interpolated smoothly (Catmull-Rom through the
/// keys) or linearly.
public struct CameraPath: Sendable, Equatable {
    public struct Key: Sendable, Equatable {
        public var time: Float
        public var position: Vec3
        public var target: Vec3
        /// Vertical field of view, radians.
        public var fieldOfView: Float

        public init(time: Float, position: Vec3, target: Vec3, fieldOfView: Float = 0.8) {
            self.time = time
            self.position = position
            self.target = target
            self.fieldOfView = fieldOfView
        }
    }

    public enum Interpolation: String, Sendable { case smooth, linear }

    public var keys: [Key]
    public var interpolation: Interpolation
    /// Seconds the path lasts: its last key's time.
    public var duration: Float { keys.last?.time ?? 0 }

    /// Longest path accepted, seconds (an hour).
    public static let maxDuration: Float = 3600
    /// Most keys accepted.
    public static let maxKeys = 10_000

    public init(keys: [Key], interpolation: Interpolation = .smooth) throws(CameraPathError) {
        guard !keys.isEmpty else { throw .invalid("a path needs at least one key") }
        guard keys.count <= Self.maxKeys else { throw .invalid("a path has at most \(Self.maxKeys) keys, this one \(keys.count)") }
        for (i, k) in keys.enumerated() {
            guard k.time.isFinite, k.time >= 0, k.time <= Self.maxDuration else {
                throw .invalid("keys[\(i)].time must be 0...\(Int(Self.maxDuration)) seconds")
            }
            if i > 0, k.time <= keys[i - 1].time { throw .invalid("keys[\(i)].time must be later than keys[\(i - 1)].time") }
            guard k.fieldOfView >= .pi / 180 * 0.999, k.fieldOfView <= .pi / 180 * 175.001 else { throw .invalid("keys[\(i)].fov must be between 1 and 175 degrees") }
            guard length(k.target - k.position) > 1e-4 else { throw .invalid("keys[\(i)]: target and position are the same point") }
        }
        self.keys = keys
        self.interpolation = interpolation
    }

    /// Reads a path from its JSON text.
    public init(json bytes: [UInt8]) throws(CameraPathError) {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 16, maxInputSize: 16 << 20)) } catch {
            throw .invalid("not JSON: \(error)")
        }
        guard let object = root.objectValue else { throw .invalid("the path must be a JSON object with \"keys\"") }
        var interpolation = Interpolation.smooth
        if let value = object["interpolation"] {
            guard let name = value.stringValue, let i = Interpolation(rawValue: name) else { throw .invalid("interpolation must be \"smooth\" or \"linear\"") }
            interpolation = i
        }
        guard let list = object["keys"]?.arrayValue else { throw .invalid("\"keys\" must be an array of keys") }
        var keys: [Key] = []
        for (i, item) in list.enumerated() {
            func vector(_ name: String) throws(CameraPathError) -> Vec3 {
                guard let v = item[name]?.vec3(limit: 1e7) else { throw .invalid("keys[\(i)].\(name) must be three numbers [x, y, z]") }
                return v
            }
            guard item.objectValue != nil else { throw .invalid("keys[\(i)] must be an object") }
            guard let time = item["time"]?.doubleValue else { throw .invalid("keys[\(i)].time must be a number of seconds") }
            var fov: Float = 0.8
            if let f = item["fov"] {
                guard let degrees = f.doubleValue, degrees.isFinite else { throw .invalid("keys[\(i)].fov must be a number of degrees") }
                fov = Float(degrees) * .pi / 180
            }
            keys.append(Key(time: Float(time), position: try vector("position"), target: try vector("target"), fieldOfView: fov))
        }
        try self.init(keys: keys, interpolation: interpolation)
    }

    /// The eye, target and field of view at `time` (held before the first and after the last key).
    public func sample(at time: Float) -> Key {
        guard let first = keys.first, let last = keys.last else { return Key(time: 0, position: .zero, target: Vec3(0, 0, -1)) }
        if time <= first.time { return first }
        if time >= last.time { return last }
        // The last key at or before `time` (binary search: a walk has a key per frame, and
        // every frame samples the path).
        var (lo, hi) = (0, keys.count - 1)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if keys[mid].time < time { lo = mid } else { hi = mid }
        }
        let i = lo
        let a = keys[i], b = keys[i + 1]
        let t = (time - a.time) / (b.time - a.time)
        func blend(_ v: (Key) -> Vec3) -> Vec3 {
            guard interpolation == .smooth else { return mix(v(a), v(b), t) }
            // Catmull-Rom through the neighbours (the ends repeat).
            let p0 = v(keys[max(i - 1, 0)]), p1 = v(a), p2 = v(b), p3 = v(keys[min(i + 2, keys.count - 1)])
            let t2 = t * t, t3 = t2 * t
            let c0 = -0.5 * t3 + t2 - 0.5 * t
            let c1 = 1.5 * t3 - 2.5 * t2 + 1
            let c2 = -1.5 * t3 + 2 * t2 + 0.5 * t
            let c3 = 0.5 * t3 - 0.5 * t2
            return p0 * c0 + p1 * c1 + p2 * c2 + p3 * c3
        }
        return Key(time: time, position: blend(\.position), target: blend(\.target), fieldOfView: mix(a.fieldOfView, b.fieldOfView, t))
    }

    /// A turntable: one orbit in `seconds` around `bounds`, looking at its centre from 25°
    /// above, as close as keeps the whole box inside a 0.8 rad view of `aspect` (with a 6 %
    /// margin) at every angle of the orbit.
    public static func turntable(around bounds: AABB, seconds: Float, aspect: Float = 16.0 / 9.0, steps: Int = 64) throws(CameraPathError) -> CameraPath {
        guard seconds.isFinite, seconds > 0, seconds <= maxDuration else { throw .invalid("a turntable lasts 0...\(Int(maxDuration)) seconds") }
        let box = bounds.isEmpty ? AABB(min: -.one, max: .one) : bounds
        let centre = box.center
        let elevation: Float = 25 * .pi / 180
        func direction(_ angle: Float) -> Vec3 { Vec3(sinf(angle) * cosf(elevation), sinf(elevation), cosf(angle) * cosf(elevation)) }
        let tanY = tanf(0.4) * 0.94, tanX = tanY * max(aspect, 0.05)
        let corners = (0..<8).map { i in
            Vec3(i & 1 == 0 ? box.min.x : box.max.x, i & 2 == 0 ? box.min.y : box.max.y, i & 4 == 0 ? box.min.z : box.max.z)
        }
        /// Whether every corner is in view from `distance` at every sampled angle.
        func fits(_ distance: Float) -> Bool {
            for s in 0..<32 {
                let eye = centre + direction(Float(s) / 32 * 2 * .pi) * distance
                let view = Mat4.lookAt(eye: eye, target: centre)
                for c in corners {
                    let p = view.transformPoint(c)
                    guard p.z < 0, abs(p.x) <= -p.z * tanX, abs(p.y) <= -p.z * tanY else { return false }
                }
            }
            return true
        }
        // The bounding sphere always fits; search down from it for the closest orbit that does.
        let radius = max(0.05, length(box.size) * 0.5)
        var (lo, hi) = (radius * 0.2, radius / sinf(atanf(min(tanX, tanY))) + radius)
        for _ in 0..<24 {
            let mid = (lo + hi) / 2
            if fits(mid) { hi = mid } else { lo = mid }
        }
        let distance = hi
        let keys = (0...steps).map { s -> Key in
            let angle = Float(s) / Float(steps) * 2 * .pi
            return Key(time: seconds * Float(s) / Float(steps), position: centre + direction(angle) * distance, target: centre)
        }
        return try CameraPath(keys: keys, interpolation: .smooth)
    }
}

/// Why a camera path could not be read (the tool exits 2, naming the key and field).
public enum CameraPathError: Error, CustomStringConvertible, Equatable {
    case invalid(String)
    public var description: String {
        switch self { case .invalid(let why): return "camera path: \(why)" }
    }
}
