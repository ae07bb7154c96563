import OysterCore
import OysterJSON

/// How a character's clips become glTF animations: sampled (linear keys, so every client
/// plays the same curve) at `rate` keys per second, and at least `gaitGrid` keys per loop,
/// where every foot's contact starts and ends (gait fractions are multiples of 1/50), so no
/// key straddles a heel strike; the last key repeats the first, so the loop is seamless.
enum CharacterKeys {
    static let rate: Float = 40
    static let gaitGrid = 50

    /// Key intervals in one loop of `clip`.
    static func intervals(_ clip: CharacterClip) -> Int {
        clip.gait == nil ? max(2, Int((clip.duration * rate).rounded())) : gaitGrid
    }
}

extension SceneAssembler {
    /// The nodes of a rigged body (a person or an animal) placed in a scene.
    struct RigNodes {
        /// The character: an untransformed node holding the rig and the body.
        var character: Int
        /// Where the character stands: a route animates this node.
        var rig: Int
        /// The joint nodes, indexed by the bone's `index`.
        var joints: [Int]
        /// The node carrying the skinned mesh.
        var body: Int
    }
    typealias CharacterNodes = RigNodes

    /// Adds a skinned `body` on `skeleton` under `parent` at `translation`, turned `yaw` about Y:
    /// a node (role `character`) holding a rig node with the placement, the joint hierarchy
    /// named by the skeleton's bones under it, a glTF skin, and the skinned body.
    ///
    /// The body sits beside the rig, under the untransformed character node: glTF skins ignore
    /// the mesh node's transform and its parents' (§3.7.3) and validators warn when a skinned
    /// mesh has transformed parents, while importers that build one character per common
    /// ancestor of joints and body (Panda3D) need that ancestor to be this character's own.
    /// `parent` must be untransformed too.
    mutating func addRig<S: SkinSkeleton>(_ skeleton: S, body: SkinnedMeshBuilder<S>, name: String, translation: Vec3, yaw: Float,
                                          under parent: Int?) -> RigNodes {
        let holder = add(Node(name: name, role: .character), under: parent)
        let rig = add(Node(name: name + "Rig", transform: .trs(translation: translation, rotation: Orientation.yaw(yaw), scale: .one)), under: holder)
        var joints = [Int](repeating: -1, count: S.Bone.allCases.count)
        for bone in S.Bone.allCases {
            let node = Node(name: bone.rawValue, transform: .trs(translation: skeleton.offset(bone), rotation: .identity, scale: .one))
            joints[bone.index] = add(node, under: bone.parent.map { joints[$0.index] } ?? rig)
        }
        // Joints carry no rest rotation, so each inverse bind matrix undoes the joint's rest
        // position in the rig's space (the body's, which is untransformed).
        let ibm = S.Bone.allCases.flatMap { Mat4.translation(-skeleton.position($0)).m }
        let root = S.Bone.allCases.first { $0.parent == nil }!
        scene.skins.append(Skin(name: name, joints: joints, skeleton: joints[root.index],
                                inverseBindMatrices: DataArray(floats: ibm, elementType: .mat4)))
        var local: [SurfaceKind: Int] = [:]
        for k in body.mesh.kinds { local[k] = material(k) }
        let mesh = addMesh(body.makeMesh(name: name) { local[$0] ?? 0 })
        var bodyNode = Node(name: name + "Body", mesh: mesh)
        bodyNode.skin = scene.skins.count - 1
        let bodyIndex = add(bodyNode, under: holder)
        return RigNodes(character: holder, rig: rig, joints: joints, body: bodyIndex)
    }

    /// Keys of `poses` at `times` on a rig's joints, under the animation `name`: every joint's
    /// rotation and the root's translation (linear keys; neighbouring rotations kept on one
    /// hemisphere, so clients that interpolate component-wise (Blender) take the short way
    /// round as slerp does).
    mutating func animate<Bone: SkeletonJoint>(_ poses: [SkeletonPose<Bone>], at times: [Float], joints: [Int], as name: String) {
        for bone in Bone.allCases {
            var values: [Float] = []
            values.reserveCapacity(poses.count * 4)
            var previous = Quat.identity
            for pose in poses {
                var q = pose[bone]
                if dot(q.vector, previous.vector) < 0 { q = Quat(-q.vector) }
                previous = q
                values += [q.x, q.y, q.z, q.w]
            }
            animate(name, node: joints[bone.index], path: .rotation, times: times, values: values)
        }
        let root = Bone.allCases.first { $0.parent == nil }!
        animate(name, node: joints[root.index], path: .translation, times: times, values: poses.flatMap { [$0.root.x, $0.root.y, $0.root.z] })
    }

    /// Adds `character` (see `addRig`) with the keys of `clips`: each clip's keyframes join
    /// the animation the clip names, so a scene's characters all play `walk` together.
    @discardableResult
    mutating func addCharacter(_ character: Character, name: String, translation: Vec3, yaw: Float, under parent: Int?,
                               clips: [CharacterClip] = CharacterClip.allCases) -> CharacterNodes {
        let nodes = addRig(character.skeleton, body: character.body, name: name, translation: translation, yaw: yaw, under: parent)
        for clip in clips { animate(character, clip, joints: nodes.joints) }
        return nodes
    }

    /// Keyframes of one clip on a character's joints: every joint's rotation and the hips'
    /// translation, under the animation named after the clip (with its root speed in extras,
    /// for engines that drive root motion), or under `name`, the clip repeated `loops` times
    /// (a route's walk).
    mutating func animate(_ character: Character, _ clip: CharacterClip, joints: [Int], as name: String? = nil, loops: Int = 1) {
        let n = CharacterKeys.intervals(clip)
        let loop = character.poses(clip, at: (0...n).map { Float($0) / Float(n) * clip.duration })
        let count = max(1, loops)
        let times = (0...(n * count)).map { Float($0) / Float(n) * clip.duration }
        // Key n of one loop is key 0 of the next: the loop's poses repeated.
        let poses = (0...(n * count)).map { $0 == n * count ? loop[n] : loop[$0 % n] }
        let animation = name ?? clip.rawValue
        animate(poses, at: times, joints: joints, as: animation)
        if name == nil { animationExtras[animation] = .object(JSONObject([("rootSpeed", .float(clip.rootSpeed))])) }
    }

    /// Keys of several clips one after another on a character's joints, under the animation
    /// `name`: each segment's clip repeated `loops` times from its start second (a gap before a
    /// segment blends into it, as clients interpolate between keys), and a last key at
    /// `closingAt` repeating the first, so the animation loops.
    /// `adjust` may change each pose for its time (to put the feet on uneven ground).
    mutating func animate(_ character: Character, segments: [(clip: CharacterClip, start: Float, loops: Int)], joints: [Int],
                          closingAt end: Float, as name: String, adjust: (Float, inout HumanoidPose) -> Void = { _, _ in }) {
        var times: [Float] = [], poses: [HumanoidPose] = []
        for segment in segments {
            let n = CharacterKeys.intervals(segment.clip), T = segment.clip.duration
            let loop = character.poses(segment.clip, at: (0...n).map { Float($0) / Float(n) * T })
            for i in 0...(n * segment.loops) {
                let t = segment.start + Float(i) / Float(n) * T
                var pose = i == n * segment.loops ? loop[n] : loop[i % n]
                adjust(t, &pose)
                times.append(t)
                poses.append(pose)
            }
        }
        times.append(end)
        poses.append(poses[0])
        animate(poses, at: times, joints: joints, as: name)
    }
}
