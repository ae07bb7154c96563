import OysterCore

/// A centre line with a value per point (a river's bed height, a road's surface height), as
/// roads and rivers are stored: the value between points is interpolated along the segment.
struct Polyline: Sendable {
    /// Stable identity: ties between equally near lines go to the lower id, in every region.
    var id: UInt64
    var points: [Vec2]
    var values: [Float]
    /// Bounding box of the points.
    var minCorner: Vec2
    var maxCorner: Vec2

    init(id: UInt64, points: [Vec2], values: [Float]) {
        self.id = id
        self.points = points
        self.values = values
        var lo = Vec2(repeating: .infinity), hi = Vec2(repeating: -.infinity)
        for p in points { lo = pointwiseMin(lo, p); hi = pointwiseMax(hi, p) }
        minCorner = lo
        maxCorner = hi
    }

    /// The point of the line nearest `p`: its segment, the fraction along it, and how far.
    func closest(to p: Vec2) -> (segment: Int, t: Float, distance: Float) {
        guard points.count > 1 else { return (0, 0, points.first.map { length($0 - p) } ?? .infinity) }
        var best = (segment: 0, t: Float(0), distance: Float.infinity)
        for i in 0..<(points.count - 1) {
            let a = points[i], ab = points[i + 1] - a
            let t = max(0, min(1, dot(p - a, ab) / max(dot(ab, ab), 1e-9)))
            let d = length(a + ab * t - p)
            if d < best.distance { best = (i, t, d) }
        }
        return best
    }

    /// Distance from `p` to the nearest point of the line.
    func distance(to p: Vec2) -> Float { closest(to: p).distance }

    /// True when any point of the line lies within `margin` of the rectangle.
    func touches(minX: Float, minZ: Float, maxX: Float, maxZ: Float, margin: Float) -> Bool {
        !points.isEmpty && maxCorner.x >= minX - margin && minCorner.x <= maxX + margin
            && maxCorner.y >= minZ - margin && minCorner.y <= maxZ + margin
    }
}

/// Segments of several polylines in square buckets, for "nearest centre line and its value"
/// at many points. A query looks at one bucket: each segment is filed in every bucket its box,
/// grown by the query radius, touches.
struct SegmentIndex: Sendable {
    struct Segment: Sendable {
        var a: Vec2, b: Vec2
        var va: Float, vb: Float
        var line: UInt64
    }

    let bucket: Float
    let radius: Float
    private var buckets: [Int64: [Segment]] = [:]

    init(_ lines: [Polyline], radius: Float, bucket: Float = 16) {
        self.bucket = bucket
        self.radius = radius
        // Lines in id order, segments in line order: the same input order in every region.
        for line in lines.sorted(by: { $0.id < $1.id }) where line.points.count > 1 {
            for i in 1..<line.points.count {
                let s = Segment(a: line.points[i - 1], b: line.points[i], va: line.values[i - 1], vb: line.values[i], line: line.id)
                let lo = pointwiseMin(s.a, s.b) - Vec2(repeating: radius), hi = pointwiseMax(s.a, s.b) + Vec2(repeating: radius)
                let i0 = Int64((lo.x / bucket).rounded(.down)), i1 = Int64((hi.x / bucket).rounded(.down))
                let j0 = Int64((lo.y / bucket).rounded(.down)), j1 = Int64((hi.y / bucket).rounded(.down))
                for j in j0...j1 { for i in i0...i1 { buckets[SegmentIndex.key(i, j), default: []].append(s) } }
            }
        }
    }

    static func key(_ i: Int64, _ j: Int64) -> Int64 { (i << 32) ^ (j & 0xFFFF_FFFF) }

    /// Distance to the nearest segment within `radius` and the value there, or nil.
    func nearest(_ x: Float, _ z: Float) -> (distance: Float, value: Float)? {
        let k = SegmentIndex.key(Int64((x / bucket).rounded(.down)), Int64((z / bucket).rounded(.down)))
        guard let list = buckets[k] else { return nil }
        let p = Vec2(x, z)
        var best: (Float, Float)?
        for s in list {
            let ab = s.b - s.a
            let len2 = dot(ab, ab)
            let t = len2 > 0 ? clamp(dot(p - s.a, ab) / len2, 0, 1) : 0
            let q = s.a + ab * t
            let d = OysterCore.length(p - q)
            if d <= radius, best == nil || d < best!.0 { best = (d, s.va + (s.vb - s.va) * t) }
        }
        return best
    }
}
