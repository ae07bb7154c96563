import OysterCore

/// A joint of one of Oyster's skeletons (the humanoid's `HumanoidBone`, the quadruped's
/// `QuadrupedBone`): a typed name, its parent and its place in the glTF skin's `joints`.
/// Cases are declared parents first, so a pass in `allCases` order sees every parent first.
protocol SkeletonJoint: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String, AllCases == [Self] {
    /// The joint this one hangs from (nil for the root).
    var parent: Self? { get }
    /// The joint's index in `allCases`: its place in the skin's `joints`.
    var index: Int { get }
}

/// A skeleton's rest pose: where each joint is and where its bone ends, in model space (facing
/// +Z, standing on y = 0, no rest rotations). The skinned mesh builder, the pose's forward
/// kinematics and the scene's rig are written once over this.
protocol SkinSkeleton: Hashable, Sendable {
    associatedtype Bone: SkeletonJoint
    /// Rest position of `bone`.
    func position(_ bone: Bone) -> Vec3
    /// Where the bone ends (its child's joint, or the end of a chain).
    func tip(_ bone: Bone) -> Vec3
    /// The distance (metres) below which skinning weights stop growing, so a vertex on a
    /// bone does not take all its weight from it alone: about 1 % of the body's size.
    var weightSoftness: Float { get }
}

extension SkinSkeleton {
    /// Rest offset of `bone` from its parent (the joint's node translation); the root's is
    /// from the model origin.
    func offset(_ bone: Bone) -> Vec3 {
        position(bone) - (bone.parent.map { position($0) } ?? .zero)
    }
}

/// One moment of a motion on a skeleton: each joint's local rotation from the rest pose and the
/// root joint's translation, plus forward kinematics to find where the joints are.
struct SkeletonPose<Bone: SkeletonJoint> {
    var rotations = [Quat](repeating: .identity, count: Bone.allCases.count)
    /// The root joint's translation (model space).
    var root: Vec3

    init(root: Vec3) { self.root = root }

    subscript(_ b: Bone) -> Quat {
        get { rotations[b.index] }
        set { rotations[b.index] = newValue }
    }

    /// World rotation and position of every joint (model space), parents first.
    func world<S: SkinSkeleton>(_ skeleton: S) -> (rotations: [Quat], positions: [Vec3]) where S.Bone == Bone {
        var r = [Quat](repeating: .identity, count: rotations.count)
        var p = [Vec3](repeating: .zero, count: rotations.count)
        for b in Bone.allCases {
            if let parent = b.parent {
                r[b.index] = (r[parent.index] * rotations[b.index]).normalized
                p[b.index] = p[parent.index] + r[parent.index].rotate(skeleton.offset(b))
            } else {
                r[b.index] = rotations[b.index]
                p[b.index] = root
            }
        }
        return (r, p)
    }
}

// MARK: - The humanoid

extension HumanoidBone: SkeletonJoint {}

extension HumanoidSkeleton: SkinSkeleton {
    var weightSoftness: Float { 0.012 * height }
}
