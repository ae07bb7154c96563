import OysterCore

extension SceneAssembler {
    /// Moves `animal`'s rig round `route` in the animation `name`, with `clip` keyed under it
    /// on the joints: the clip's loop is stretched or squeezed a little (to a whole number of
    /// loops per lap) so the clip and the lap end together and the animation loops. Keys at
    /// the clip's own density (`keyIntervals` per loop), shared by the rig and the joints; the
    /// last key repeats the first. Returns the key times.
    @discardableResult
    mutating func addRoute<A: RiggedAnimal>(_ nodes: RigNodes, _ animal: A, clip: A.Clip, route: CircleRoute, as name: String) -> [Float] {
        let T = animal.duration(clip), D = route.duration
        let loops = max(1, Int((D / T).rounded()))
        let n = loops * animal.keyIntervals(clip)
        let times = (0...n).map { Float($0) / Float(n) * D }
        // The clip's own time at each key: whole loops of it over the lap.
        let scale = T * Float(loops) / D
        var poses = animal.poses(clip, at: times.dropLast().map { $0 * scale })
        poses.append(poses[0])
        let (translations, rotations) = route.keys(at: times)
        animate(name, node: nodes.rig, path: .translation, times: times, values: translations)
        animate(name, node: nodes.rig, path: .rotation, times: times, values: rotations)
        animate(poses, at: times, joints: nodes.joints, as: name)
        scene.nodes[nodes.rig].transform = .trs(translation: Vec3(translations[0], translations[1], translations[2]),
                                                 rotation: Quat(Vec4(rotations[0], rotations[1], rotations[2], rotations[3])), scale: .one)
        return times
    }
}
