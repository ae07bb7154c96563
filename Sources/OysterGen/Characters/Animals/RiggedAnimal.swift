import OysterCore
import OysterJSON

/// A generated animal of any kit (the quadrupeds, birds, fish): a skeleton, one skinned body
/// on it, and looping clips baked from poses. `SceneAssembler.addAnimal` places any of them,
/// so every kit's clips become animations the same way (`<species>-<clip>`).
protocol RiggedAnimal {
    associatedtype Skeleton: SkinSkeleton
    associatedtype Clip: Hashable
    var skeleton: Skeleton { get }
    var body: SkinnedMeshBuilder<Skeleton> { get }
    /// The species' name as animations and nodes use it (`deer`, `crow`, `trout`).
    var speciesName: String { get }
    /// Seconds per loop of `clip`.
    func duration(_ clip: Clip) -> Float
    /// Key intervals per loop of `clip` (the last key repeats the first).
    func keyIntervals(_ clip: Clip) -> Int
    /// The speed (m/s) the root must move forward for the clip to look right (0: in place).
    func rootSpeed(_ clip: Clip) -> Float
    /// The clip's name (`walk`, `fly`).
    func clipName(_ clip: Clip) -> String
    /// The joint-space poses of `clip` at `times` seconds (looping).
    func poses(_ clip: Clip, at times: [Float]) -> [SkeletonPose<Skeleton.Bone>]
}

extension SceneAssembler {
    /// Adds `animal` (a rig and skinned body, see `addRig`) with the keys of `clips`, each in
    /// the animation `<species>-<clip>` (`deer-walk`, `crow-fly`), its root speed in the
    /// animation's extras: a species' animals share their clips as people share theirs.
    @discardableResult
    mutating func addAnimal<A: RiggedAnimal>(_ animal: A, name: String, translation: Vec3, yaw: Float, under parent: Int?,
                                             clips: [A.Clip]) -> RigNodes {
        let nodes = addRig(animal.skeleton, body: animal.body, name: name, translation: translation, yaw: yaw, under: parent)
        for clip in clips {
            let n = animal.keyIntervals(clip), T = animal.duration(clip)
            let times = (0...n).map { Float($0) / Float(n) * T }
            var poses = animal.poses(clip, at: Array(times.dropLast()))
            poses.append(poses[0])
            let name = "\(animal.speciesName)-\(animal.clipName(clip))"
            animate(poses, at: times, joints: nodes.joints, as: name)
            animationExtras[name] = .object(JSONObject([("rootSpeed", .float(animal.rootSpeed(clip)))]))
        }
        return nodes
    }

    /// `addAnimal` with every clip of the animal's kit.
    @discardableResult
    mutating func addAnimal<A: RiggedAnimal>(_ animal: A, name: String, translation: Vec3, yaw: Float, under parent: Int?) -> RigNodes
    where A.Clip: CaseIterable, A.Clip.AllCases == [A.Clip] {
        addAnimal(animal, name: name, translation: translation, yaw: yaw, under: parent, clips: A.Clip.allCases)
    }
}
