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
    /// Posing one scene many times (frames of a video): make a `ScenePoser` once.
    public func pose(at time: Float, animations playing: [Int], looping: Bool = false) -> ScenePose {
        ScenePoser(self).pose(at: time, animations: playing, looping: looping)
    }
}

/// What posing a scene needs that no moment changes, worked out once: every sampler's
/// keyframes decoded, each animation's duration, the rest transforms and weights, the order
/// world matrices are composed in, and each skin's mesh node and inverse bind matrices.
/// `pose(at:)` then gives exactly `Scene.pose(at:)`'s result (that function is this one) for
/// a fraction of the work: a video frame used to decode every keyframe array again and walk
/// every node once per skin.
public struct ScenePoser: Sendable {
    private struct Track: Sendable {
        var node: Int
        var path: AnimationPath
        var keys: KeyframeTrack
    }

    private let tracks: [[Track]]
    private let durations: [Float]
    private let restLocals: [Transform]
    private let restWeights: [[Float]]
    private let order: [Scene.Composition]
    private let skins: [(meshNode: Int?, joints: [Int], inverseBinds: [Mat4])]

    public init(_ scene: Scene) {
        let nodes = scene.nodes
        tracks = scene.animations.map { anim in
            anim.channels.compactMap { channel in
                guard let n = channel.node, nodes.indices.contains(n), anim.samplers.indices.contains(channel.sampler) else { return nil }
                return Track(node: n, path: channel.path, keys: KeyframeTrack(anim.samplers[channel.sampler]))
            }
        }
        durations = scene.animations.map(\.duration)
        restLocals = nodes.map(\.transform)
        restWeights = nodes.map { n -> [Float] in
            n.weights ?? n.mesh.flatMap { scene.meshes.indices.contains($0) ? Self.defaultWeights(of: scene.meshes[$0]) : nil } ?? []
        }
        order = scene.compositionOrder()
        skins = scene.skins.indices.map { s in
            (nodes.firstIndex { $0.skin == s && $0.mesh != nil }, scene.skins[s].joints, scene.skins[s].inverseBinds)
        }
    }

    /// Every node's world matrix in the rest pose (`Scene.worldMatrices()`, from what the
    /// poser already worked out).
    public var restWorldMatrices: [Mat4] { Scene.compose(restLocals.map(\.matrix), in: order) }

    /// The scene at `time` seconds with `playing` animations (see `Scene.pose(at:animations:looping:)`).
    public func pose(at time: Float, animations playing: [Int], looping: Bool = false) -> ScenePose {
        var locals = restLocals
        var weights = restWeights
        for animation in playing where tracks.indices.contains(animation) {
            let duration = durations[animation]
            let time = looping && duration > 0 ? time - (time / duration).rounded(.down) * duration : time
            for track in tracks[animation] {
                guard let v = track.keys.value(at: time, isRotation: track.path == .rotation) else { continue }
                switch track.path {
                case .translation, .rotation, .scale:
                    locals[track.node] = locals[track.node].setting(track.path, to: v)
                case .weights:
                    weights[track.node] = v
                case .other:
                    continue
                }
            }
        }
        let world = Scene.compose(locals.map(\.matrix), in: order)
        return ScenePose(localTransforms: locals, worldMatrices: world, weights: weights,
                         jointMatrices: skins.map { jointMatrices($0, world: world) })
    }

    /// A mesh's default weights, or zeros for each morph target when it names none.
    private static func defaultWeights(of mesh: Mesh) -> [Float] {
        if let w = mesh.weights { return w }
        let targets = mesh.primitives.map(\.targets.count).max() ?? 0
        return [Float](repeating: 0, count: targets)
    }

    /// Joint matrices of a skin given every node's world matrix.
    private func jointMatrices(_ skin: (meshNode: Int?, joints: [Int], inverseBinds: [Mat4]), world: [Mat4]) -> [Mat4] {
        let toMesh = skin.meshNode.flatMap { world[$0].inverse } ?? .identity
        return skin.joints.enumerated().map { j, joint in
            let jointWorld = world.indices.contains(joint) ? world[joint] : .identity
            return toMesh * jointWorld * skin.inverseBinds[j]
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
