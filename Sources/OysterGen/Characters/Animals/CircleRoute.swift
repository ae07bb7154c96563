import OysterCore

/// A closed loop round a centre at a steady speed, as a flying bird or a swimming fish follows
/// it: clockwise seen from above (from +X toward +Z), the height rising and falling `waves`
/// times a lap (a bird's soaring, a fish's dips), the body banked into the turn as a flier's
/// is (a fish does not roll, `banks` false, only pitching with its dips). A pure function of
/// time; after `duration` it is back where it began, facing the same way, so a route
/// animation made from it loops.
struct CircleRoute: Hashable, Sendable {
    var centre: Vec2
    var radius: Float
    /// Seconds per lap.
    var duration: Float
    /// The angle (radians, from +X toward +Z) at time 0.
    var start: Float
    /// Mean height and how far it rises and falls.
    var height: Float
    var swell: Float
    var waves: Int
    var banks: Bool

    /// Metres per second along the loop.
    var speed: Float { 2 * .pi * radius / duration }

    /// Where the body is at `t`.
    func position(_ t: Float) -> Vec3 {
        let a = start + 2 * .pi * t / duration
        return Vec3(centre.x + radius * kcos(a), height + swell * ksin(Float(waves) * 2 * .pi * t / duration), centre.y + radius * ksin(a))
    }

    /// The body's rotation at `t`: facing along the loop (+Z of the model forward, +Y up),
    /// climbing or diving with the swell, rolled into the turn by the bank angle a level turn
    /// at this speed needs (tan φ = v² / (g r)).
    func rotation(_ t: Float) -> Quat {
        let a = start + 2 * .pi * t / duration
        let climb = swell * Float(waves) * 2 * .pi / duration * kcos(Float(waves) * 2 * .pi * t / duration)
        let forward = normalize(Vec3(-ksin(a) * speed, climb, kcos(a) * speed))
        let inward = Vec3(-kcos(a), 0, -ksin(a))
        let up = banks ? normalize(Vec3(0, 9.81, 0) + inward * (speed * speed / radius)) : Vec3(0, 1, 0)
        let left = normalize(cross(up, forward))
        return Orientation.quaternion(left, cross(forward, left), forward)
    }

    /// Keys at `times`: translations (x, y, z) and rotations (x, y, z, w), neighbouring
    /// rotations kept on one hemisphere so clients that interpolate component-wise take the
    /// short way round; the last time must be `duration`, whose key is the first's place.
    func keys(at times: [Float]) -> (translations: [Float], rotations: [Float]) {
        var translations: [Float] = [], rotations: [Float] = []
        translations.reserveCapacity(times.count * 3)
        rotations.reserveCapacity(times.count * 4)
        var previous = Quat.identity
        for (i, t) in times.enumerated() {
            let at = i == times.count - 1 ? 0 : t
            let p = position(at)
            var q = rotation(at)
            if dot(q.vector, previous.vector) < 0 { q = Quat(-q.vector) }
            previous = q
            translations += [p.x, p.y, p.z]
            rotations += [q.x, q.y, q.z, q.w]
        }
        return (translations, rotations)
    }

    /// Banking angle (radians) of the turn.
    var bank: Float { banks ? katan2(speed * speed / radius, 9.81) : 0 }
}
