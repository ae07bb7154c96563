#if canImport(Glibc)
import Glibc
#endif
import OysterCore

/// Plays an action script on a walker one frame at a time: the fixed-step simulation behind
/// `Walker.camera` (a whole script at once) and the live session (actions added as the player
/// presses keys). One implementation, so a recorded session replays to the same poses.
///
/// Each frame is `Walker.rate / fps` steps. At each step the actions whose start has come
/// begin (jumps, flying on or off and turns or looks that take no time happen once, there);
/// those under way add their speeds and turning rates; those whose end has come stop.
public struct ActionPlayer: Sendable {
    public private(set) var walker: Walker
    public let fps: Int
    /// Frames played so far.
    public private(set) var frame = 0
    /// Every action, in start order (for a live session: as scheduled).
    public private(set) var actions: [ActionScript.Action]
    /// Each action's index in the script it came from (what a spawn is seeded by).
    private var origins: [Int]
    /// Fixed simulation steps per frame (`Walker.rate / fps`).
    public let stepsPerFrame: Int
    let dt: Float
    private var next = 0
    /// Indices into `actions` of those under way, kept apart so a step looks at what is
    /// running, not at the whole script (a recorded session has an action per input).
    private var running: [Int] = []
    /// The last orbit started: its action and its circle.
    private var orbit: (action: Int, circle: OrbitCircle)?

    /// A player at the script's start over `ground`: where the script says (else at
    /// `camera`'s place and heading, else the middle of the ground), on the ground there.
    public init(_ script: ActionScript, over ground: some WalkSurface, camera: (eye: Vec3, forward: Vec3)?, fps: Int) {
        var start = script.start ?? camera?.eye ?? (ground.bounds.isEmpty ? .zero : ground.bounds.center)
        if let floor = ground.height(x: start.x, z: start.z, below: script.start == nil ? .infinity : start.y + 2) ?? ground.height(x: start.x, z: start.z) {
            start.y = floor
        }
        let heading = script.heading ?? camera.map { atan2f($0.forward.x, -$0.forward.z) } ?? 0
        walker = Walker(feet: start, heading: heading, pitch: script.pitch)
        walker.grounded = ground.height(x: start.x, z: start.z, below: start.y + 1e-3).map { abs($0 - start.y) < 1e-3 } ?? false
        // Starting over deep water: afloat.
        var feet = walker.feet
        walker.settle(&feet, inWaterOf: ground)
        walker.feet = feet
        self.fps = max(1, fps)
        stepsPerFrame = max(1, Int(Walker.rate) / self.fps)
        dt = 1 / Float(self.fps) / Float(stepsPerFrame)
        let order = script.actions.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        actions = order.map(\.element)
        origins = order.map(\.offset)
    }

    /// Seconds at the start of frame `frame`.
    public var time: Float { Float(frame) / Float(fps) }

    /// Adds an action that starts no earlier than the last one scheduled (live input comes in
    /// time order) and returns its index, for `setSeconds` when its end becomes known.
    public mutating func schedule(_ action: ActionScript.Action) -> Int {
        precondition(actions.last.map { action.at >= $0.at } ?? true, "actions are scheduled in start order")
        actions.append(action)
        origins.append(actions.count - 1)
        return actions.count - 1
    }

    /// Sets how long action `index` lasts (a held key's action ends when the key is let go;
    /// until then it lasts `.infinity`).
    public mutating func setSeconds(_ seconds: Float, ofAction index: Int) {
        actions[index].seconds = seconds
    }

    /// The camera of the current frame: the walker's eyes, or an orbit's while one runs.
    public var view: (eye: Vec3, forward: Vec3) {
        shownOrbit.map { $0.circle.view(at: $0.fraction) } ?? (walker.eye, walker.forward)
    }

    /// Whether an orbit shows at the current frame.
    public var isOrbiting: Bool { shownOrbit != nil }

    /// The orbit the current frame shows and how far round it is (0…1), if one runs now.
    private var shownOrbit: (circle: OrbitCircle, fraction: Float)? {
        guard let orbit else { return nil }
        let a = actions[orbit.action]
        guard time >= a.at, time < a.at + a.seconds else { return nil }
        return (orbit.circle, min(max((time - a.at) / a.seconds, 0), 1))
    }

    /// Ends the orbit under way with a `stop-orbit` at `time` seconds (the view is the
    /// walker's from the first frame after it); nothing when none runs then. The orbit's own
    /// action is left as it was, so the frames before are the same in a replay.
    public mutating func endOrbit(at time: Float) {
        guard let orbit else { return }
        let a = actions[orbit.action]
        guard time < a.at + a.seconds, !actions[next...].contains(where: { $0.kind == .stopOrbit }) else { return }
        _ = schedule(ActionScript.Action(.stopOrbit, at: time, seconds: 0))
    }

    /// Plays one frame: `stepsPerFrame` fixed steps over `ground`.
    public mutating func advanceFrame(over ground: some WalkSurface) {
        advanceFrame(over: ground) { (_: PlacedSpawn) throws(Never) in }
    }

    /// Plays one frame, handing each spawn that comes to `place` at its step, with where it
    /// lands from where the walker is then (the caller adds it to `ground` before the next
    /// step). The hour and the weather do not touch the walk.
    public mutating func advanceFrame<E: Error>(over ground: some WalkSurface, place: (PlacedSpawn) throws(E) -> Void) throws(E) {
        let t = time
        for s in 0..<stepsPerFrame {
            let now = t + Float(s) * dt
            var jump = false
            while next < actions.count, actions[next].at <= now {
                let a = actions[next]
                switch a.kind {
                case .jump: jump = true
                case .fly(let on):
                    if walker.flying != on { walker.flying = on; walker.verticalSpeed = 0 }
                case .turn(let r) where a.seconds == 0: walker.heading += r
                case .look(let r) where a.seconds == 0: walker.pitch = min(max(walker.pitch + r, -1.55), 1.55)
                case .spawn(let spawn): try place(walker.placing(spawn, action: origins[next], time: now))
                case .orbit(let o): orbit = (next, OrbitCircle(o, from: walker, over: ground))
                case .stopOrbit: orbit = nil
                case .setTime, .weather, .slowMotion, .gather: break
                default: if a.seconds > 0 { running.append(next) }
                }
                next += 1
            }
            running.removeAll { now >= actions[$0].at + actions[$0].seconds }
            var speed: Float = 0, sideways: Float = 0, turn: Float = 0, look: Float = 0
            for i in running {
                let a = actions[i]
                switch a.kind {
                case .move(let v): speed += v
                case .strafe(let v): sideways += v
                case .turn(let r): turn += r / a.seconds
                case .look(let r): look += r / a.seconds
                case .jump, .fly, .wait, .setTime, .weather, .spawn, .orbit, .stopOrbit, .slowMotion, .gather: break
                }
            }
            walker.step(dt, forward: speed, sideways: sideways, turn: turn, look: look, jump: jump, ground: ground)
        }
        frame += 1
    }
}

/// The circle an orbit's camera flies: round the ground at its centre, at the distance the
/// walker's eyes were from it (4–300 m, and at least 2.5 times the height it aims at), high enough to see over what is near (at least 35 %
/// of that distance above the centre, and 3 m above every point of the ground round the
/// circle), from the side the walker stood on, looking at the middle of what stands at the
/// centre (a tower's half height; 2 m over open ground).
struct OrbitCircle: Sendable {
    var centre: Vec3
    var radius: Float
    var height: Float
    /// Metres above the centre's ground the camera looks at.
    var aim: Float
    var startAngle: Float
    var radians: Float

    init(_ orbit: ActionScript.Orbit, from walker: Walker, over ground: some WalkSurface) {
        let x: Float, z: Float
        switch orbit.centre {
        case .point(let px, let pz): (x, z) = (px, pz)
        case .ahead(let metres): (x, z) = (walker.feet.x + sinf(walker.heading) * metres, walker.feet.z - cosf(walker.heading) * metres)
        }
        // The ground at the centre is the highest surface no higher than the walker's eyes (the
        // foot of a tower, not its roof); the top of what stands there is the highest surface.
        let water = ground.waterSurface(x: x, z: z) ?? -.infinity
        let top = max(ground.height(x: x, z: z) ?? walker.feet.y, water)
        let floor = max(ground.height(x: x, z: z, below: walker.eye.y + 1) ?? top, water)
        centre = Vec3(x, floor, z)
        aim = max(2, (top - floor) / 2)
        let d = walker.eye - centre
        let flat = (d.x * d.x + d.z * d.z).squareRoot()
        // Far enough to see the whole of what stands there (a tower from 2.5 times its half height).
        radius = min(max(flat, 4, 2.5 * aim), 300)
        startAngle = flat > 1e-3 ? atan2f(d.x, -d.z) : walker.heading + .pi
        radians = orbit.radians
        var h = max(d.y, radius * 0.35, aim)
        for i in 0..<32 {
            let a = startAngle + Float(i) / 32 * 2 * .pi
            let p = centre + Vec3(sinf(a), 0, -cosf(a)) * radius
            if let g = ground.height(x: p.x, z: p.z) { h = max(h, g + 3 - centre.y) }
        }
        height = h
    }

    /// The camera `f` (0…1) of the way round.
    func view(at f: Float) -> (eye: Vec3, forward: Vec3) {
        let a = startAngle + radians * f
        let eye = centre + Vec3(sinf(a) * radius, height, -cosf(a) * radius)
        return (eye, normalize(centre + Vec3(0, aim, 0) - eye))
    }
}

extension ActionScript.Action {
    /// An action starting at `at` seconds and lasting `seconds` (the memberwise initializer
    /// is internal to this module).
    public init(_ kind: ActionScript.Kind, at: Float, seconds: Float) {
        self.at = at
        self.seconds = seconds
        self.kind = kind
    }
}
