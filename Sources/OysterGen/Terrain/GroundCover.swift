import OysterCore

/// Which ground surfaces cover the terrain where: weights per sample for the ground kinds,
/// from height above water, slope, moisture noise, erosion deposits, roads and the biome
/// ("biomes from elevation × moisture").
struct GroundCover {
    /// The ground kinds of every world, in weight order.
    static let landKinds: [SurfaceKind] = [.grass, .dirt, .sand, .rock, .snow, .mud, .gravel]
    /// What a world with a volcano adds after them: its sand is black, its rock basalt, and
    /// ash lies on the cone.
    static let volcanicKinds: [SurfaceKind] = [.blackSand, .ash, .basalt]

    struct Sample {
        var height: Float
        /// Rise over run.
        var slope: Float
        /// Height above the nearest water surface (∞ without water).
        var aboveWater: Float
        var deposit: Float
        /// 1 on a road, 0 off it.
        var road: Float
        var x: Float
        var z: Float
        /// 1 on a town's paving (its streets, pavements and square), 0 off it: laid stone,
        /// which reads as gravel rather than a country road's dirt.
        var paved: Float = 0
    }

    let biome: Biome
    /// Falling snow, or winter, lays snow on flat ground whatever the biome.
    let snowing: Bool
    /// Winter's snow lies on the beaches of its frozen lakes too.
    let winter: Bool
    let shape: TerrainShape
    let moisture: Fractal
    let patches: Fractal
    /// The world's volcano, if any: then `kinds` has the volcanic kinds too.
    let volcano: Volcano?
    /// This world's ground kinds, in weight order.
    let kinds: [SurfaceKind]

    init(recipe: Recipe, shape: TerrainShape, volcano: Volcano? = nil) {
        self.volcano = volcano
        kinds = volcano == nil ? GroundCover.landKinds : GroundCover.landKinds + GroundCover.volcanicKinds
        biome = recipe.biome
        snowing = recipe.weather == .snow || recipe.season == .winter
        winter = recipe.season == .winter
        self.shape = shape
        moisture = Fractal(seed: recipe.seed ^ 0x3015, octaves: 4)
        patches = Fractal(seed: recipe.seed ^ 0x9A7C, octaves: 3)
    }

    /// Height above which snow lies, for a biome on this landform.
    func snowline(_ b: Biome) -> Float {
        switch b {
        case .alpine: return shape.base + shape.amplitude * 0.45
        case .tundra: return shape.base + shape.amplitude * 0.6
        default: return shape.landform == .mountains ? (shape.base + shape.amplitude) * 0.78 : .infinity
        }
    }

    /// The recipe biome's snowline.
    var snowline: Float { snowline(biome) }

    /// Weights (not normalised) in `kinds` order, for the recipe's biome.
    func weights(_ s: Sample) -> [Float] { weights(s, biome: biome) }

    /// Weights (not normalised) in `kinds` order, for the biome at the sample (far biomes).
    func weights(_ s: Sample, biome: Biome) -> [Float] {
        let snowline = self.snowline(biome)
        let m = moisture.fbm(s.x / 70, s.z / 70)
        let p = patches.fbm(s.x / 14, s.z / 14)
        let steep = smoothstep(0.55, 0.95, s.slope + p * 0.2)
        let bare = smoothstep(0.3, 0.55, s.slope + p * 0.25) * 0.7
        let shore = smoothstep(1.6, 0.3, s.aboveWater)
        let snow = !snowline.isFinite ? 0 : smoothstep(snowline - 4 + p * 6, snowline + 4 + p * 6, s.height) * (1 - smoothstep(0.9, 1.4, s.slope))
        var grass: Float = 1, dirt = smoothstep(0.15, 0.55, p - m * 0.3) * 0.9 + smoothstep(0.15, 0.8, s.deposit) * 1.2 + bare * 0.9
        var sand = shore * 2, rock = steep * 3, snowW = snow * 4
        var mud: Float = 0, gravel = smoothstep(0.5, 1.5, s.deposit) * 1.4
        switch biome {
        case .temperate: break
        case .alpine:
            grass = 0.8
            gravel += steep * 0.6 + smoothstep(0.3, 0.6, p) * 0.4
            sand *= 0.3
            gravel += shore
        case .desert:
            grass = 0.05 + smoothstep(0.4, 0.8, m) * 0.5
            sand = 1.5
            dirt *= 0.5
            gravel += smoothstep(0.25, 0.6, p) * 0.8
        case .tropical:
            grass = 1.1
            sand = smoothstep(2.6, 0.4, s.aboveWater) * 3
        case .tundra:
            grass = 0.7
            gravel += smoothstep(0.1, 0.5, p) * 0.9
            snowW = max(snowW, smoothstep(0.2, 0.6, m + p * 0.5) * 1.4)
            sand *= 0.3
        case .swamp:
            mud = 0.6 + smoothstep(-0.2, 0.4, m) * 1.2 + shore * 2
            grass = 0.9
            sand = 0
        }
        if s.road > 0 {
            let roadKind: Float = s.road * 6
            if biome == .alpine || biome == .tundra || biome == .desert { gravel += roadKind } else { dirt += roadKind }
            grass *= 1 - s.road
        }
        if s.paved > 0 {
            gravel += s.paved * 9
            dirt *= 1 - s.paved
            grass *= 1 - s.paved
        }
        grass *= (1 - steep) * (1 - 0.6 * bare)
        if snowing { snowW = max(snowW, (1 - steep) * (1.2 + p)) }
        if winter, s.aboveWater >= 0 { sand *= 0.3 }
        if s.aboveWater < 0 { sand += 1.5; grass *= 0.2 }
        guard let volcano else { return [grass, dirt, sand, rock, snowW, mud, gravel] }
        // Volcanic land: every beach is black sand and every outcrop basalt; ash lies round
        // the cone and covers it, basalt breaks through on its steep upper slopes, and plants
        // give out a little way up.
        let up = volcano.upness(s.x, s.z), near = volcano.nearness(s.x, s.z)
        let ash = near * (0.2 + 0.4 * smoothstep(-0.3, 0.3, p)) + up * 3.5
        let basalt = rock * 0.5 + smoothstep(0.45, 0.85, up + p * 0.3) * (3.5 + 2 * steep)
        grass *= 1 - smoothstep(0.12, 0.4, up + p * 0.1)
        dirt *= 1 - 0.8 * near
        return [grass, dirt, 0, 0, snowW, mud, gravel, sand, ash, basalt]
    }
}
