import OysterCore

/// The quadruped skeleton's rest pose for one species' proportions (and a girth): standing
/// square on y = 0 facing +Z, no rest rotations. Legs are zigzags as an animal's are (the hind
/// stifle forward and hock back, the front elbow back), so every leg bends the right way when
/// its foot is placed; each `Foot` bone runs from the hock or knee to the ground, its tip the
/// hoof or paw.
public struct QuadrupedSkeleton: Hashable, Sendable {
    public let species: AnimalSpecies
    let proportions: AnimalProportions
    /// 0 lean … 1 stout: widens the barrel and neck, lengths stay.
    public let girth: Float
    /// Rest position of every joint (model space), indexed by `QuadrupedBone.index`.
    public let joints: [Vec3]
    /// Where each bone ends (tip), indexed like `joints`.
    let tips: [Vec3]

    public init(species: AnimalSpecies, girth: Float = 0.5) {
        self.species = species
        let p = species.proportions
        proportions = p
        let g = kitClamp(girth, 0, 1, fallback: 0.5)
        self.girth = g
        var j = [Vec3](repeating: .zero, count: QuadrupedBone.allCases.count)
        var t = j
        let r = p.bodyRadius, L = p.bodyLength
        let yb = p.withers - r  // the barrel's centre line
        let zf = L / 2, zh = -L / 2
        let xl = 0.55 * r * p.bodyWidth
        func set(_ b: QuadrupedBone, _ at: Vec3, tip: Vec3) { j[b.index] = at; t[b.index] = tip }
        let neckBase = Vec3(0, yb + 0.45 * r, zf + 0.3 * r)
        let head = neckBase + Vec3(0, ksin(p.neckRise), kcos(p.neckRise)) * p.neckLength
        let muzzle = head + Vec3(0, -ksin(p.headDroop), kcos(p.headDroop)) * p.headLength
        let tail = Vec3(0, yb + 0.55 * r, zh - 0.3 * r)
        let tailDir = Vec3(0, -ksin(p.tailDroop), -kcos(p.tailDroop))
        let tailMid = tail + tailDir * (p.tailLength * 0.5)
        set(.hips, Vec3(0, yb, zh), tip: Vec3(0, yb + 0.1 * r, -0.05 * L))
        set(.spine, Vec3(0, yb + 0.1 * r, -0.05 * L), tip: Vec3(0, yb + 0.1 * r, 0.3 * L))
        set(.chest, Vec3(0, yb + 0.1 * r, 0.3 * L), tip: neckBase)
        set(.neck, neckBase, tip: head)
        set(.head, head, tip: muzzle)
        set(.tail, tail, tip: tailMid)
        set(.tailTip, tailMid, tip: tail + tailDir * p.tailLength)
        let hf = yb - 0.2 * r  // shoulder joint height
        let hh = yb            // hip joint height
        for leg in QuadrupedLeg.allCases {
            let x = leg.sign * xl
            let b = leg.bones
            let pts: [Vec3] = leg.isFront
                ? [Vec3(x, hf, zf + 0.05 * hf), Vec3(x, 0.65 * hf, zf - 0.08 * hf), Vec3(x, 0.33 * hf, zf), Vec3(x, 0, zf + 0.03 * hf)]
                : [Vec3(x, hh, zh), Vec3(x, 0.65 * hh, zh + 0.12 * hh), Vec3(x, 0.3 * hh, zh - 0.1 * hh), Vec3(x, 0, zh - 0.05 * hh)]
            set(b.upper, pts[0], tip: pts[1])
            set(b.lower, pts[1], tip: pts[2])
            set(b.foot, pts[2], tip: pts[3])
        }
        joints = j
        tips = t
    }

    /// Rest position of `bone`.
    public func position(_ bone: QuadrupedBone) -> Vec3 { joints[bone.index] }

    /// Where the bone ends: its child's joint, the muzzle, the end of the tail, the hoof.
    public func tip(_ bone: QuadrupedBone) -> Vec3 { tips[bone.index] }

    /// Upper and lower bone lengths of a leg (the foot is held rigid while planted).
    func legLengths(_ leg: QuadrupedLeg) -> (upper: Float, lower: Float) {
        let b = leg.bones
        return (length(position(b.lower) - position(b.upper)), length(position(b.foot) - position(b.lower)))
    }

    /// The hoof's (or paw's) rest point on the ground.
    func hoof(_ leg: QuadrupedLeg) -> Vec3 { tip(leg.bones.foot) }
}

extension QuadrupedSkeleton: SkinSkeleton {
    var weightSoftness: Float { 0.012 * proportions.withers }
}
