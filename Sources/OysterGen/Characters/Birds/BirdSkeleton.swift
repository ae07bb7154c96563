import OysterCore

/// The bird skeleton's rest pose for one species' proportions: perched on y = 0 facing +Z,
/// body level, wings spread straight out along ±X (the pose every wing is modelled and
/// skinned in, so a flap is one rotation about the body's length), no rest rotations.
public struct BirdSkeleton: Hashable, Sendable {
    public let species: BirdSpecies
    let proportions: BirdProportions
    /// Rest position of every joint (model space), indexed by `BirdBone.index`.
    public let joints: [Vec3]
    /// Where each bone ends (tip), indexed like `joints`.
    let tips: [Vec3]

    public init(species: BirdSpecies) {
        self.species = species
        let p = species.proportions
        proportions = p
        var j = [Vec3](repeating: .zero, count: BirdBone.allCases.count)
        var t = j
        func set(_ b: BirdBone, _ at: Vec3, tip: Vec3) { j[b.index] = at; t[b.index] = tip }
        let y = p.legLength + 0.55 * p.bodyRadius  // the body's centre line
        let L = p.bodyLength, r = p.bodyRadius
        let hips = Vec3(0, y, -0.35 * L), chest = Vec3(0, y + 0.1 * r, 0.15 * L)
        let neck = Vec3(0, y + 0.45 * r, 0.5 * L)
        let head = neck + Vec3(0, 0.6, 0.8) * p.neckLength
        set(.hips, hips, tip: chest)
        set(.chest, chest, tip: neck)
        set(.neck, neck, tip: head)
        set(.head, head, tip: head + Vec3(0, 0, p.headRadius + p.beakLength))
        set(.tail, Vec3(0, y + 0.2 * r, -0.5 * L), tip: Vec3(0, y + 0.1 * r, -0.5 * L - p.tailLength))
        // Wings: shoulder on the chest's top edge; the arm is 30 % of the half span beyond
        // the shoulder, the forearm 30 %, the hand with its primaries 40 %.
        let shoulderX = 0.75 * r, half = p.wingspan / 2 - shoulderX
        for wing in BirdWing.allCases {
            let s = wing.sign, b = wing.bones
            let at = { (f: Float) in Vec3(s * (shoulderX + f * half), y + 0.5 * r, 0.2 * L) }
            set(b.upper, at(0), tip: at(0.3))
            set(b.lower, at(0.3), tip: at(0.6))
            set(b.tip, at(0.6), tip: at(1))
            let leg = wing.leg
            set(leg.upper, Vec3(s * 0.35 * r, y - 0.3 * r, -0.1 * L), tip: Vec3(s * 0.4 * r, 0.02, -0.05 * L))
            set(leg.foot, Vec3(s * 0.4 * r, 0.02, -0.05 * L), tip: Vec3(s * 0.4 * r, 0, -0.05 * L + 0.5 * p.legLength))
        }
        joints = j
        tips = t
    }

    /// Rest position of `bone`.
    public func position(_ bone: BirdBone) -> Vec3 { joints[bone.index] }

    /// Where the bone ends: its child's joint, the beak's tip, the tail's end, a wing tip.
    public func tip(_ bone: BirdBone) -> Vec3 { tips[bone.index] }
}

extension BirdSkeleton: SkinSkeleton {
    var weightSoftness: Float { 0.012 * proportions.wingspan }
}
