import OysterCore

/// Ground mist: a few stacked, nearly horizontal sheets a few metres above a smoothed copy of
/// the ground (so they pool in valleys and sink under ridges) or above water, textured with a
/// tileable noise alpha, fading where they touch the ground or reach the edge, drifting slowly.
extension WeatherEffects {
    /// Metres of one texture repeat on the sheets.
    static let mistTextureScale: Float = 56

    /// Heights of the sheets above the smoothed ground, lowest first.
    var mistOffsets: [Float] { Array([1.2, 3.0, 5.5, 8.5].prefix(mistLayers)) }

    func mist(ground world: WeatherGround, into a: inout SceneAssembler) {
        // Cover the view: a square around the middle of the sight line.
        let side = min(recipe.size, 360)
        let mid = (Vec2(eye.x, eye.z) + Vec2(target.x, target.z)) * 0.5
        let cx = mid.x, cz = mid.y
        let cells = 56
        let step = side / Float(cells)
        let n = cells + 1
        var ground = [Float](repeating: 0, count: n * n)
        var water = [Float](repeating: -.infinity, count: n * n)
        for j in 0..<n {
            for i in 0..<n {
                let x = cx - side / 2 + Float(i) * step, z = cz - side / 2 + Float(j) * step
                ground[j * n + i] = world.height(x, z)
                if let w = world.waterLevel(x, z) { water[j * n + i] = w }
            }
        }
        // Smooth over about 25 m: valleys stay below the smoothed surface, ridges rise above it.
        let radius = max(1, Int((12 / step).rounded()))
        let smooth = Self.boxBlur(Self.boxBlur(ground, side: n, radius: radius), side: n, radius: radius)
        // Where mist gathers: hollows (ground below its smoothed surface), low ground and water.
        // Fog fills everything a little; lighter weather keeps to the valleys.
        let sorted = ground.sorted()
        let low = sorted[sorted.count / 4], high = sorted[sorted.count * 2 / 3]
        let everywhere: Float = recipe.weather == .fog ? 0.25 : 0.1
        var gather = [Float](repeating: 0, count: n * n)
        for k in 0..<(n * n) {
            let hollow = smoothstep(-0.5, 2.5, smooth[k] - ground[k])
            let lowland = 1 - smoothstep(low, max(high, low + 1), ground[k])
            let wet: Float = water[k] > ground[k] ? 1 : 0
            gather[k] = max(everywhere, hollow, lowland, wet)
        }
        // Thin where a sheet meets the ground, faded over the outer sixth.
        var rim = [Float](repeating: 0, count: n * n)
        for j in 0..<n {
            for i in 0..<n { rim[j * n + i] = smoothstep(0, Float(cells) / 6, Float(min(min(i, n - 1 - i), min(j, n - 1 - j)))) }
        }
        // Sheets stack up along a sight line, so each stays thin: the scene must read through.
        let strength: Float = recipe.weather == .fog ? 0.6 : 0.42
        var sheets: [(name: String, y: [Float], alpha: [Float])] = []
        for (li, offset) in mistOffsets.enumerated() {
            var ys = [Float](repeating: 0, count: n * n), alpha = ys
            for k in 0..<(n * n) {
                ys[k] = max(smooth[k], water[k]) + offset
                // Upper sheets thinner: the mist is densest low down.
                alpha[k] = smoothstep(0.2, 2.0, ys[k] - ground[k]) * rim[k] * gather[k] * (1 - 0.12 * Float(li)) * strength
            }
            sheets.append(("Mist_\(li + 1)", ys, alpha))
        }
        if recipe.weather == .overcast {
            // Low cloud: one level sheet just above the high ground, only where hills reach it.
            let level = sorted[sorted.count * 9 / 10] + 5
            let ys = [Float](repeating: level, count: n * n)
            let alpha = (0..<(n * n)).map { k in
                let clear = level - ground[k]
                return smoothstep(0.3, 2.5, clear) * (1 - smoothstep(6, 18, clear)) * rim[k]
            }
            sheets.append(("LowCloud", ys, alpha))
        }
        let root = a.group(.weather)
        let group = a.add(Node(name: "Mist"), under: root)
        for (li, sheet) in sheets.enumerated() {
            var b = MeshBuilder()
            var index = [Int32](repeating: -1, count: n * n)
            let ys = sheet.y, alpha = sheet.alpha
            let s = 1 / Self.mistTextureScale
            let shift = Vec2(Float(li) * 0.37, Float(li) * 0.61)
            for j in 0..<cells {
                for i in 0..<cells {
                    let quad = [j * n + i, j * n + i + 1, (j + 1) * n + i + 1, (j + 1) * n + i]
                    guard quad.contains(where: { alpha[$0] > 0.01 }) else { continue }
                    for k in quad where index[k] < 0 {
                        let x = cx - side / 2 + Float(k % n) * step, z = cz - side / 2 + Float(k / n) * step
                        b.color = Vec4(1, 1, 1, alpha[k])
                        index[k] = Int32(b.vertex(.mist, Vec3(x, ys[k], z), normal: Vec3(0, 1, 0), uv: Vec2(x * s + shift.x, z * s + shift.y)))
                    }
                    // Counter-clockwise seen from above: +z is towards the viewer of a top-down map.
                    let v = quad.map { UInt32(index[$0]) }
                    b.triangle(.mist, v[0], v[3], v[2])
                    b.triangle(.mist, v[0], v[2], v[1])
                }
            }
            guard let m = a.addMesh(b, name: sheet.name) else { continue }
            let node = a.add(Node(name: sheet.name, mesh: m), under: group)
            drift(node: node, layer: li, into: &a)
        }
    }

    /// A slow back-and-forth drift (a few metres, one loop per minute), each sheet its own way.
    func drift(node: Int, layer: Int, into a: inout SceneAssembler) {
        var rng = PCG32(seed: recipe.seed ^ 0xD81F7 &+ UInt64(layer))
        let ang = rng.nextFloat() * 2 * .pi
        let dir = Vec3(kcos(ang), 0, ksin(ang)) * (2.5 + 1.5 * Float(layer))
        let loop: Float = 48
        var times: [Float] = [], values: [Float] = []
        for k in 0...12 {
            let t = Float(k) / 12
            let v = dir * ksin(t * 2 * .pi)
            times.append(t * loop)
            values += [v.x, v.y, v.z]
        }
        a.animate("Mist", node: node, path: .translation, times: times, values: values)
    }

    /// Separable box blur of a square grid (edges clamp).
    static func boxBlur(_ v: [Float], side n: Int, radius r: Int) -> [Float] {
        var tmp = v, out = v
        for j in 0..<n {
            for i in 0..<n {
                var s: Float = 0
                for d in -r...r { s += v[j * n + min(max(i + d, 0), n - 1)] }
                tmp[j * n + i] = s / Float(2 * r + 1)
            }
        }
        for j in 0..<n {
            for i in 0..<n {
                var s: Float = 0
                for d in -r...r { s += tmp[min(max(j + d, 0), n - 1) * n + i] }
                out[j * n + i] = s / Float(2 * r + 1)
            }
        }
        return out
    }
}
