import OysterCore

// MARK: - Garments that stand off the body, hair and headwear

extension HumanoidBody {
    static let skirtBones: [HumanoidBone] = [.hips, .spine, .leftUpperLeg, .rightUpperLeg, .leftLowerLeg, .rightLowerLeg]

    mutating func garments() {
        if has(.robe) { skirt(to: 0.03, flare: 0.16, colour: look.primary) }
        else if has(.dress) { skirt(to: 0.1, flare: 0.15, colour: look.primary) }
        else if has(.tunic) { skirt(to: 0.42, flare: 0.118, colour: look.primary) }
        if has(.armour) { armour() }
        if has(.apron) { apron() }
        if has(.belt) {
            let rope = look.role == .monk
            let rings = [(Vec3(0, h(0.6), 0), w(0.09), w(0.068)), (Vec3(0, h(0.628), 0), w(0.086), w(0.064))]
            out.add([.hips, .spine], color: rope ? look.secondary : look.leatherColor) {
                $0.loft(rope ? .fabric : .leather, rings: rings, segments: 16)
            }
        }
        if has(.cloak) { cloak() }
    }

    /// A skirt, dress or robe hem from the waist down to `bottom` (fraction of the height),
    /// widening to `flare` half-width.
    mutating func skirt(to bottom: Float, flare: Float, colour: Vec4) {
        let levels: [Float] = [0.635, 0.56, 0.47, 0.36, 0.24, 0.12, 0.03].filter { $0 >= bottom }
        var rings = levels.map { y -> (center: Vec3, rx: Float, rz: Float) in
            let t = (0.635 - y) / (0.635 - bottom)
            let rx = 0.086 + (flare - 0.086) * (1 - (1 - t) * (1 - t))
            return (Vec3(0, h(y), 0), w(rx), w(rx * 0.8))
        }
        if levels.last! > bottom { rings.append((Vec3(0, h(bottom), 0), w(flare), w(flare * 0.8))) }
        out.add(Self.skirtBones, color: colour) { $0.loft(.fabric, rings: rings, segments: 18) }
    }

    mutating func armour() {
        let plate = Vec4(0.85, 0.86, 0.88, 1)
        let chest = torso(from: 0.56, to: 0.81, grow: 1.1)
        out.add(Self.trunkBones, color: plate) { $0.loft(.metal, rings: chest, segments: 16) }
        let tassets = [(Vec3(0, h(0.6), 0), w(0.098), w(0.074)), (Vec3(0, h(0.53), 0), w(0.108), w(0.082)), (Vec3(0, h(0.47), 0), w(0.116), w(0.09))]
        out.add(Self.skirtBones, color: plate) { $0.loft(.metal, rings: tassets, segments: 16) }
        for side in [HumanoidBone.Side.left, .right] {
            let arm = HumanoidBone.arm(side), leg = HumanoidBone.leg(side)
            let shoulder = skeleton.position(arm.upper) + Vec3(0, h(0.012), 0)
            out.add([arm.upper, arm.shoulder], color: plate) { $0.ellipsoid(.metal, center: shoulder, radii: Vec3(w(0.052), h(0.036), w(0.05)), subdivisions: 1) }
            let knee = skeleton.position(leg.lower), ankle = skeleton.position(leg.foot)
            let top = knee + Vec3(0, -h(0.015), h(0.004)), bottom = ankle + Vec3(0, h(0.15), h(0.004))
            out.add([leg.lower, leg.upper], color: plate) { $0.cylinder(.metal, from: bottom, to: top, radiusBottom: w(0.04), radiusTop: w(0.045), segments: 12) }
            out.add([leg.lower, leg.upper], color: plate) { $0.ellipsoid(.metal, center: knee + Vec3(0, 0, h(0.03)), radii: Vec3(w(0.03), h(0.03), h(0.02)), subdivisions: 0) }
        }
    }

    mutating func apron() {
        let z = w(0.074), top = h(0.615), bottom = h(0.3)
        let cloth = look.role == .farmer ? Vec4(0.27, 0.18, 0.09, 1) : look.secondary  // linear: a brown work apron
        out.add(Self.skirtBones, color: cloth) { b in
            // Three strips, so the lower corners follow their own leg.
            for k in 0..<3 {
                let x0 = w(-0.09 + 0.06 * Float(k)), x1 = w(-0.09 + 0.06 * Float(k + 1))
                let spread: Float = 1.2
                b.addDoubleSidedQuad(.fabric, Vec3(x0 * spread, bottom, z + h(0.03)), Vec3(x1 * spread, bottom, z + h(0.03)),
                                     Vec3(x1, top, z), Vec3(x0, top, z))
            }
        }
    }

    /// A cloak hanging from the shoulders down the back, in a grid of panels so the hem
    /// follows the legs and the top the chest.
    mutating func cloak() {
        let colour = look.secondary
        let rows: [Float] = [0.815, 0.72, 0.6, 0.48, 0.36, 0.24, 0.14]
        let cols = 5
        out.add([.chest, .spine, .hips, .neck, .leftShoulder, .rightShoulder, .leftUpperLeg, .rightUpperLeg], color: colour) { b in
            func point(_ r: Int, _ c: Int) -> Vec3 {
                let y = rows[r], t = Float(r) / Float(rows.count - 1)
                let half = 0.1 + 0.08 * t, u = Float(c) / Float(cols) * 2 - 1
                let back = 0.07 + 0.05 * t + 0.015 * (1 - u * u)
                return Vec3(w(half) * u, h(y), -w(back))
            }
            for r in 0..<(rows.count - 1) {
                for c in 0..<cols {
                    b.addDoubleSidedQuad(.fabric, point(r + 1, c + 1), point(r + 1, c), point(r, c), point(r, c + 1))
                }
            }
            // Over the shoulders to the collar.
            let collar = [(Vec3(0, h(0.81), -w(0.02)), w(0.104), w(0.078)), (Vec3(0, h(0.835), -w(0.012)), w(0.07), w(0.058))]
            b.loft(.fabric, rings: collar, segments: 14)
        }
    }

    // MARK: - Hair and headwear

    mutating func headwear() {
        let c = headCenter, r = headRadii
        if look.headwear != .helmet { hair(c, r) }
        switch look.headwear {
        case .none: break
        case .hoodDown:
            let hood = look.role == .monk ? look.primary : look.secondary
            let rings = [(Vec3(0, h(0.8), -w(0.012)), w(0.104), w(0.08)), (Vec3(0, h(0.83), -w(0.025)), w(0.09), w(0.078)),
                         (Vec3(0, h(0.86), -w(0.035)), w(0.062), w(0.06))]
            out.add([.chest, .neck], color: hood) { $0.loft(.fabric, rings: rings, segments: 14) }
        case .strawHat:
            let y = c.y + h(0.035)
            out.add([.head], color: nil) { b in
                b.lathe(.thatch, profile: [Vec2(h(0.15), y - h(0.006)), Vec2(h(0.11), y), Vec2(h(0.064), y + h(0.004)), Vec2(h(0.06), y + h(0.05)), Vec2(0, y + h(0.062))], segments: 16, center: Vec3(0, 0, c.z))
                b.lathe(.thatch, profile: [Vec2(0, y - h(0.01)), Vec2(h(0.15), y - h(0.01) - h(0.002))], segments: 16, center: Vec3(0, 0, c.z))
            }
        case .cap:
            out.add([.head], color: look.secondary) { $0.ellipsoid(.fabric, center: c + Vec3(0, h(0.05), -h(0.004)), radii: Vec3(h(0.068), h(0.03), h(0.07)), subdivisions: 1) }
        case .helmet:
            let steel = Vec4(0.82, 0.83, 0.86, 1)
            let rings = [(c + Vec3(0, -h(0.03), -h(0.01)), r.x * 1.16, r.z * 1.12), (c + Vec3(0, h(0.01), -h(0.004)), r.x * 1.14, r.z * 1.12),
                         (c + Vec3(0, h(0.045), 0), r.x * 0.95, r.z * 0.95), (c + Vec3(0, h(0.07), 0), r.x * 0.45, r.z * 0.45),
                         (c + Vec3(0, h(0.078), 0), r.x * 0.08, r.z * 0.08)]
            out.add([.head], color: steel) { b in
                b.loft(.metal, rings: rings, segments: 16, capEnd: true)
                b.box(.metal, center: c + Vec3(0, -h(0.005), r.z * 1.1), size: Vec3(h(0.012), h(0.05), h(0.01)))
            }
        }
    }

    mutating func hair(_ c: Vec3, _ r: Vec3) {
        let colour = look.hairColor
        func ring(_ dy: Float, _ sx: Float, _ sz: Float, _ dz: Float = -0.006) -> (center: Vec3, rx: Float, rz: Float) {
            (c + Vec3(0, h(dy), h(dz)), r.x * sx, r.z * sz)
        }
        switch look.hair {
        case .bald: return
        case .tonsure:
            out.add([.head], color: colour) { $0.loft(.hair, rings: [ring(-0.012, 1.07, 1.0, -0.012), ring(0.02, 1.06, 1.02, -0.008), ring(0.038, 0.85, 0.85)], segments: 16) }
        case .short, .long, .bun:
            // Centred behind the head's centre, so the hairline sits above the brow and the
            // front of the lowest ring stays inside the face.
            let dome = [ring(-0.012, 1.07, 0.95, -0.014), ring(0.02, 1.07, 1.02, -0.008), ring(0.045, 0.92, 0.92, -0.004), ring(0.06, 0.6, 0.62, -0.002), ring(0.068, 0.18, 0.2, 0)]
            out.add([.head], color: colour) { $0.loft(.hair, rings: dome, segments: 16, capEnd: true) }
            if look.hair == .long {
                out.add([.head, .neck], color: colour) { $0.ellipsoid(.hair, center: c + Vec3(0, -h(0.045), -h(0.035)), radii: Vec3(h(0.058), h(0.075), h(0.038)), subdivisions: 1) }
            } else if look.hair == .bun {
                out.add([.head], color: colour) { $0.ellipsoid(.hair, center: c + Vec3(0, h(0.045), -h(0.058)), radii: Vec3(repeating: h(0.026)), subdivisions: 1) }
            }
        }
    }
}
