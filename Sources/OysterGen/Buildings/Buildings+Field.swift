import OysterCore

/// A ploughed field: ridges of soil in rows, a crop on every ridge as the season has it, and
/// the furrows between them where the village's farmers work.
extension Buildings {
    /// What a field grows (chosen by its seed).
    enum Crop: CaseIterable {
        /// Wheat: short and green in spring, tall and green-gold in summer, gold in autumn.
        case wheat
        /// Cabbages: small in spring, full heads in summer and autumn.
        case cabbage
    }

    /// The field's extent (local X along the rows, Z across them) and its rows.
    static let fieldSize = Vec2(15, 11)
    static let fieldRows = 14
    static var fieldRowSpacing: Float { fieldSize.y / Float(fieldRows) }
    /// The soil bed's height in the kit: 3 cm over the pad it stands 5 cm into.
    static let bedHeight: Float = 0.08

    /// The crop a field of `seed` grows.
    static func crop(seed: UInt64) -> Crop {
        var r = KitRandom(seed: seed ^ 0xF1E1D)
        return r.chance(0.65) ? .wheat : .cabbage
    }

    /// A field 15 × 11 m centred on the origin, its rows along local X: a soil bed, 14 ridges
    /// (0.16 m high) with a crop on each (standing wheat, or cabbages every 0.5 m) as `season`
    /// finds them; in winter the ridges lie bare.
    public static func field(seed: UInt64, season: Season) -> KitModel {
        var b = MeshBuilder()
        var r = KitRandom(seed: seed)
        let half = fieldSize / 2, spacing = fieldRowSpacing
        // The bed, a little over the flattened pad (the kit stands 5 cm into it), so the
        // ground's grass does not show through.
        let bed = bedHeight
        b.addQuad(.dirt, Vec3(-half.x - 0.3, bed, half.y + 0.3), Vec3(half.x + 0.3, bed, half.y + 0.3),
                  Vec3(half.x + 0.3, bed, -half.y - 0.3), Vec3(-half.x - 0.3, bed, -half.y - 0.3), facing: Vec3(0, 1, 0))
        let crop = crop(seed: seed)
        for row in 0..<fieldRows {
            let z = -half.y + spacing * (Float(row) + 0.5)
            ridge(&b, z: z, from: -half.x, to: half.x, base: spacing * 0.8, top: 0.2, height: 0.16)
            guard season != .winter else { continue }
            switch crop {
            case .wheat: wheatRow(&b, z: z, from: -half.x + 0.2, to: half.x - 0.2, season: season, rng: &r)
            case .cabbage: cabbageRow(&b, z: z, from: -half.x + 0.3, to: half.x - 0.3, season: season, rng: &r)
            }
        }
        var m = KitModel(name: "Field")
        m.add("Field", b)
        return m
    }

    /// Where people work in a field of `seed`: in a furrow between two ridges, turned along
    /// it (local position on the ground and yaw), two to a field, apart from each other.
    static func fieldWorkSpots(seed: UInt64) -> [(at: Vec2, yaw: Float)] {
        var r = KitRandom(seed: seed ^ 0x5107)
        let half = fieldSize / 2, spacing = fieldRowSpacing
        return [Float(-1), 1].map { side in
            // A furrow: between ridge k and k + 1, one in each half of the field.
            let k = side < 0 ? r.int(in: 2...5) : r.int(in: 8...11)
            let z = -half.y + spacing * Float(k + 1)
            let x = side * r.float(in: 2...5)
            return (Vec2(x, z), side < 0 ? Float.pi / 2 : -Float.pi / 2)
        }
    }

    /// A soil ridge along X at `z`: a trapezoid of `base` and `top` widths, `height` high, with
    /// end faces.
    private static func ridge(_ b: inout MeshBuilder, z: Float, from x0: Float, to x1: Float, base: Float, top: Float, height: Float) {
        let y0 = bedHeight, y1 = y0 + height
        let lo = base / 2, hi = top / 2
        let up = Vec3(0, 1, 0)
        b.addQuad(.dirt, Vec3(x0, y1, z + hi), Vec3(x1, y1, z + hi), Vec3(x1, y1, z - hi), Vec3(x0, y1, z - hi), facing: up)
        b.addQuad(.dirt, Vec3(x0, y0, z + lo), Vec3(x1, y0, z + lo), Vec3(x1, y1, z + hi), Vec3(x0, y1, z + hi), facing: Vec3(0, 1, 1))
        b.addQuad(.dirt, Vec3(x0, y1, z - hi), Vec3(x1, y1, z - hi), Vec3(x1, y0, z - lo), Vec3(x0, y0, z - lo), facing: Vec3(0, 1, -1))
        for (x, out) in [(x0, Float(-1)), (x1, 1)] {
            b.addQuad(.dirt, Vec3(x, y0, z - lo), Vec3(x, y0, z + lo), Vec3(x, y1, z + hi), Vec3(x, y1, z - hi), facing: Vec3(out, 0, 0))
        }
    }

    /// Wheat along a ridge: the standing crop as a band of stalks with an uneven top (so rows
    /// read as solid wheat from afar), ears standing out of it every 0.25 m (for close up);
    /// heights and tints jittered.
    private static func wheatRow(_ b: inout MeshBuilder, z: Float, from x0: Float, to x1: Float, season: Season, rng r: inout KitRandom) {
        let (height, colour): (Float, Vec3) = switch season {
        // Linear colours (glTF's COLOR_0): sRGB (0.45, 0.65, 0.25) fresh green, (0.62, 0.66, 0.30)
        // green-gold, (0.86, 0.68, 0.30) ripe gold.
        case .spring: (0.35, Vec3(0.17, 0.38, 0.05))
        case .summer: (0.8, Vec3(0.34, 0.39, 0.07))
        default: (0.9, Vec3(0.71, 0.42, 0.07))
        }
        // Nearly as wide as a row, so from afar the rows close into one standing crop.
        let y0 = bedHeight + 0.1, w: Float = 0.34, step: Float = 0.25
        let segments = max(1, Int(((x1 - x0) / step).rounded()))
        let tops = (0...segments).map { _ in height * r.float(in: 0.92...1.05) }
        func tint(_ k: Float) -> Vec4 { Vec4(min(1, colour.x * k), min(1, colour.y * k), min(1, colour.z * k), 1) }
        for k in 0..<segments {
            let xa = x0 + (x1 - x0) * Float(k) / Float(segments), xb = x0 + (x1 - x0) * Float(k + 1) / Float(segments)
            let ha = tops[k], hb = tops[k + 1]
            b.color = tint(0.62)
            b.addQuad(.crop, Vec3(xa, y0, z + w), Vec3(xb, y0, z + w), Vec3(xb, hb, z + w * 0.8), Vec3(xa, ha, z + w * 0.8), facing: Vec3(0, 0, 1))
            b.addQuad(.crop, Vec3(xa, ha, z - w * 0.8), Vec3(xb, hb, z - w * 0.8), Vec3(xb, y0, z - w), Vec3(xa, y0, z - w), facing: Vec3(0, 0, -1))
            b.color = tint(1)
            b.addQuad(.crop, Vec3(xa, ha, z + w * 0.8), Vec3(xb, hb, z + w * 0.8), Vec3(xb, hb, z - w * 0.8), Vec3(xa, ha, z - w * 0.8), facing: Vec3(0, 1, 0))
        }
        for end in [(x0, Float(-1)), (x1, 1)] {
            let h = end.1 < 0 ? tops[0] : tops[segments]
            b.color = tint(0.62)
            b.addQuad(.crop, Vec3(end.0, y0, z - w), Vec3(end.0, y0, z + w), Vec3(end.0, h, z + w * 0.8), Vec3(end.0, h, z - w * 0.8), facing: Vec3(end.1, 0, 0))
        }
        // Ears: slim diamonds standing out of the band's top, leaning a little.
        var x = x0 + 0.1
        while x < x1 {
            let k = min(segments - 1, Int((x - x0) / (x1 - x0) * Float(segments)))
            let top = tops[k]
            for _ in 0..<5 {
                let base = Vec3(x + r.float(in: -0.1...0.1), top - 0.04, z + r.float(in: -w...w) * 0.7)
                let a = r.float(in: 0...(2 * Float.pi))
                let side = Vec3(kcos(a), 0, ksin(a)) * 0.03
                let lean = Vec3(r.float(in: -0.03...0.03), 0, r.float(in: -0.03...0.03))
                let tip = base + Vec3(0, 0.17, 0) + lean, mid = (base + tip) / 2
                b.color = tint(r.float(in: 1.0...1.18))
                b.addQuad(.crop, base, mid + side, tip, mid - side, facing: Vec3(-side.z, 0, side.x))
            }
            x += 0.2
        }
        b.color = nil
    }

    /// Cabbages along a ridge, every 0.5 m: a squat head of leaves, bigger as the year goes on.
    private static func cabbageRow(_ b: inout MeshBuilder, z: Float, from x0: Float, to x1: Float, season: Season, rng r: inout KitRandom) {
        let size: Float = season == .spring ? 0.11 : 0.2
        var x = x0
        while x <= x1 {
            let s = size * r.float(in: 0.85...1.15), shade = r.float(in: 0.85...1.1)
            // Linear: sRGB (0.45, 0.62, 0.40), a cabbage's blue-green.
            b.color = Vec4(0.17 * shade, 0.34 * shade, 0.13 * shade, 1)
            b.ellipsoid(.crop, center: Vec3(x + r.float(in: -0.06...0.06), bedHeight + 0.14 + s * 0.55, z), radii: Vec3(s, s * 0.75, s), subdivisions: 0)
            x += 0.5
        }
        b.color = nil
    }
}
