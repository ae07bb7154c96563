import OysterCore

/// River courses: the bed along a centre line (always falling, so the water runs downhill
/// whatever the ground does), and, for far cells, the line itself found by walking downhill.
enum RiverCourse {
    struct Bed {
        var points: [Vec2] = []
        var beds: [Float] = []
        var waterfall: Waterfall?
    }

    /// The bed under `path`: 1.2 m below the ground, falling at least 2 cm per metre, never
    /// below 1.5 m under the level it flows into; it stops inside `lake` or where it meets the
    /// sea. With `waterfallAt`, the bed drops 7 m at that point.
    static func bed(_ path: [Vec2], ground: (Float, Float) -> Float, stopLevel: Float, lake: Lake?, sea: Bool,
                    waterfallAt fallIndex: Int? = nil) -> Bed {
        var out = Bed()
        guard let first = path.first else { return out }
        var bed = ground(first.x, first.y) - 1.2
        var fallTop: Float = 0
        for (i, p) in path.enumerated() {
            if let lake, length(p - lake.center) < lake.radius * 0.8 { break }
            let step = i > 0 ? length(p - path[i - 1]) : 0
            let g = ground(p.x, p.y)
            bed = min(bed - 0.02 * step, g - 1.2)
            if i == fallIndex {
                fallTop = bed
                bed -= 7
            }
            if sea, bed < WorldMap.seaLevel - 1, g < WorldMap.seaLevel { break }
            bed = max(bed, stopLevel - 1.5)
            out.points.append(p)
            out.beds.append(bed)
        }
        if let f = fallIndex, f > 0, f < out.points.count - 1 {
            let p = out.points[f]
            let dir = normalize2(out.points[f + 1] - out.points[f - 1])
            out.waterfall = Waterfall(top: Vec3(p.x, fallTop + 0.7, p.y), bottom: Vec3(p.x, fallTop - 7 + 0.7, p.y), direction: dir,
                                      width: LocalFeatures.riverHalfWidth * 2)
        }
        return out
    }

    /// Where water starting at `source` runs: steps of 6 m down the ground's slope (with some
    /// inertia, so it does not zig-zag), until it reaches the sea, enters one of `lakes`, or
    /// `maxSteps` run out. Returns the line and the lake it ended in (nil: sea or nowhere).
    static func descend(from source: Vec2, ground: (Float, Float) -> Float, lakes: [Lake], avoid: (Vec2) -> Bool,
                        maxSteps: Int = 60) -> (line: [Vec2], lake: Lake?, sea: Bool) {
        var p = source
        var dir = Vec2(0, 0)
        var line = [p]
        for _ in 0..<maxSteps {
            let e: Float = 4
            let g = Vec2(ground(p.x + e, p.y) - ground(p.x - e, p.y), ground(p.x, p.y + e) - ground(p.x, p.y - e)) / (2 * e)
            let down = length(g) > 1e-4 ? -g / length(g) : (dir == .zero ? Vec2(1, 0) : dir)
            dir = normalize2(dir * 0.6 + down)
            let next = p + dir * 6
            if avoid(next) { break }
            p = next
            line.append(p)
            if ground(p.x, p.y) < WorldMap.seaLevel + 0.3 { return (line, nil, true) }
            if let lake = lakes.first(where: { length(p - $0.center) < $0.radius * 0.8 }) { return (line, lake, false) }
        }
        return (line, nil, false)
    }

    /// One round of Chaikin corner cutting (keeps the ends): smooths a walked line.
    static func smooth(_ line: [Vec2]) -> [Vec2] {
        guard line.count > 2 else { return line }
        var out = [line[0]]
        for i in 0..<(line.count - 1) {
            let a = line[i], b = line[i + 1]
            out.append(a * 0.75 + b * 0.25)
            out.append(a * 0.25 + b * 0.75)
        }
        out.append(line[line.count - 1])
        return out
    }
}
