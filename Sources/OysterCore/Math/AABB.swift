/// An axis-aligned bounding box; `empty` until a point is added.
public struct AABB: Hashable, Sendable {
    public var min: Vec3
    public var max: Vec3

    public init(min: Vec3, max: Vec3) {
        self.min = min
        self.max = max
    }

    public static let empty = AABB(min: Vec3(repeating: .infinity), max: Vec3(repeating: -.infinity))

    public var isEmpty: Bool { min.x > max.x }
    public var size: Vec3 { isEmpty ? .zero : max - min }
    public var center: Vec3 { (min + max) * 0.5 }

    public mutating func add(_ p: Vec3) {
        min = pointwiseMin(min, p)
        max = pointwiseMax(max, p)
    }

    public mutating func add(_ box: AABB) {
        guard !box.isEmpty else { return }
        add(box.min)
        add(box.max)
    }

    /// The box around this box's 8 corners after `transform`.
    public func transformed(by transform: Mat4) -> AABB {
        guard !isEmpty else { return self }
        var out = AABB.empty
        for i in 0..<8 {
            let p = Vec3(i & 1 == 0 ? min.x : max.x, i & 2 == 0 ? min.y : max.y, i & 4 == 0 ? min.z : max.z)
            out.add(transform.transformPoint(p))
        }
        return out
    }

    /// Distance from `p` to the nearest point of the box (0 inside it).
    public func distance(to p: Vec3) -> Float {
        guard !isEmpty else { return .infinity }
        let outside = pointwiseMax(pointwiseMax(min - p, p - max), .zero)
        return length(outside)
    }
}
