import OysterCore

/// A villager's walk along a road out of the village and back, as one looping glTF animation:
/// walk out along the road, stop and stand (turning round on the spot), walk back, stop and
/// stand again, so the last key is the first. The walks are whole walk loops long, so the
/// walk clip repeated under the moving rig keeps its feet planted; the stops play `idle`.
struct CharacterStroll: Sendable {
    /// Most villagers walking a road in one world.
    static let maxStrollers = 2
    /// Walk loops each way: at most 24 (26.4 m along the road), at least 6 (a road that runs
    /// into a house or the water sooner is not walked).
    static let maxLoops = 24
    static let minLoops = 6
    /// Metres between the way's points.
    static let step: Float = 0.5
    /// Metres a walk loop covers.
    static var stride: Float { CharacterClip.walk.rootSpeed * CharacterClip.walk.duration }
    /// Seconds standing at each end: one idle loop, with a blend either side.
    static var pause: Float { CharacterClip.idle.duration + 2 * blend }
    /// Seconds a stop takes to blend from the walk into `idle` and back (keys of both clips
    /// with this gap between them: the players interpolate across it).
    static let blend: Float = 0.3
    /// Seconds of a stop spent turning round.
    static let turn: Float = 1.2

    /// The way out: points every `step` metres, at least `way` long.
    let path: [Vec2]
    /// Walk loops each way.
    let loops: Int
    var walkSeconds: Float { Float(loops) * CharacterClip.walk.duration }
    /// Metres each way.
    var way: Float { Float(loops) * Self.stride }
    var duration: Float { 2 * (walkSeconds + Self.pause) }

    /// The first `loops` walk loops of `path` (which must be that long).
    init(path: [Vec2], loops: Int) {
        self.loops = loops
        self.path = Array(path.prefix(Int((Float(loops) * Self.stride / Self.step).rounded(.up)) + 1))
    }

    /// Whole walk loops a way of points `step` apart holds.
    static func loops(in path: [Vec2]) -> Int { Int((Float(path.count - 1) * step / stride).rounded(.down)) }

    /// Points every `step` metres along `line`, starting `skip` metres from its point nearest
    /// `from`, in the direction `sign` (+1 with the points, −1 against them), for `maxLoops`
    /// walk loops or until the line ends; nil when it ends within `skip`.
    static func stretch(of road: Polyline, from: Vec2, sign: Int, skip: Float = 0) -> [Vec2]? {
        let line = road.points
        guard line.count >= 2 else { return nil }
        let best = road.closest(to: from)
        // Walk the line from there, `sign` ways, collecting a point every `step` metres.
        var points = [line[best.segment] + (line[best.segment + 1] - line[best.segment]) * best.t]
        var here = points[0]
        var next = sign > 0 ? best.segment + 1 : best.segment
        var carried: Float = 0
        let skipped = Int((skip / step).rounded())
        let count = Int((Float(maxLoops) * stride / step).rounded(.up)) + skipped
        while points.count <= count {
            guard next >= 0, next < line.count else { break }
            let target = line[next]
            let d = length(target - here)
            if carried + d >= step {
                here = here + (target - here) * ((step - carried) / d)
                points.append(here)
                carried = 0
            } else {
                carried += d
                here = target
                next += sign > 0 ? 1 : -1
            }
        }
        guard points.count > skipped + 1 else { return nil }
        return smoothed(Array(points.dropFirst(skipped)))
    }

    /// The points averaged over 2 m either side (fewer near the ends, which stay put): a
    /// road's polyline turns at its corners, and a walker turning there would drag its
    /// planted foot round.
    static func smoothed(_ points: [Vec2], reach: Int = 4) -> [Vec2] {
        points.indices.map { i in
            let r = min(reach, i, points.count - 1 - i)
            return points[(i - r)...(i + r)].reduce(Vec2(0, 0), +) / Float(2 * r + 1)
        }
    }
}

extension RegionBuilder {
    /// A stroll along its way: the rig moved
    /// out and back at the walk's speed on the ground's height, turned along the road and round
    /// at each end, with the walk's keys under the walks and `idle`'s under the stops, all in
    /// the animation `stroll`.
    func strollAnimation(_ nodes: SceneAssembler.CharacterNodes, _ character: Character, _ stroll: CharacterStroll, into a: inout SceneAssembler) {
        let path = stroll.path
        // The heights along the whole path from one query of the world's features, so a tile
        // that owns the start builds the same stroll as the home region.
        let lo = path.reduce(Vec2(repeating: .infinity)) { pointwiseMin($0, $1) }
        let hi = path.reduce(Vec2(repeating: -.infinity)) { pointwiseMax($0, $1) }
        let ground = map.features(minX: lo.x, minZ: lo.y, maxX: hi.x, maxZ: hi.y)
        let walk = CharacterClip.walk, keysPerLoop = CharacterKeys.intervals(walk)
        let step = walk.rootSpeed * walk.duration / Float(keysPerLoop)
        let spacing = CharacterStroll.step
        /// Where the rig is `s` metres along the path, and its heading there.
        func along(_ s: Float) -> (Vec3, Float) {
            let u = max(0, min(Float(path.count - 1) - 1e-4, s / spacing))
            let i = Int(u.rounded(.down)), f = u - Float(i)
            let p = path[i] + (path[i + 1] - path[i]) * f
            let d = path[i + 1] - path[i]
            return (Vec3(p.x, ground.height(p.x, p.y), p.y), katan2(d.x, d.y))
        }
        let n = stroll.loops * keysPerLoop
        let walkT = stroll.walkSeconds, pause = CharacterStroll.pause
        var times: [Float] = [], positions: [Float] = [], rotations: [Float] = []
        var previous = Quat.identity
        func key(_ t: Float, _ p: Vec3, _ yaw: Float) {
            var q = Orientation.yaw(yaw)
            if dot(q.vector, previous.vector) < 0 { q = Quat(-q.vector) }
            previous = q
            times.append(t)
            positions += [p.x, p.y, p.z]
            rotations += [q.x, q.y, q.z, q.w]
        }
        // Out, then back: heading along the road, then against it.
        for (leg, start) in [(0, Float(0)), (1, walkT + pause)] {
            for i in 0...n {
                let s = Float(i) * step
                let (p, yaw) = along(leg == 0 ? s : stroll.way - s)
                key(start + Float(i) / Float(n) * walkT, p, leg == 0 ? yaw : yaw + .pi)
            }
            // The stop: turn round on the spot, then stand.
            let end = start + walkT
            let (p, yaw) = along(leg == 0 ? stroll.way : 0)
            let facing = leg == 0 ? yaw : yaw + .pi
            for k in 1...4 { key(end + CharacterStroll.turn * Float(k) / 4, p, facing + .pi * Float(k) / 4) }
            // Standing until the loop starts again at the near end; at the far end the walk
            // back's first key (this place, this heading) ends the stand, so no two keys
            // share a time.
            if leg == 1 { key(stroll.duration, p, facing + .pi) }
        }
        a.animate("stroll", node: nodes.rig, path: .translation, times: times, values: positions)
        a.animate("stroll", node: nodes.rig, path: .rotation, times: times, values: rotations)
        // The body: walk loops under each walk, idle under each stop (after a blend).
        let idle = CharacterClip.idle, blend = CharacterStroll.blend
        // Every key's feet on the road's ground under them (the clips are made on flat ground):
        // the rig's place at that time, on the way out, standing, or on the way back.
        func rig(at t: Float) -> (Vec3, Float) {
            if t <= walkT { return along(t / walkT * stroll.way) }
            if t >= walkT + pause, t <= 2 * walkT + pause {
                let (p, yaw) = along(stroll.way - (t - walkT - pause) / walkT * stroll.way)
                return (p, yaw + .pi)
            }
            // Standing at an end, turning round as the rig's keys do.
            let far = t < walkT + pause
            let (p, yaw) = along(far ? stroll.way : 0)
            let turned = min(1, (t - (far ? walkT : 2 * walkT + pause)) / CharacterStroll.turn)
            return (p, (far ? yaw : yaw + .pi) + .pi * turned)
        }
        let skeleton = character.skeleton
        a.animate(character, segments: [
            (walk, 0, stroll.loops), (idle, walkT + blend, 1),
            (walk, walkT + pause, stroll.loops), (idle, 2 * walkT + pause + blend, 1),
        ], joints: nodes.joints, closingAt: stroll.duration, as: "stroll") { t, pose in
            let (p, yaw) = rig(at: t)
            pose.ground(on: { ground.height($0, $1) }, rig: p, yaw: yaw, skeleton: skeleton)
        }
        a.scene.nodes[nodes.rig].transform = .trs(translation: Vec3(positions[0], positions[1], positions[2]),
                                                   rotation: Quat(Vec4(rotations[0], rotations[1], rotations[2], rotations[3])), scale: .one)
    }
}
