import OysterCore

/// Builds a dressed person's one skinned mesh on the humanoid skeleton: the body's segments
/// take the colour of what covers them (a tunic's torso, trousers' legs, boots' feet), and
/// garments that stand off the body (skirts, robes, cloaks, armour, aprons, hats) are shells
/// over it. Sizes are fractions of the height, widths scaled by the build.
struct HumanoidBody {
    let skeleton: HumanoidSkeleton
    let look: CharacterLook
    let out: SkinSink<HumanoidSkeleton>

    init(skeleton: HumanoidSkeleton, look: CharacterLook) {
        self.skeleton = skeleton
        self.look = look
        out = SkinSink(skeleton: skeleton)
    }

    /// Metres for a fraction of the height.
    func h(_ f: Float) -> Float { f * skeleton.height }
    /// Metres for a fraction of the height, widened by the build.
    func w(_ f: Float) -> Float { skeleton.width(f) }
    func has(_ g: CharacterLook.Garment) -> Bool { look.garments.contains(g) }
    var skin: (SurfaceKind, Vec4) { (.skin, look.skinTone) }

    /// The whole mesh.
    mutating func build() -> SkinnedMeshBuilder<HumanoidSkeleton> {
        trunk()
        head()
        for side in [HumanoidBone.Side.left, .right] {
            arm(side)
            leg(side)
        }
        garments()
        headwear()
        return out.builder
    }

    // MARK: - Body

    /// What covers the torso, upper arms, forearms, legs and feet.
    var torsoCover: (SurfaceKind, Vec4) {
        has(.tunic) || has(.dress) || has(.robe) ? (.fabric, look.primary) : skin
    }
    var sleeveCover: (SurfaceKind, Vec4) { torsoCover }
    var forearmCover: (SurfaceKind, Vec4) {
        let long = has(.robe) || has(.armour) || look.role == .adventurer || look.role == .merchant
        return long ? (.fabric, has(.armour) ? look.secondary : look.primary) : skin
    }
    var legCover: (SurfaceKind, Vec4) { has(.trousers) ? (.fabric, look.secondary * Vec4(0.7, 0.7, 0.7, 1)) : skin }
    var footCover: (SurfaceKind, Vec4) { has(.boots) ? (.leather, look.leatherColor) : skin }

    /// Torso rings from crotch to neck: (height, half-width, half-depth, forward offset).
    static let torsoRings: [(Float, Float, Float, Float)] = [
        (0.455, 0.050, 0.046, 0), (0.50, 0.088, 0.066, 0), (0.56, 0.092, 0.066, 0), (0.63, 0.080, 0.058, 0),
        (0.70, 0.092, 0.064, 0.004), (0.765, 0.100, 0.066, 0.004), (0.805, 0.098, 0.056, 0), (0.828, 0.060, 0.042, 0),
        (0.848, 0.034, 0.032, 0.002),
    ]

    /// Torso rings scaled out by `grow` (a garment over the trunk), between heights `from` and `to`.
    func torso(from lo: Float = 0, to hi: Float = 1, grow: Float = 1) -> [(center: Vec3, rx: Float, rz: Float)] {
        Self.torsoRings.filter { $0.0 >= lo && $0.0 <= hi }.map {
            (Vec3(0, h($0.0), h($0.3)), w($0.1) * grow, w($0.2) * grow)
        }
    }

    static let trunkBones: [HumanoidBone] = [.hips, .spine, .chest, .neck, .leftShoulder, .rightShoulder, .leftUpperLeg, .rightUpperLeg]

    mutating func trunk() {
        let (kind, colour) = torsoCover
        let rings = torso()
        out.add(Self.trunkBones, color: colour) { $0.loft(kind, rings: rings, segments: 16, capStart: true) }
        let (sk, sc) = skin
        let neckBottom = Vec3(0, h(0.82), 0), neckTop = Vec3(0, h(0.9), h(0.006))
        let r = w(0.03)
        out.add([.chest, .neck, .head], color: sc) { $0.cylinder(sk, from: neckBottom, to: neckTop, radiusBottom: r * 1.1, radiusTop: r, segments: 10, capBottom: false, capTop: false) }
    }

    /// The head's centre and semi-axes (shared by hair and hats).
    var headCenter: Vec3 { Vec3(0, h(0.935), h(0.008)) }
    var headRadii: Vec3 { Vec3(h(0.056), h(0.066), h(0.062)) }

    mutating func head() {
        let (kind, colour) = skin
        let c = headCenter, r = headRadii, hh = skeleton.height
        out.add([.head], color: colour) { b in
            b.ellipsoid(kind, center: c, radii: r, subdivisions: 2)
            b.ellipsoid(kind, center: Vec3(0, 0.895 * hh, 0.03 * hh), radii: Vec3(0.038, 0.03, 0.034) * hh, subdivisions: 1)
            b.ellipsoid(kind, center: Vec3(0, 0.925 * hh, 0.07 * hh), radii: Vec3(0.008, 0.013, 0.01) * hh, subdivisions: 0)
            for s: Float in [-1, 1] {
                b.ellipsoid(kind, center: Vec3(s * 0.056 * hh, 0.93 * hh, 0), radii: Vec3(0.008, 0.016, 0.011) * hh, subdivisions: 0)
            }
        }
        // Eyes: dark, set into the face.
        out.add([.head], color: Vec4(0.05, 0.04, 0.035, 1)) { b in
            for s: Float in [-1, 1] {
                b.ellipsoid(kind, center: Vec3(s * 0.02 * hh, 0.94 * hh, 0.062 * hh), radii: Vec3(0.0085, 0.006, 0.006) * hh, subdivisions: 0)
            }
        }
    }

    mutating func arm(_ side: HumanoidBone.Side) {
        let s = side.sign
        let bones = HumanoidBone.arm(side)
        let y = skeleton.position(bones.upper).y, z = skeleton.position(bones.upper).z
        let xUpper = abs(skeleton.position(bones.upper).x), xElbow = abs(skeleton.position(bones.lower).x)
        let xWrist = abs(skeleton.position(bones.hand).x)
        func p(_ x: Float) -> Vec3 { Vec3(s * x, y, z) }
        let (uk, uc) = sleeveCover, (fk, fc) = forearmCover, (sk, sc) = skin
        let upper = [p(w(0.07)), p(xUpper), p((xUpper + xElbow) / 2), p(xElbow + h(0.01))]
        let upperR = [w(0.036), w(0.034), w(0.029), w(0.025)]
        out.add([bones.shoulder, bones.upper, bones.lower, .chest], color: uc) { $0.tube(uk, path: upper, radii: upperR, segments: 10) }
        let wide: Float = has(.robe) ? 1.5 : 1
        let fore = [p(xElbow - h(0.01)), p((xElbow + xWrist) / 2), p(xWrist + h(0.005))]
        let foreR = [w(0.025), w(0.022) * (wide > 1 ? 1.3 : 1), w(0.019) * wide]
        out.add([bones.upper, bones.lower, bones.hand], color: fc) { $0.tube(fk, path: fore, radii: foreR, segments: 10, capEnd: wide > 1) }
        let hand = p(xWrist + h(0.045))
        out.add([bones.hand, bones.lower], color: sc) { b in
            b.ellipsoid(sk, center: hand, radii: Vec3(h(0.048), h(0.014), h(0.026)), subdivisions: 1)
            b.ellipsoid(sk, center: p(xWrist + h(0.025)) + Vec3(0, -h(0.004), h(0.024)), radii: Vec3(h(0.02), h(0.009), h(0.009)), subdivisions: 0)
        }
    }

    mutating func leg(_ side: HumanoidBone.Side) {
        let bones = HumanoidBone.leg(side)
        let hip = skeleton.position(bones.upper), knee = skeleton.position(bones.lower), ankle = skeleton.position(bones.foot)
        let (lk, lc) = legCover, (fk, fc) = footCover
        let thigh = [hip + Vec3(0, h(0.03), 0), (hip + knee) * 0.5, knee + Vec3(0, -h(0.01), 0)]
        out.add([.hips, bones.upper, bones.lower], color: lc) { $0.tube(lk, path: thigh, radii: [w(0.06), w(0.05), w(0.039)], segments: 12) }
        let shin = [knee + Vec3(0, h(0.01), 0), knee + (ankle - knee) * 0.45, ankle + Vec3(0, h(0.012), 0)]
        out.add([bones.upper, bones.lower, bones.foot], color: lc) { $0.tube(lk, path: shin, radii: [w(0.039), w(0.035), w(0.024)], segments: 12, capEnd: true) }
        let boot: Float = has(.boots) ? 1.12 : 1
        if has(.boots) {
            let top = ankle + Vec3(0, h(0.13), 0)
            out.add([bones.lower, bones.foot], color: fc) { $0.cylinder(fk, from: ankle, to: top, radiusBottom: w(0.03), radiusTop: w(0.037), segments: 12) }
        }
        let x = ankle.x, fw = w(0.05) * boot
        out.add([bones.foot, bones.lower, bones.toes], color: fc) { b in
            b.box(fk, min: Vec3(x - fw / 2, 0, -h(0.035) * boot), max: Vec3(x + fw / 2, h(0.058), h(0.075)))
        }
        out.add([bones.toes, bones.foot], color: fc) { b in
            b.box(fk, min: Vec3(x - fw / 2, 0, h(0.075)), max: Vec3(x + fw / 2, h(0.032), h(0.125) * (boot > 1 ? 1.03 : 1)))
        }
    }
}
