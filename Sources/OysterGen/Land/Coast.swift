import OysterCore

/// Where land meets the sea, as a pure function of world position: a signed "landness" in
/// metres (positive inland, negative offshore) and the ground shaping it implies. A prompt's
/// sea lies beside the home valley (or all round a tropical island); a world without one has
/// land for kilometres, with a rare far-off sea so a long walk can still reach a coast.
struct Coast: Sendable {
    enum Kind: Sendable, Equatable {
        case inland
        /// The sea lies towards this unit direction, a third of the home half-width out.
        case side(Vec2)
        /// Sea all round the home island, more islands far out.
        case island
    }

    let kind: Kind
    /// Half the side of the home region (recipe size / 2).
    let half: Float
    let shoreline: Fractal
    let far: Fractal

    init(kind: Kind, half: Float, seed: UInt64) {
        self.kind = kind
        self.half = half
        shoreline = Fractal(seed: seed ^ StableSeed.of("coast/shoreline"), octaves: 4)
        far = Fractal(seed: seed ^ StableSeed.of("coast/far"), octaves: 3)
    }

    /// Landness without the shoreline's wobble (±60 m at most), when that is enough to know
    /// a point is far inland; nil near a coast or round an island. Skips the costliest noise
    /// for almost every point of an inland world.
    func surelyInland(_ x: Float, _ z: Float, by margin: Float) -> Bool {
        let p = Vec2(x, z)
        switch kind {
        case .side(let s): return half * 0.35 - dot(p, s) - 45 > margin
        case .inland:
            let broad = 1400 + 2600 * far.fbm(x * (1 / 7000), z * (1 / 7000))
            return broad + max(0, 3000 - length(p)) - 60 > margin
        case .island: return false
        }
    }

    /// Signed distance-like landness: 0 on the mean shoreline, metres inland (+) or out (-).
    func landness(_ x: Float, _ z: Float) -> Float {
        let p = Vec2(x, z)
        let wobble = shoreline.fbm(x * (1 / 220), z * (1 / 220))
        switch kind {
        case .side(let s):
            return half * 0.35 - dot(p, s) + 45 * wobble
        case .island:
            let home = half * 0.62 - length(p) + 30 * wobble
            // Far islands: where the broad noise rises, land breaks the surface again.
            let archipelago = 900 * far.fbm(x * (1 / 2600), z * (1 / 2600)) - 420 + 40 * wobble
            return max(home, min(archipelago, length(p) - half * 1.6))
        case .inland:
            // Land for kilometres round home; a far-off sea where the broad noise dips.
            let broad = 1400 + 2600 * far.fbm(x * (1 / 7000), z * (1 / 7000)) + 60 * wobble
            return broad + max(0, 3000 - length(p))
        }
    }

    /// Ground height after the coast: land keeps `h`, the sea floor sinks to about -10 m, and
    /// the shelf between is a smooth blend, so beaches form where the blend crosses 0.
    func shape(_ x: Float, _ z: Float, _ h: Float) -> Float {
        if surelyInland(x, z, by: 70) { return h }
        let c = landness(x, z)
        if c > 70 { return h }
        let land = smoothstep(-50, 70, c)
        return h * land + (-10) * (1 - land) + 2 * land * (1 - land)
    }

    /// True where a sea surface can exist nearby: within a few hundred metres of a shoreline.
    func nearSea(_ x: Float, _ z: Float) -> Bool { !surelyInland(x, z, by: 400) && landness(x, z) < 400 }
}
