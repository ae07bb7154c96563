import OysterCore

/// The fish skeleton's rest pose for one species: straight along Z facing +Z, the body's
/// centre line on y = 0 (a fish has no ground; the rig sets its depth), no rest rotations.
/// The joints sit where a fish bends: behind the gills, mid-body, at the tail's root
/// (the caudal peduncle) and at the fin.
public struct FishSkeleton: Hashable, Sendable {
    public let species: FishSpecies
    let proportions: FishProportions
    /// Rest position of every joint (model space), indexed by `FishBone.index`.
    public let joints: [Vec3]
    let tips: [Vec3]

    public init(species: FishSpecies) {
        self.species = species
        let p = species.proportions
        proportions = p
        let L = p.length
        let z: [FishBone: (Float, Float)] = [.head: (0.22, 0.5), .spine: (0.12, -0.1), .tail: (-0.1, -0.32), .tailFin: (-0.32, -0.5)]
        joints = FishBone.allCases.map { Vec3(0, 0, z[$0]!.0 * L) }
        tips = FishBone.allCases.map { Vec3(0, 0, z[$0]!.1 * L) }
    }

    /// Rest position of `bone`.
    public func position(_ bone: FishBone) -> Vec3 { joints[bone.index] }

    /// Where the bone ends: the snout for the head, the next joint, the fin's end.
    public func tip(_ bone: FishBone) -> Vec3 { tips[bone.index] }
}

extension FishSkeleton: SkinSkeleton {
    var weightSoftness: Float { 0.03 * proportions.length }
}
