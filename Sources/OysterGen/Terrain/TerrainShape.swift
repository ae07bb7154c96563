/// The height of one landform as a pure function of world position: warped, eroded-looking
/// (derivative-damped) fBm, ridges, dunes, mesas. `WorldTerrain` blends landforms over
/// distance and adds the home valley and the coast; every region of the world samples that.
public struct TerrainShape: Sendable {
    public enum Landform: String, Sendable { case hills, mountains, plains, canyon, dunes }

    public let landform: Landform
    /// Vertical scale in metres.
    public let amplitude: Float
    /// Height every landform sits on, so land stays above sea level (0).
    public let base: Float
    let warp: DomainWarp
    let broad: Fractal
    let ridge: Fractal
    let detail: Fractal
    let mask: Fractal

    public init(recipe: Recipe, landform override: Landform? = nil) {
        let s = recipe.seed
        let form = override ?? TerrainShape.landform(of: recipe)
        landform = form
        // A far-off landform (override) keeps the default scale; the recipe sizes its own.
        let feature = override == nil ? recipe.features.first { $0.kind.isLandform } : nil
        let size = feature?.size ?? feature?.density ?? 0.5
        let scale: Float = 0.6 + size * 0.8
        switch form {
        case .hills: amplitude = 30 * scale
        case .mountains: amplitude = (recipe.biome == .alpine ? 70 : 55) * scale
        case .plains: amplitude = 4 * scale
        case .canyon: amplitude = 26 * scale
        case .dunes: amplitude = 7 * scale
        }
        base = 4
        warp = DomainWarp(seed: s ^ 0x3A11, octaves: 3, strength: 0.55)
        broad = Fractal(seed: s ^ 0xB0AD, octaves: 6, gain: 0.5)
        ridge = Fractal(seed: s ^ 0x21D6, octaves: 5, gain: 0.5)
        detail = Fractal(seed: s ^ 0xDE7A, octaves: 3, gain: 0.5)
        mask = Fractal(seed: s ^ 0x3A5C, octaves: 2, gain: 0.5)
    }

    /// The landform a recipe asks for (hills by default; dunes for a desert's hills or plains).
    public static func landform(of recipe: Recipe) -> Landform {
        let kinds = recipe.features.map(\.kind)
        var form: Landform = kinds.contains(.mountains) ? .mountains : kinds.contains(.canyon) ? .canyon
            : kinds.contains(.plains) ? .plains : .hills
        if recipe.biome == .desert, form == .hills || form == .plains { form = .dunes }
        return form
    }

    /// Ground height in metres at world (x, z).
    public func height(_ x: Float, _ z: Float) -> Float {
        let (wx, wz) = warp.warp(x * (1 / 160), z * (1 / 160))
        let fine = detail.fbm(x * (1 / 9), z * (1 / 9)) * 0.35
        switch landform {
        case .hills:
            let e = broad.eroded(wx, wz, damping: 1.2)
            return base + amplitude * (0.55 + e) + fine
        case .mountains:
            let r = ridge.ridged(wx * 0.8, wz * 0.8)
            let e = broad.eroded(wx * 1.3, wz * 1.3, damping: 1.5)
            let m = smooth(-0.2, 0.5, mask.fbm(x * (1 / 400), z * (1 / 400)))
            return base + amplitude * (r * r * (0.5 + 0.9 * m) + 0.25 * (e + 0.5)) + fine * 1.5
        case .plains:
            return base + amplitude * (0.5 + broad.fbm(wx, wz)) + fine * 0.5
        case .canyon:
            let c = abs(mask.fbm(x * (1 / 260) + wx * 0.15, z * (1 / 260)))
            let cut = 1 - smooth(0.03, 0.14, c)
            var plateau = amplitude * (0.75 + 0.25 * broad.eroded(wx, wz))
            // Terraces: soft steps every 4 m read as layered sediment.
            let step: Float = 4
            let q = (plateau / step).rounded(.down)
            let f = plateau / step - q
            plateau = (q + f * f * f * (f * (f * 6 - 15) + 10)) * step
            return base + plateau * (1 - 0.85 * cut) + fine
        case .dunes:
            let d = ridge.ridged(wx * 2.2 + 0.3 * wz, wz * 1.1)
            return base + amplitude * (0.3 + d * 0.9 + 0.2 * broad.fbm(wx, wz)) + fine * 0.3
        }
    }

    func smooth(_ a: Float, _ b: Float, _ x: Float) -> Float {
        let t = min(max((x - a) / (b - a), 0), 1)
        return t * t * (3 - 2 * t)
    }
}

func smoothstep(_ a: Float, _ b: Float, _ x: Float) -> Float {
    let t = min(max((x - a) / (b - a), 0), 1)
    return t * t * (3 - 2 * t)
}
