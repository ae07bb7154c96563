import OysterCore

/// One generated fish: its colours, the fish skeleton in its species' proportions and one
/// skinned mesh bound to it. A pure function of (species, seed).
public struct Fish: Sendable {
    public let species: FishSpecies
    public let look: FishLook
    public let skeleton: FishSkeleton
    let body: SkinnedMeshBuilder<FishSkeleton>

    public init(species: FishSpecies, seed: UInt64) {
        self.species = species
        look = FishLook(species: species, seed: seed)
        skeleton = FishSkeleton(species: species)
        var b = FishBody(skeleton: skeleton, look: look)
        body = b.build()
    }

    /// Triangles of the body mesh.
    public var triangleCount: Int { body.triangleCount }
}

extension Fish: RiggedAnimal {
    var speciesName: String { species.rawValue }
    func duration(_ clip: FishClip) -> Float { clip.duration(species) }
    /// 16 keys a tail beat: a sine sampled 16 times is within 2 % of its peak.
    func keyIntervals(_ clip: FishClip) -> Int { 16 }
    func rootSpeed(_ clip: FishClip) -> Float { clip.rootSpeed(species) }
    func clipName(_ clip: FishClip) -> String { clip.rawValue }
    func poses(_ clip: FishClip, at times: [Float]) -> [FishPose] { FishMotion(skeleton: skeleton).poses(clip, at: times) }
}
