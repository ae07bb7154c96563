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
    /// The nodes of a character placed in a scene.
    struct CharacterNodes {
        /// The character: an untransformed node holding the rig and the body.
        var character: Int
        /// Where the character stands: a route animates this node.
        var rig: Int
        /// The joint nodes, indexed by `HumanoidBone.index`.
        var joints: [Int]
        /// The node carrying the skinned mesh.
        var body: Int
    }

    /// Adds `character` under `parent` at `translation`, turned `yaw` about Y: a node (role
    /// `character`) holding a rig node with the placement, the joint hierarchy named by
    /// `HumanoidBone` (VRM names) under it, a glTF skin, and the skinned body. Each clip's
    /// keyframes join the animation the clip names, so a scene's characters all play `walk`
    /// together.
    ///
    /// The body sits beside the rig, under the untransformed character node: glTF skins ignore
    /// the mesh node's transform and its parents' (§3.7.3) and validators warn when a skinned
    /// mesh has transformed parents, while importers that build one character per common
    /// ancestor of joints and body (Panda3D) need that ancestor to be this character's own.
    /// `parent` must be untransformed too.
    @discardableResult
    mutating func addCharacter(_ character: Character, name: String, translation: Vec3, yaw: Float, under parent: Int?,
                               clips: [CharacterClip] = CharacterClip.allCases) -> CharacterNodes {
        let holder = add(Node(name: name, role: .character), under: parent)
        let rig = add(Node(name: name + "Rig", transform: .trs(translation: translation, rotation: Orientation.yaw(yaw), scale: .one)), under: holder)
        var joints = [Int](repeating: -1, count: HumanoidBone.allCases.count)
        for bone in HumanoidBone.allCases {
            let node = Node(name: bone.rawValue, transform: .trs(translation: character.skeleton.offset(bone), rotation: .identity, scale: .one))
            joints[bone.index] = add(node, under: bone.parent.map { joints[$0.index] } ?? rig)
        }
        // Joints carry no rest rotation, so each inverse bind matrix undoes the joint's rest
        // position in the rig's space (the body's, which is untransformed).
        let ibm = HumanoidBone.allCases.flatMap { Mat4.translation(-character.skeleton.position($0)).m }
        scene.skins.append(Skin(name: name, joints: joints, skeleton: joints[HumanoidBone.hips.index],
                                inverseBindMatrices: DataArray(floats: ibm, elementType: .mat4)))
        var local: [SurfaceKind: Int] = [:]
        for k in character.body.mesh.kinds { local[k] = material(k) }
        let mesh = addMesh(character.body.makeMesh(name: name) { local[$0] ?? 0 })
        var bodyNode = Node(name: name + "Body", mesh: mesh)
        bodyNode.skin = scene.skins.count - 1
        let body = add(bodyNode, under: holder)
        for clip in clips { animate(character, clip, joints: joints) }
        return CharacterNodes(character: holder, rig: rig, joints: joints, body: body)
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
        for bone in HumanoidBone.allCases {
            var values: [Float] = []
            var previous = Quat.identity
            for pose in poses {
                var q = pose[bone]
                // Neighbouring keys on the same hemisphere, so clients that interpolate
                // component-wise (Blender) take the short way round as slerp does.
                if dot(q.vector, previous.vector) < 0 { q = Quat(-q.vector) }
                previous = q
                values += [q.x, q.y, q.z, q.w]
            }
            animate(animation, node: joints[bone.index], path: .rotation, times: times, values: values)
        }
        animate(animation, node: joints[HumanoidBone.hips.index], path: .translation, times: times,
                values: poses.flatMap { [$0.hips.x, $0.hips.y, $0.hips.z] })
        if name == nil { animationExtras[animation] = .object(JSONObject([("rootSpeed", .float(clip.rootSpeed))])) }
    }
}
