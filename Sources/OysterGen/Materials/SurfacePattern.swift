import OysterCore

/// The procedural look of one surface kind: a function from tile coordinates (u, v in 0…1) to
/// a texel, built only from periodic noise and block layouts so every texture tiles.
struct SurfacePattern {
    let kind: SurfaceKind
    let biome: Biome
    let season: Season
    let albedo: Vec3
    let seed: UInt32
    let f4: Fractal, f8: Fractal, f16: Fractal
    let grainH: Fractal, grainV: Fractal
    let cells5: CellularNoise, cells12: CellularNoise, cells24: CellularNoise

    init(kind: SurfaceKind, biome: Biome, season: Season, seed: UInt64) {
        self.kind = kind
        self.biome = biome
        self.season = season
        albedo = Palette.albedo(kind, biome, season)
        let s = seed ^ PositionHash.string(kind.rawValue)
        self.seed = UInt32(truncatingIfNeeded: s >> 7)
        f4 = Fractal(seed: s ^ 1, octaves: 5, period: 4)
        f8 = Fractal(seed: s ^ 2, octaves: 4, period: 8)
        f16 = Fractal(seed: s ^ 3, octaves: 3, period: 16)
        grainH = Fractal(seed: s ^ 4, octaves: 4, gain: 0.55, periodX: 2, periodY: 24)
        grainV = Fractal(seed: s ^ 5, octaves: 4, gain: 0.55, periodX: 24, periodY: 2)
        cells5 = CellularNoise(seed: s ^ 6, period: 5)
        cells12 = CellularNoise(seed: s ^ 7, period: 12)
        cells24 = CellularNoise(seed: s ^ 8, period: 24)
    }

    /// Strength of the normal map (slope of the height in tile units).
    var bump: Float {
        switch kind {
        case .brick, .stoneWall, .cobblestone, .dungeonWall, .dungeonFloor, .roofTiles, .slate: return 10
        case .rock, .gravel, .bark, .thatch: return 8
        case .water, .ice: return 1.5
        case .glass, .gold, .metal, .fire, .plaster: return 1.5
        case .snow, .sand, .mud, .blackSand, .ash: return 3
        case .basalt: return 8
        case .lava: return 4
        case .ashlar, .mortar: return 6
        case .bone, .wax: return 2
        case .skin: return 1
        case .fabric, .hair, .leather, .crop: return 3
        default: return 5
        }
    }

    func texel(_ u: Float, _ v: Float) -> Texel {
        let a = albedo
        let r = Palette.roughness(kind)
        switch kind {
        case .grass, .grassBlades:
            let base = f4.fbm(u * 4, v * 4)
            let blades = grainV.fbm(u * 24, v * 2) * 0.6 + f16.fbm(u * 16, v * 16) * 0.4
            var c = a * (0.8 + 0.35 * blades) * (0.9 + 0.25 * base)
            c += Vec3(0.08, 0.06, -0.02) * smoothstep(0.2, 0.6, base)
            if kind == .grass, season == .spring { c = springFlowers(c, u, v) }
            return Texel(color: c, height: 0.5 + 0.5 * blades, roughness: r, occlusion: 0.8 + 0.2 * blades)
        case .dirt, .mud:
            let base = f8.fbm(u * 8, v * 8)
            let c24 = cells24.sample(u * 24, v * 24)
            let pebble = smoothstep(0.42, 0.25, c24.f1) * (kind == .mud ? 0.3 : 1)
            var c = a * (0.85 + 0.3 * base)
            c = mix(c, a * 1.35 + Vec3(0.05, 0.05, 0.05) * (c24.id - 0.5), pebble * 0.7)
            var rough = r
            if kind == .mud, base < -0.15 { c *= 0.75; rough = 0.25 }
            return Texel(color: c, height: 0.4 + 0.3 * base + pebble * 0.4 * (1 - c24.f1), roughness: rough, occlusion: 0.85 + 0.15 * pebble)
        case .sand:
            let ripple = Fractal.ridgedValue(grainH, u * 2 + f4.fbm(u * 4, v * 4) * 0.3, v * 24)
            let grain = unitHash(PositionHash.lattice(seed, Int32(u * 4096), Int32(v * 4096)))
            let c = a * (0.9 + 0.12 * ripple + 0.08 * (grain - 0.5))
            return Texel(color: c, height: ripple * 0.7 + grain * 0.1, roughness: r)
        case .rock:
            let cell = cells5.sample(u * 5, v * 5)
            let crack = smoothstep(0.0, 0.09, cell.f2 - cell.f1)
            let layer = f4.fbm(u * 4, v * 4)
            let fine = f16.fbm(u * 16, v * 16)
            var c = a * (0.72 + 0.35 * layer + 0.12 * fine + 0.12 * (cell.id - 0.5))
            if biome == .temperate || biome == .swamp || biome == .tropical {
                c = mix(c, Vec3(0.30, 0.38, 0.18), smoothstep(0.35, 0.6, f8.fbm(u * 8 + 3, v * 8)) * 0.5)
            }
            c *= 0.55 + 0.45 * crack
            return Texel(color: c, height: 0.25 + 0.45 * crack * (0.6 + 0.4 * layer) + 0.15 * fine, roughness: r, occlusion: 0.6 + 0.4 * crack)
        case .snow:
            let n = f4.fbm(u * 4, v * 4)
            let sparkle = unitHash(PositionHash.lattice(seed, Int32(u * 2048), Int32(v * 2048))) > 0.985 ? Float(0.08) : 0
            let c = a * (0.95 + 0.05 * n) - Vec3(0.05, 0.03, 0) * (0.5 - 0.5 * n) + Vec3(repeating: sparkle)
            return Texel(color: c, height: 0.5 + 0.5 * n, roughness: r)
        case .gravel, .cobblestone:
            let cell = kind == .gravel ? cells24.sample(u * 24, v * 24) : cells5.sample(u * 5, v * 5)
            let gap = smoothstep(0.0, kind == .gravel ? 0.2 : 0.1, cell.f2 - cell.f1)
            let dome = clamp(1 - cell.f1 * 1.3, 0, 1)
            let c = a * (0.7 + 0.5 * cell.id) * (0.45 + 0.55 * gap) * (0.9 + 0.2 * f8.fbm(u * 8, v * 8))
            return Texel(color: c, height: gap * (0.4 + 0.6 * dome), roughness: r, occlusion: 0.5 + 0.5 * gap)
        case .water:
            let n = f4.fbm(u * 4, v * 4) * 0.6 + f16.fbm(u * 16, v * 16) * 0.4
            return Texel(color: a * (0.9 + 0.2 * n), height: 0.5 + 0.5 * n, roughness: r)
        case .ice:
            // Clear dark ice with white pressure cracks (cell borders) and frosted patches.
            let cell = cells5.sample(u * 5 + f8.fbm(u * 8, v * 8) * 0.15, v * 5)
            // Only some borders crack: the sheet reads as one surface, not as paving.
            let crack = (1 - smoothstep(0.0, 0.03, cell.f2 - cell.f1)) * smoothstep(0.3, 0.6, f4.fbm(u * 4 + 2, v * 4 + 5))
            let frost = smoothstep(0.1, 0.6, f4.fbm(u * 4 + 7, v * 4))
            var c = a * (0.62 + 0.1 * f16.fbm(u * 16, v * 16))
            c = mix(c, Vec3(0.93, 0.96, 0.98), max(crack * 0.85, frost * 0.55))
            return Texel(color: c, height: 0.6 - crack * 0.4 + frost * 0.1, roughness: r * (0.5 + frost), occlusion: 1)
        case .bark:
            let fissure = Fractal.ridgedValue(grainV, u * 24 + f8.fbm(u * 8, v * 8) * 0.8, v * 2)
            let c = a * (0.55 + 0.6 * (1 - fissure)) * (0.9 + 0.2 * f16.fbm(u * 16, v * 16))
            return Texel(color: c, height: 1 - fissure, roughness: r, occlusion: 0.6 + 0.4 * (1 - fissure))
        case .birchBark:
            // White bark with dark horizontal lenticels.
            let marks = smoothstep(0.55, 0.8, Fractal.ridgedValue(grainH, u * 2 + f8.fbm(u * 8, v * 8) * 0.3, v * 24))
            let patch = smoothstep(0.3, 0.6, f4.fbm(u * 4, v * 4))
            let c = mix(a, Vec3(0.12, 0.11, 0.10), max(marks * 0.85, patch * 0.5))
            return Texel(color: c, height: 1 - marks * 0.6, roughness: r, occlusion: 1 - marks * 0.3)
        case .leaves, .bushLeaves, .needles, .palmLeaves, .flowers, .blossom:
            let cell = kind == .needles ? cells24.sample(u * 24, v * 24) : cells12.sample(u * 12, v * 12)
            let edge = smoothstep(0.0, 0.15, cell.f2 - cell.f1)
            var c = a * (0.7 + 0.6 * cell.id) * (0.6 + 0.4 * edge)
            if kind == .needles { c *= 0.85 + 0.3 * grainV.fbm(u * 24, v * 2) }
            if kind == .palmLeaves { c *= 0.85 + 0.3 * grainH.fbm(u * 2, v * 24) }
            if kind == .flowers {
                let petals: [Vec3] = [Vec3(0.95, 0.85, 0.2), Vec3(0.95, 0.95, 0.95), Vec3(0.7, 0.3, 0.8), Vec3(0.9, 0.25, 0.2)]
                let p = petals[Int(cell.id * 3.99)]
                let dot = smoothstep(0.28, 0.18, cell.f1)
                c = mix(Palette.albedo(.grass, biome, season) * (0.8 + 0.3 * edge), p, dot)
            }
            return Texel(color: c, height: edge * (1 - cell.f1), roughness: r, occlusion: 0.55 + 0.45 * edge)
        case .brick, .stoneWall, .dungeonWall, .dungeonFloor:
            let layout: BlockLayout
            switch kind {
            case .brick: layout = BlockLayout(rows: 12, cols: 4, mortar: 0.012, stagger: true)
            case .stoneWall: layout = BlockLayout(rows: 4, cols: 3, mortar: 0.02, stagger: true)
            case .dungeonWall: layout = BlockLayout(rows: 4, cols: 2, mortar: 0.018, stagger: true)
            default: layout = BlockLayout(rows: 2, cols: 2, mortar: 0.015, stagger: true)
            }
            let wobble = f16.fbm(u * 16, v * 16) * 0.012
            let b = layout.sample(u + wobble, v - wobble, seed: seed)
            let shade = 0.78 + 0.35 * unitHash(b.id)
            let n = f8.fbm(u * 8, v * 8)
            var c = a * shade * (0.88 + 0.2 * n)
            let mortarColor = kind == .brick ? Vec3(0.72, 0.70, 0.64) : a * 0.45
            c = mix(mortarColor, c, b.inside)
            if kind == .dungeonWall || kind == .stoneWall {
                let moss = smoothstep(0.3, 0.7, f4.fbm(u * 4 + 7, v * 4)) * (kind == .dungeonWall ? 0.25 : 0.35)
                c = mix(c, Vec3(0.26, 0.34, 0.16), moss)
            }
            let h = b.inside * (0.7 + 0.3 * n)
            return Texel(color: c, height: h, roughness: r, occlusion: 0.55 + 0.45 * b.inside)
        case .woodPlanks, .door, .timber:
            let vertical = kind == .door
            let pu = vertical ? v : u, pv = vertical ? u : v
            let planks = BlockLayout(rows: kind == .timber ? 1 : 5, cols: 1, mortar: 0.006, stagger: false)
            let b = planks.sample(pu, pv, seed: seed)
            let grain = grainH.fbm(pu * 2, pv * 24)
            let ring = Fractal.ridgedValue(grainH, pu * 2 + 0.3, pv * 24 + grain)
            let c = a * (0.75 + 0.3 * unitHash(b.id)) * (0.85 + 0.2 * grain + 0.1 * ring) * (0.35 + 0.65 * b.inside)
            return Texel(color: c, height: b.inside * (0.8 + 0.2 * ring), roughness: r, occlusion: 0.5 + 0.5 * b.inside)
        case .roofTiles, .slate:
            let layout = kind == .roofTiles ? BlockLayout(rows: 6, cols: 5, mortar: 0.006, stagger: true)
                : BlockLayout(rows: 8, cols: 6, mortar: 0.004, stagger: true)
            let b = layout.sample(u, v, seed: seed)
            let across = kind == .roofTiles ? 1 - (2 * b.fu - 1) * (2 * b.fu - 1) : 1
            let lip = smoothstep(0.0, 0.25, 1 - b.fv) // shadow under the row above
            let c = a * (0.8 + 0.3 * unitHash(b.id)) * (0.55 + 0.45 * lip) * (0.85 + 0.15 * across) * (0.9 + 0.15 * f8.fbm(u * 8, v * 8))
            return Texel(color: c, height: b.inside * (0.4 + 0.4 * across) * (0.4 + 0.6 * b.fv), roughness: r, occlusion: 0.5 + 0.5 * lip)
        case .thatch:
            let straw = grainV.fbm(u * 24 + f8.fbm(u * 8, v * 8) * 0.2, v * 2)
            let rows = BlockLayout(rows: 4, cols: 1, mortar: 0.01, stagger: false).sample(u, v, seed: seed)
            let c = a * (0.75 + 0.4 * straw) * (0.55 + 0.45 * rows.fv)
            return Texel(color: c, height: 0.5 + 0.4 * straw + 0.1 * rows.fv, roughness: r, occlusion: 0.6 + 0.4 * rows.fv)
        case .plaster:
            let n = f8.fbm(u * 8, v * 8), stain = smoothstep(0.2, 0.7, f4.fbm(u * 4, v * 4 + 2))
            let c = a * (0.93 + 0.07 * n) * (1 - 0.15 * stain)
            return Texel(color: c, height: 0.5 + 0.3 * n, roughness: r)
        case .glass:
            let n = f4.fbm(u * 4, v * 4)
            return Texel(color: a * (0.9 + 0.1 * n), height: 0.5, roughness: r)
        case .metal, .gold:
            let brushed = grainH.fbm(u * 2, v * 24)
            return Texel(color: a * (0.88 + 0.12 * brushed), height: 0.5 + 0.1 * brushed, roughness: r + 0.1 * brushed)
        case .cloth, .fabric:
            let tu = (u * 64).truncatingRemainder(dividingBy: 1), tv = (v * 64).truncatingRemainder(dividingBy: 1)
            let weave: Float = ((tu < 0.5) != (tv < 0.5)) ? 1 : 0.7
            return Texel(color: a * weave * (0.85 + 0.2 * f8.fbm(u * 8, v * 8)), height: weave, roughness: r)
        case .fire:
            let n = f4.fbm(u * 4, v * 4)
            return Texel(color: mix(Vec3(1, 0.35, 0.05), Vec3(1, 0.85, 0.3), 0.5 + 0.5 * n), height: 0.5, roughness: 1)
        // MARK: Weather: the real RGBA textures come from WeatherTextures;
        // this flat texel only serves callers that bake every kind.
        case .rain, .snowflake, .mist, .smoke:
            return Texel(color: a, height: 0.5, roughness: r)
        // MARK: Volcanic land
        case .blackSand:
            // Sand's ripples, with glinting grains of glassy basalt.
            let ripple = Fractal.ridgedValue(grainH, u * 2 + f4.fbm(u * 4, v * 4) * 0.3, v * 24)
            let grain = unitHash(PositionHash.lattice(seed, Int32(u * 4096), Int32(v * 4096)))
            let c = a * (0.85 + 0.2 * ripple + 0.25 * smoothstep(0.85, 1, grain))
            return Texel(color: c, height: ripple * 0.7 + grain * 0.1, roughness: r - 0.25 * smoothstep(0.9, 1, grain))
        case .ash:
            // Soft grey ash drifted over dark cinders.
            let drift = f8.fbm(u * 8, v * 8), fine = f16.fbm(u * 16, v * 16)
            let cinder = smoothstep(0.3, 0.12, cells24.sample(u * 24, v * 24).f1) * smoothstep(0.1, -0.3, drift)
            let c = mix(a * (0.85 + 0.25 * drift + 0.08 * fine), Vec3(0.12, 0.11, 0.11), cinder * 0.8)
            return Texel(color: c, height: 0.45 + 0.25 * drift + 0.3 * cinder, roughness: r, occlusion: 0.85 + 0.15 * (1 - cinder))
        case .basalt:
            // Columnar joints: polygonal cells with dark cracks, no moss.
            let cell = cells5.sample(u * 5, v * 5)
            let crack = smoothstep(0.0, 0.07, cell.f2 - cell.f1)
            let fine = f16.fbm(u * 16, v * 16)
            let c = a * (0.75 + 0.35 * (cell.id - 0.5) + 0.2 * fine) * (0.45 + 0.55 * crack)
            return Texel(color: c, height: 0.3 + 0.5 * crack + 0.15 * fine, roughness: r, occlusion: 0.55 + 0.45 * crack)
        case .lava:
            // Glowing melt between plates of dark, cooling crust.
            let cell = cells5.sample(u * 5 + f4.fbm(u * 4, v * 4) * 0.3, v * 5)
            let melt = 1 - smoothstep(0.02, 0.16, cell.f2 - cell.f1)
            let heat = 0.5 + 0.5 * f8.fbm(u * 8, v * 8)
            let crust = Vec3(0.22, 0.08, 0.04) * (0.8 + 0.4 * heat)
            let glow = mix(Vec3(0.95, 0.25, 0.03), Vec3(1.0, 0.78, 0.25), heat)
            return Texel(color: mix(crust, glow, max(melt, 0.35 * heat)), height: 0.6 - 0.4 * melt, roughness: r)
        // MARK: Dungeon kit
        case .ashlar:
            // Dressed stone face: no painted joints (the blocks are geometry), but pitting,
            // tool marks, mineral stains and a little damp moss.
            let n = f8.fbm(u * 8, v * 8), fine = f16.fbm(u * 16, v * 16)
            let cell = cells12.sample(u * 12, v * 12)
            let pit = smoothstep(0.16, 0.04, cell.f1) * 0.5
            let marks = Fractal.ridgedValue(grainH, u * 2 + n * 0.2, v * 24) * 0.12
            var c = a * (0.82 + 0.22 * n + 0.08 * fine - 0.2 * pit - marks * 0.5)
            let stain = smoothstep(0.25, 0.65, f4.fbm(u * 4 + 3, v * 4)) * 0.3
            c = mix(c, Vec3(0.28, 0.26, 0.22), stain)
            c = mix(c, Vec3(0.24, 0.30, 0.15), smoothstep(0.45, 0.8, f4.fbm(u * 4 + 9, v * 4 + 1)) * 0.3)
            return Texel(color: c, height: 0.6 + 0.25 * n + 0.1 * fine - pit * 0.5 - marks, roughness: r, occlusion: 1 - pit * 0.6)
        case .mortar:
            let n = f16.fbm(u * 16, v * 16), cell = cells24.sample(u * 24, v * 24)
            let grit = smoothstep(0.3, 0.1, cell.f1)
            return Texel(color: a * (0.8 + 0.3 * n + 0.4 * grit * (cell.id - 0.3)), height: 0.4 + 0.3 * n + 0.3 * grit, roughness: r, occlusion: 0.6 + 0.3 * n)
        case .bone:
            let n = f8.fbm(u * 8, v * 8), pores = smoothstep(0.08, 0.02, cells24.sample(u * 24, v * 24).f1)
            let c = a * (0.85 + 0.15 * n) * (1 - 0.3 * pores) - Vec3(0.0, 0.02, 0.06) * smoothstep(0.2, 0.7, f4.fbm(u * 4, v * 4))
            return Texel(color: c, height: 0.6 + 0.2 * n - 0.3 * pores, roughness: r, occlusion: 1 - 0.3 * pores)
        case .wax:
            let drip = grainV.fbm(u * 24, v * 2)
            return Texel(color: a * (0.92 + 0.08 * drip), height: 0.5 + 0.3 * drip, roughness: r)
        // MARK: Characters: light detail under the vertex colours
        case .skin:
            let n = f16.fbm(u * 16, v * 16)
            return Texel(color: a * (0.95 + 0.05 * n), height: 0.5 + 0.1 * n, roughness: r)
        case .hair:
            let strands = grainV.fbm(u * 24, v * 2)
            return Texel(color: a * (0.72 + 0.3 * strands), height: 0.5 + 0.4 * strands, roughness: r, occlusion: 0.8 + 0.2 * strands)
        case .leather:
            let n = f8.fbm(u * 8, v * 8), crease = smoothstep(0.06, 0.0, cells12.sample(u * 12, v * 12).f2 - cells12.sample(u * 12, v * 12).f1)
            return Texel(color: a * (0.86 + 0.12 * n - 0.12 * crease), height: 0.6 + 0.2 * n - 0.3 * crease, roughness: r)
        // MARK: A field's crop: upright stalks and leaf veins under the vertex colour
        case .crop:
            let stalks = grainV.fbm(u * 32, v * 3), n = f8.fbm(u * 8, v * 8)
            return Texel(color: a * (0.76 + 0.2 * stalks + 0.06 * n), height: 0.5 + 0.4 * stalks, roughness: r, occlusion: 0.8 + 0.2 * stalks)
        }
    }
}

extension SurfacePattern {
    /// Spring grass: small flowers (daisy white, buttercup yellow, violet) dotted over some
    /// cells of a 12-per-tile lattice, so a meadow reads as in flower from afar too.
    func springFlowers(_ grass: Vec3, _ u: Float, _ v: Float) -> Vec3 {
        let cell = cells12.sample(u * 12, v * 12)
        guard cell.id > 0.45 else { return grass }
        let colours = [Vec3(0.97, 0.96, 0.92), Vec3(0.98, 0.86, 0.22), Vec3(0.72, 0.56, 0.90), Vec3(0.97, 0.96, 0.92)]
        let petal = colours[min(3, Int((cell.id - 0.45) / 0.55 * 4))]
        return mix(grass, petal, smoothstep(0.2, 0.12, cell.f1))
    }
}

extension Fractal {
    /// Ridged value of a fractal at a point (convenience for stretched patterns).
    static func ridgedValue(_ f: Fractal, _ x: Float, _ y: Float) -> Float { f.ridged(x, y) }
}
