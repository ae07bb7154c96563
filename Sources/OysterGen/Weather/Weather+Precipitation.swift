import OysterCore

/// Rain or snow as a looping field: one small tile mesh whose content is periodic in height
/// (one `period`), stacked in columns over the
/// ground the camera sees, and moved down by exactly one period over the loop so the wrap is seamless.
/// Far columns use the same tile scaled up (longer, wider, sparser streaks read at distance).
struct Precipitation: Sendable {
    enum Kind: Sendable { case rain, snow }

    let kind: Kind
    /// Horizontal side of one tile (metres, at band scale 1).
    let tile: Float
    /// Vertical period of the tile (metres, at band scale 1).
    let period: Float
    /// Seconds for the field to fall one period.
    let loop: Float
    /// Horizontal drift per metre of fall (wind slant).
    let wind: Vec2
    /// Streak or flake size (width, length) at band scale 1.
    let size: Vec2

    init(_ kind: Kind, seed: UInt64) {
        self.kind = kind
        var rng = PCG32(seed: seed ^ 0x3EA7_4E12)
        let ang = rng.nextFloat() * 2 * .pi
        switch kind {
        case .rain:
            tile = 8; period = 8; loop = 1
            wind = Vec2(kcos(ang), ksin(ang)) * rng.nextFloat(0.08, 0.16)
            size = Vec2(0.02, 0.9)
        case .snow:
            tile = 8; period = 8; loop = 8
            wind = Vec2(kcos(ang), ksin(ang)) * rng.nextFloat(0.1, 0.25)
            size = Vec2(0.065, 0.065)
        }
    }

    /// Snow's sideways sway (zero for rain) at loop fraction `t`: across the wind and back,
    /// zero at both ends of the loop so the wrap stays seamless.
    func sway(_ t: Float, phase: Float) -> Vec3 {
        guard kind == .snow else { return .zero }
        let side = Vec3(-wind.y, 0, wind.x) * (1 / max(length(wind), 1e-3))
        return side * (0.35 * (ksin((t + phase) * 2 * .pi) - ksin(phase * 2 * .pi)))
    }

    var surface: SurfaceKind { kind == .rain ? .rain : .snowflake }
    var name: String { kind == .rain ? "Rain" : "Snow" }
    /// One period of fall: straight down, so stacked tiles form upright columns that stay inside
    /// the view (the streaks themselves slant with the wind).
    var fall: Vec3 { Vec3(0, -period, 0) }
    /// Direction a streak points along: down and a little downwind.
    var slant: Vec3 { normalize(Vec3(wind.x, -1, wind.y)) }

    /// Distance bands from the camera (horizontal metres) and the tile scale used in each.
    static let bands: [(from: Float, to: Float, scale: Float)] = [(0, 30, 1), (30, 70, 2), (70, 150, 4)]
    /// Metres in front of the camera kept clear.
    static let near: Float = 8
    /// Rendered triangles the whole field may use.
    static let triangleBudget = 60_000

    // MARK: - Tile

    /// The tile mesh: `count` streaks (or flakes) with tops in [0, tile)² × [0, period), each a
    /// quad facing the camera's view direction. Stacked tiles (one period apart) therefore hold
    /// every streak exactly once: a streak hanging below its tile's floor fills the tile below.
    func tileMesh(count: Int, seed: UInt64, view: Vec3, up: Vec3) -> MeshBuilder {
        var b = MeshBuilder()
        var rng = PCG32(seed: seed)
        let dir = slant
        // Rain: quads stand along the fall direction, facing the camera horizontally.
        // Snow: round flakes facing the camera squarely.
        let flat = normalize(Vec3(view.x, 0, view.z))
        let across = kind == .rain ? normalize(cross(dir, flat)) : normalize(cross(view, up))
        var along = kind == .rain ? dir : normalize(cross(across, view))
        if along.y > 0 { along = along * -1 }  // hang every sprite below its top: tiles stay within their period
        for _ in 0..<count {
            let top = Vec3(rng.nextFloat() * tile, rng.nextFloat() * period, rng.nextFloat() * tile)
            let jitter = rng.nextFloat(0.7, 1.3)
            let w = size.x * jitter * 0.5
            let l = size.y * (kind == .rain ? rng.nextFloat(0.7, 1.3) : jitter)
            let p0 = top, p1 = top + along * l
            let n = normalize(cross(along, across))
            let facing = dot(n, view) < 0 ? n : n * -1
            // UV: u across the streak, v from its top (tail) to its bottom (head).
            let (a, bb, c, d) = (p0 - across * w, p0 + across * w, p1 + across * w, p1 - across * w)
            let uvs = (Vec2(0, 0), Vec2(1, 0), Vec2(1, 1), Vec2(0, 1))
            if dot(cross(c - a, d - bb), facing) >= 0 {
                b.addQuad(surface, a, bb, c, d, uvs: uvs)
            } else {
                b.addQuad(surface, d, c, bb, a, uvs: (uvs.3, uvs.2, uvs.1, uvs.0))
            }
        }
        return b
    }
}

// MARK: - Columns over the visible ground

/// One stack of tiles: where its lowest tile sits and how many tiles it holds.
struct PrecipitationColumn: Sendable {
    let band: Int
    let origin: Vec3
    let levels: Int
}

extension WeatherEffects {
    /// The camera's orthonormal basis (forward, right, up).
    var cameraBasis: (f: Vec3, r: Vec3, u: Vec3) {
        let f = normalize(target - eye)
        let r = normalize(cross(f, Vec3(0, 1, 0)))
        return (f, r, cross(r, f))
    }

    /// The frustum's inward side planes (through the eye) plus the near plane, widened by 10 %.
    var frustumPlanes: [Vec3] {
        let (f, r, u) = cameraBasis
        let tanV = ksin(yfov / 2) / kcos(yfov / 2) * 1.1
        let tanH = tanV * aspect
        return [f * tanH - r, f * tanH + r, f * tanV - u, f * tanV + u, f]
    }

    /// The heights on the vertical line through (x, z) that the camera sees, if any.
    /// `near` metres in front of the eye are left empty (streaks there would fill the frame).
    func visibleSpan(_ x: Float, _ z: Float, planes: [Vec3], near: Float = 0) -> (lo: Float, hi: Float)? {
        var lo = -Float.infinity, hi = Float.infinity
        let dx = x - eye.x, dz = z - eye.z
        for (i, n) in planes.enumerated() {
            let c = n.x * dx + n.z * dz - (i == planes.count - 1 ? near : 0)
            if abs(n.y) < 1e-6 {
                if c < 0 { return nil }
            } else if n.y > 0 {
                lo = max(lo, eye.y - c / n.y)
            } else {
                hi = min(hi, eye.y - c / n.y)
            }
        }
        return lo < hi ? (lo, hi) : nil
    }

    /// Columns of tiles covering what the camera sees from the ground up, out to the last band.
    func columns(_ p: Precipitation, ground: (Float, Float) -> Float) -> [PrecipitationColumn] {
        let planes = frustumPlanes
        var out: [PrecipitationColumn] = []
        for (bi, band) in Precipitation.bands.enumerated() {
            let side = p.tile * band.scale
            let reach = band.to + side
            let i0 = Int(((eye.x - reach) / side).rounded(.down)), i1 = Int(((eye.x + reach) / side).rounded(.up))
            let k0 = Int(((eye.z - reach) / side).rounded(.down)), k1 = Int(((eye.z + reach) / side).rounded(.up))
            for k in k0...k1 {
                for i in i0...i1 {
                    let x0 = Float(i) * side, z0 = Float(k) * side
                    let centre = Vec2(x0 + side / 2, z0 + side / 2)
                    // Each band owns a ring of distances; a quarter-cell overlap avoids gaps.
                    let d = length(centre - Vec2(eye.x, eye.z))
                    guard d >= band.from - side / 4 || bi == 0, d < band.to + side / 4 else { continue }
                    var lo = Float.infinity, hi = -Float.infinity, floor = Float.infinity
                    for sj in 0...2 {
                        for si in 0...2 {
                            let x = x0 + side * Float(si) / 2, z = z0 + side * Float(sj) / 2
                            floor = min(floor, ground(x, z))
                            guard let span = visibleSpan(x, z, planes: planes, near: Precipitation.near) else { continue }
                            lo = min(lo, span.lo)
                            hi = max(hi, span.hi)
                        }
                    }
                    guard hi > lo else { continue }
                    // Nothing above the sky the camera sees, nothing below the ground.
                    // The span between samples can reach a little further: keep a margin.
                    let margin = side * 0.2
                    let bottom = max(lo - margin, floor - 1)
                    let top = min(hi + margin, eye.y + 25 + d * 0.2)
                    guard top > bottom else { continue }
                    let period = p.period * band.scale
                    // The field falls one period over the loop: one extra level keeps the top covered.
                    let levels = Int(((top - bottom) / period).rounded(.up)) + 1
                    let origin = Vec3(x0, bottom, z0)
                    out.append(PrecipitationColumn(band: bi, origin: origin, levels: levels))
                }
            }
        }
        return out
    }

    // MARK: - Nodes

    func precipitation(_ kind: Precipitation.Kind, ground world: WeatherGround, into a: inout SceneAssembler) {
        let p = Precipitation(kind, seed: recipe.seed)
        // The world has no edge: columns go wherever the camera looks.
        let cols = columns(p, ground: { x, z in max(world.height(x, z), world.waterLevel(x, z) ?? -.infinity) })
        let instances = cols.reduce(0) { $0 + $1.levels }
        guard instances > 0 else { return }
        let perTile = max(16, min(kind == .rain ? 700 : 600, Precipitation.triangleBudget / (2 * instances)))
        let (f, _, u) = cameraBasis
        let tile = p.tileMesh(count: perTile, seed: recipe.seed ^ 0x7A11, view: f, up: u)
        guard let mesh = a.addMesh(tile, name: "\(p.name)Tile") else { return }
        let root = a.group(.weather)
        for (bi, band) in Precipitation.bands.enumerated() {
            let bandCols = cols.filter { $0.band == bi }
            guard !bandCols.isEmpty else { continue }
            let group = a.add(Node(name: "\(p.name)_Band\(bi + 1)"), under: root)
            // Falls exactly one (scaled) period per loop: the tiles' content repeats every period.
            // Snow also sways across the wind and back, each band in its own phase.
            let d = p.fall * band.scale
            let keys = kind == .snow ? 8 : 1
            var times: [Float] = [], values: [Float] = []
            for k in 0...keys {
                let t = Float(k) / Float(keys)
                // The last key is exactly one period down (no sway left), so the loop closes exactly.
                let v = d * t + (k == keys ? .zero : p.sway(t, phase: Float(bi) * 0.37) * band.scale)
                times.append(t * p.loop)
                values += [v.x, v.y, v.z]
            }
            a.animate(p.name, node: group, path: .translation, times: times, values: values)
            var n = 0
            for c in bandCols {
                for level in 0..<c.levels {
                    n += 1
                    let t = c.origin - d * Float(level)
                    let node = Node(name: "\(p.name)_Band\(bi + 1)_\(String(format3: n))",
                                    transform: .trs(translation: t, rotation: .identity, scale: Vec3(repeating: band.scale)),
                                    mesh: mesh)
                    a.add(node, under: group)
                }
            }
        }
    }
}
