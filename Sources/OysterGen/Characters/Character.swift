import OysterCore

/// One generated person (or skeleton): a look, a skeleton sized to it and one skinned mesh
/// bound to that skeleton. A pure function of (role, seed, palette).
public struct Character: Sendable {
    public let role: CharacterRole
    public let look: CharacterLook
    public let skeleton: HumanoidSkeleton
    let body: SkinnedMeshBuilder<HumanoidSkeleton>

    /// The character of `role` for `seed`, dressed from `palette`.
    public init(role: CharacterRole, seed: UInt64, palette: CharacterPalette) {
        self.role = role
        look = CharacterLook(role: role, seed: seed, palette: palette)
        skeleton = HumanoidSkeleton(height: look.height, build: look.build)
        if role == .skeleton {
            var b = SkeletonBody(skeleton: skeleton)
            body = b.build()
        } else {
            var b = HumanoidBody(skeleton: skeleton, look: look)
            body = b.build()
        }
    }

    /// Triangles of the body mesh (LOD0).
    public var triangleCount: Int { body.triangleCount }

    /// The joint-space poses of `clip` at `times` seconds (looping).
    func poses(_ clip: CharacterClip, at times: [Float]) -> [HumanoidPose] {
        HumanoidMotion(skeleton: skeleton).poses(clip, phases: times.map { $0 / clip.duration })
    }
}
