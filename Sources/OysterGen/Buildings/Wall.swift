import OysterCore

/// A rectangular hole in a wall: `x` along the wall from its start, `y` up from its base.
public struct WallOpening: Sendable, Hashable {
    public var x0: Float, x1: Float, y0: Float, y1: Float
    public init(x0: Float, x1: Float, y0: Float, y1: Float) { self.x0 = x0; self.x1 = x1; self.y0 = y0; self.y1 = y1 }
    public var width: Float { x1 - x0 }
    public var height: Float { y1 - y0 }
}

/// A straight wall slab: outer face through `start`, running along `dir` (horizontal, unit;
/// the outside is to the left of `dir` seen from above, i.e. `outward = dir × up`).
struct WallFrame {
    var start: Vec3
    var dir: Vec3
    var length: Float
    var thickness: Float
    var up = Vec3(0, 1, 0)

    var outward: Vec3 { cross(dir, up) }

    /// A point `x` along, `y` up, `depth` into the wall from the outer face.
    func point(_ x: Float, _ y: Float, _ depth: Float = 0) -> Vec3 { start + dir * x + up * y - outward * depth }

    /// The yaw that turns +X into `dir` (for parts placed on the wall).
    var yaw: Float { katan2(-dir.z, dir.x) }
}

extension MeshBuilder {
    /// A wall slab with rectangular openings cut cleanly (solid cells between openings, reveal
    /// faces inside each hole); `height` may vary along the wall through `topAt` (ruins, gables).
    mutating func wall(_ kind: SurfaceKind, _ f: WallFrame, height: Float, openings: [WallOpening], inner: SurfaceKind? = nil,
                       capEnds: Bool = false, capTop: Bool = true, uOffset: Float = 0) {
        let innerKind = inner ?? kind
        var xs: [Float] = [0, f.length]
        for o in openings { xs.append(max(0, min(f.length, o.x0))); xs.append(max(0, min(f.length, o.x1))) }
        xs = Array(Set(xs)).sorted()
        let depth = f.thickness
        for c in 0..<(xs.count - 1) {
            let xa = xs[c], xb = xs[c + 1]
            guard xb - xa > 1e-4 else { continue }
            let mid = (xa + xb) / 2
            let holes = openings.filter { $0.x0 < mid && $0.x1 > mid }.sorted { $0.y0 < $1.y0 }
            var solid: [(Float, Float)] = []
            var y: Float = 0
            for o in holes {
                if o.y0 > y + 1e-4 { solid.append((y, min(o.y0, height))) }
                y = max(y, o.y1)
            }
            if y < height - 1e-4 { solid.append((y, height)) }
            for (ya, yb) in solid where yb > ya {
                let uv = { (x: Float, yy: Float) in Vec2(x + uOffset, -(f.start.y + yy)) }
                addQuad(kind, f.point(xa, ya), f.point(xb, ya), f.point(xb, yb), f.point(xa, yb),
                        uvs: (uv(xa, ya), uv(xb, ya), uv(xb, yb), uv(xa, yb)))
                let uvi = { (x: Float, yy: Float) in Vec2(-(x + uOffset), -(f.start.y + yy)) }
                addQuad(innerKind, f.point(xb, ya, depth), f.point(xa, ya, depth), f.point(xa, yb, depth), f.point(xb, yb, depth),
                        uvs: (uvi(xb, ya), uvi(xa, ya), uvi(xa, yb), uvi(xb, yb)))
            }
            if capTop && (solid.last?.1 ?? 0) >= height - 1e-4 {
                addQuad(kind, f.point(xa, height), f.point(xb, height), f.point(xb, height, depth), f.point(xa, height, depth), facing: f.up)
            }
        }
        // Reveals: the four faces inside each hole.
        for o in openings {
            let x0 = max(0, o.x0), x1 = min(f.length, o.x1), y0 = max(0, o.y0), y1 = min(height, o.y1)
            addQuad(kind, f.point(x0, y0), f.point(x0, y0, depth), f.point(x0, y1, depth), f.point(x0, y1), facing: f.dir)
            addQuad(kind, f.point(x1, y0), f.point(x1, y0, depth), f.point(x1, y1, depth), f.point(x1, y1), facing: -f.dir)
            if y0 > 0 { addQuad(kind, f.point(x0, y0), f.point(x1, y0), f.point(x1, y0, depth), f.point(x0, y0, depth), facing: f.up) }
            if y1 < height { addQuad(kind, f.point(x0, y1), f.point(x1, y1), f.point(x1, y1, depth), f.point(x0, y1, depth), facing: -f.up) }
        }
        if capEnds {
            addQuad(kind, f.point(0, 0), f.point(0, 0, depth), f.point(0, height, depth), f.point(0, height), facing: -f.dir)
            addQuad(kind, f.point(f.length, 0), f.point(f.length, 0, depth), f.point(f.length, height, depth), f.point(f.length, height), facing: f.dir)
        }
    }

    /// A beam lying on the wall's outer face (timber framing, frames), `proud` metres out.
    mutating func wallBeam(_ kind: SurfaceKind, _ f: WallFrame, from a: Vec2, to b: Vec2, width: Float = 0.16, proud: Float = 0.05) {
        let pa = f.point(a.x, a.y, -proud / 2), pb = f.point(b.x, b.y, -proud / 2)
        let d = pb - pa
        let len = length(d)
        guard len > 1e-4 else { return }
        let ay = d / len
        let az = f.outward
        let ax = normalize(cross(ay, az))
        orientedBox(kind, center: (pa + pb) / 2, axes: (ax, ay, az), half: Vec3(width / 2, len / 2 + width / 2, proud / 2 + 0.01))
    }
}
