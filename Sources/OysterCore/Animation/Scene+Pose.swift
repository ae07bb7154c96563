// MARK: - Evaluating an animation

extension Scene {
    /// The scene at `time` seconds of `animation` (an index into `animations`; nil for the rest
    /// pose): node transforms, world matrices, morph weights and skin joint matrices.
    ///
    /// Channels that target no node, an extension path (`KHR_animation_pointer`) or a sampler
    /// that cannot be evaluated are skipped; nodes nothing animates keep their own transform.
    /// A node stored as a matrix is split into TRS when a channel animates it.
    public func pose(at time: Float, animation: Int?) -> ScenePose {
        pose(at: time, animations: animation.map { [$0] } ?? [])
    }

    /// The scene at `time` seconds with several animations playing together (a generated
    /// world's water, weather and windmills are separate animations): later ones win where
    /// two drive the same property. Each loops over its own duration when `looping`.
    public func pose(at time: Float, animations playing: [Int], looping: Bool = false) -> ScenePose {
        var locals = nodes.map(\.transform)
        var weights = nodes.map { n -> [Float] in
            n.weights ?? n.mesh.flatMap { meshes.indices.contains($0) ? defaultWeights(of: meshes[$0]) : nil } ?? []
        }
        for animation in playing where animations.indices.contains(animation) {
            let anim = animations[animation]
            let duration = anim.duration
            let time = looping && duration > 0 ? time - (time / duration).rounded(.down) * duration : time
            for channel in anim.channels {
                guard let n = channel.node, nodes.indices.contains(n), anim.samplers.indices.contains(channel.sampler) else { continue }
                let sampler = anim.samplers[channel.sampler]
                guard let v = sampler.value(at: time, isRotation: channel.path == .rotation) else { continue }
                switch channel.path {
                case .translation, .rotation, .scale:
                    locals[n] = locals[n].setting(channel.path, to: v)
                case .weights:
                    weights[n] = v
                case .other:
                    continue
                }
            }
        }
        var posed = self
        for i in nodes.indices { posed.nodes[i].transform = locals[i] }
        let world = posed.worldMatrices()
        return ScenePose(localTransforms: locals, worldMatrices: world, weights: weights,
                         jointMatrices: skins.indices.map { jointMatrices(skin: $0, world: world) })
    }

    /// A mesh's default weights, or zeros for each morph target when it names none.
    private func defaultWeights(of mesh: Mesh) -> [Float] {
        if let w = mesh.weights { return w }
        let targets = mesh.primitives.map(\.targets.count).max() ?? 0
        return [Float](repeating: 0, count: targets)
    }

    /// Joint matrices of skin `s` given every node's world matrix.
    private func jointMatrices(skin s: Int, world: [Mat4]) -> [Mat4] {
        let skin = skins[s]
        let meshNode = nodes.firstIndex { $0.skin == s && $0.mesh != nil }
        let toMesh = meshNode.flatMap { world[$0].inverse } ?? .identity
        let ibm = skin.inverseBindMatrices?.floats() ?? []
        return skin.joints.enumerated().map { j, joint in
            let jointWorld = nodes.indices.contains(joint) ? world[joint] : .identity
            let bind = ibm.count >= (j + 1) * 16 ? Mat4(columnMajor: Array(ibm[(j * 16)..<(j * 16 + 16)])) : .identity
            return toMesh * jointWorld * bind
        }
    }
}

extension Transform {
    /// This transform with one TRS property replaced by an evaluated channel value.
    func setting(_ path: AnimationPath, to v: [Float]) -> Transform {
        var (t, r, s): (Vec3, Quat, Vec3)
        switch self {
        case .trs(let tt, let rr, let ss): (t, r, s) = (tt, rr, ss)
        case .matrix(let m): (t, r, s) = m.decomposed() ?? (.zero, .identity, .one)
        }
        switch path {
        case .translation where v.count >= 3: t = Vec3(v[0], v[1], v[2])
        case .rotation where v.count >= 4: r = Quat(Vec4(v[0], v[1], v[2], v[3]))
        case .scale where v.count >= 3: s = Vec3(v[0], v[1], v[2])
        default: break
        }
        return .trs(translation: t, rotation: r, scale: s)
    }
}
