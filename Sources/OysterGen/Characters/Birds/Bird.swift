import OysterCore

/// One generated bird: a plumage, the bird skeleton in its species' proportions and one
/// skinned mesh bound to it. A pure function of (species, seed).
public struct Bird: Sendable {
    public let species: BirdSpecies
    public let look: BirdLook
    public let skeleton: BirdSkeleton
    let body: SkinnedMeshBuilder<BirdSkeleton>

    public init(species: BirdSpecies, seed: UInt64) {
        self.species = species
        look = BirdLook(species: species, seed: seed)
        skeleton = BirdSkeleton(species: species)
        var b = BirdBody(skeleton: skeleton, look: look)
        body = b.build()
    }

    /// Triangles of the body mesh.
    public var triangleCount: Int { body.triangleCount }
}

extension Bird: RiggedAnimal {
    var speciesName: String { species.rawValue }
    func duration(_ clip: BirdClip) -> Float { clip.duration(species) }
    func keyIntervals(_ clip: BirdClip) -> Int { clip.keyIntervals }
    func rootSpeed(_ clip: BirdClip) -> Float { clip.rootSpeed(species) }
    func clipName(_ clip: BirdClip) -> String { clip.rawValue }
    func poses(_ clip: BirdClip, at times: [Float]) -> [BirdPose] { BirdMotion(skeleton: skeleton).poses(clip, at: times) }
}
