import OysterCore
import OysterJSON

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

extension SceneAssembler {
    /// Adds `animal` (a rig and skinned body, see `addRig`) with the keys of `clips`, each in
    /// the animation `AnimalClip.animationName` (`deer-walk`), its root speed in the
    /// animation's extras: a species' animals share their clips as people share theirs.
    @discardableResult
    mutating func addAnimal(_ animal: Animal, name: String, translation: Vec3, yaw: Float, under parent: Int?,
                            clips: [AnimalClip] = AnimalClip.allCases) -> RigNodes {
        let nodes = addRig(animal.skeleton, body: animal.body, name: name, translation: translation, yaw: yaw, under: parent)
        for clip in clips {
            let n = AnimalKeys.intervals(clip, animal.species), T = clip.duration(animal.species)
            let times = (0...n).map { Float($0) / Float(n) * T }
            var poses = animal.poses(clip, at: Array(times.dropLast()))
            poses.append(poses[0])
            let name = clip.animationName(animal.species)
            animate(poses, at: times, joints: nodes.joints, as: name)
            animationExtras[name] = .object(JSONObject([("rootSpeed", .float(clip.rootSpeed(animal.species)))]))
        }
        return nodes
    }
}
