import OysterCore

/// One generated animal: a look, the quadruped skeleton in its species' proportions and one
/// skinned mesh bound to it. A pure function of (species, seed).
public struct Animal: Sendable {
    public let species: AnimalSpecies
    public let look: AnimalLook
    public let skeleton: QuadrupedSkeleton
    let body: SkinnedMeshBuilder<QuadrupedSkeleton>

    /// The animal of `species` for `seed`.
    public init(species: AnimalSpecies, seed: UInt64) {
        self.species = species
        look = AnimalLook(species: species, seed: seed)
        skeleton = QuadrupedSkeleton(species: species, girth: look.girth)
        var b = QuadrupedBody(skeleton: skeleton, look: look)
        body = b.build()
    }

    /// Triangles of the body mesh (LOD0).
    public var triangleCount: Int { body.triangleCount }

    /// The joint-space poses of `clip` at `times` seconds (looping; walk and run in place).
    func poses(_ clip: AnimalClip, at times: [Float]) -> [QuadrupedPose] {
        QuadrupedMotion(skeleton: skeleton).poses(clip, at: times)
    }
}

/// How an animal's clips become keys: `CharacterKeys.rate` keys per second for the standing
/// clips, `CharacterKeys.gaitGrid` per loop for the gaits (every footfall and lift-off is a
/// multiple of 1/50 of the loop, so no key straddles a contact); the last key repeats the first.
enum AnimalKeys {
    static func intervals(_ clip: AnimalClip, _ species: AnimalSpecies) -> Int {
        clip.gait == nil ? max(2, Int((clip.duration(species) * CharacterKeys.rate).rounded())) : CharacterKeys.gaitGrid
    }
}

extension Animal: RiggedAnimal {
    var speciesName: String { species.rawValue }
    func duration(_ clip: AnimalClip) -> Float { clip.duration(species) }
    func keyIntervals(_ clip: AnimalClip) -> Int { AnimalKeys.intervals(clip, species) }
    func rootSpeed(_ clip: AnimalClip) -> Float { clip.rootSpeed(species) }
    func clipName(_ clip: AnimalClip) -> String { clip.rawValue }
}
