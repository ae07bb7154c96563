#if canImport(Glibc)
import Glibc
#endif
import OysterCore
import OysterRender

/// A person walking through a scene: feet on the ground, gravity, a step height, solid
/// buildings, rocks and trunks, wading and swimming in water, or flying. Simulated at a fixed
/// step, so it is the same on every run.
public struct Walker: Sendable {
    /// What the walker moves through.
    public enum Medium: String, Sendable {
        case land
        /// Water deeper than `wadeDepth` and shallower than `swimDepth`: slowed, still walking.
        case wading
        /// Water at least `swimDepth` deep: afloat with the head out, slower, no jumping.
        case swimming
    }

    public var feet: Vec3
    /// Radians; 0 looks along −Z, positive turns right.
    public var heading: Float
    /// Radians; positive looks up.
    public var pitch: Float
    public var flying = false
    public private(set) var medium = Medium.land
    /// Metres of water over the feet (0 out of water).
    public private(set) var waterDepth: Float = 0
    var verticalSpeed: Float = 0
    var grounded = false

    public static let eyeHeight: Float = 1.7
    public static let radius: Float = 0.35
    public static let stepHeight: Float = 0.45
    public static let gravity: Float = 9.81
    public static let jumpSpeed: Float = 4.5
    /// Simulation steps per second.
    public static let rate: Float = 240
    /// Water deeper than this (metres over the feet) slows walking.
    public static let wadeDepth: Float = 0.3
    /// Water this deep lifts the walker: it swims with its eyes 0.4 m above the surface, and
    /// sinks no deeper (flying included: the camera never goes under water, where nothing is
    /// drawn).
    public static let swimDepth: Float = 1.3
    /// Speed in water this deep, as a share of the speed asked for on land.
    public static let swimmingSpeed: Float = 0.5

    public var eye: Vec3 { feet + Vec3(0, Self.eyeHeight, 0) }
    public var forward: Vec3 { Vec3(sinf(heading) * cosf(pitch), sinf(pitch), -cosf(heading) * cosf(pitch)) }

    public init(feet: Vec3, heading: Float, pitch: Float) {
        self.feet = feet
        self.heading = heading
        self.pitch = pitch
    }

    /// One step of `dt` seconds with the walker asking to move `forward` and `sideways`
    /// (m/s), turn and look (rad/s), and maybe jump.
    mutating func step(_ dt: Float, forward speed: Float, sideways: Float, turn: Float, look: Float, jump: Bool, ground: some WalkSurface) {
        heading += turn * dt
        pitch = min(max(pitch + look * dt, -1.55), 1.55)
        let flat = Vec3(sinf(heading), 0, -cosf(heading)), right = Vec3(cosf(heading), 0, sinf(heading))
        var next = feet
        if flying {
            next += forward * (speed * dt) + right * (sideways * dt)
        } else {
            let slowed = waterSlowing
            next += (flat * speed + right * sideways) * (slowed * dt)
            if jump && grounded && medium != .swimming { verticalSpeed = Self.jumpSpeed; grounded = false }
            verticalSpeed -= Self.gravity * dt
            next.y += verticalSpeed * dt
        }
        // Solids push back horizontally; low ones are stepped onto.
        next = ground.resolve(next, radius: Self.radius, height: Self.eyeHeight, step: Self.stepHeight)
        if let floor = ground.height(x: next.x, z: next.z, below: max(feet.y, next.y) + Self.stepHeight) {
            if next.y <= floor {
                next.y = floor
                verticalSpeed = 0
                grounded = !flying
            } else if !flying && verticalSpeed <= 0 && next.y - floor < 0.05 {
                grounded = true
            } else {
                grounded = false
            }
        }
        settle(&next, inWaterOf: ground)
        feet = next
    }

    /// Lifts `feet` out of water deeper than swimming depth (the walker floats; flying, it
    /// stops at the surface) and sets the medium and depth from the water over them.
    mutating func settle(_ feet: inout Vec3, inWaterOf ground: some WalkSurface) {
        medium = .land
        waterDepth = 0
        guard let surface = ground.waterSurface(x: feet.x, z: feet.z) else { return }
        if surface - feet.y > Self.swimDepth {
            feet.y = surface - Self.swimDepth
            verticalSpeed = max(verticalSpeed, 0)
        }
        let depth = surface - feet.y
        waterDepth = max(0, depth)
        if !flying, depth >= Self.swimDepth - 1e-3 {
            medium = .swimming
            grounded = false
        } else if !flying, depth > Self.wadeDepth {
            medium = .wading
        }
    }

    /// The share of the asked-for speed the water allows: 1 on land, falling linearly from
    /// the wading depth to `swimmingSpeed` at swimming depth.
    var waterSlowing: Float {
        switch medium {
        case .land: return 1
        case .swimming: return Self.swimmingSpeed
        case .wading:
            let depth = min(max((waterDepth - Self.wadeDepth) / (Self.swimDepth - Self.wadeDepth), 0), 1)
            return 1 - (1 - Self.swimmingSpeed) * depth
        }
    }

    /// The camera of every frame of `script` walked over `ground` at `fps`, starting where the
    /// script says (else at `camera`'s place and heading, else the middle of the ground).
    ///
    /// Each spawn is handed to `place` at its moment in the walk, with where it lands (a
    /// spawn "ahead" is placed from where the walker is then), so the caller can make the
    /// thing and add it to `ground` before the next step: the walker bumps into it from then
    /// on. The hour and the weather do not touch the walk.
    public static func camera(for script: ActionScript, over ground: some WalkSurface, camera: (eye: Vec3, forward: Vec3)?, fps: Int,
                              place: (PlacedSpawn) throws(ActionScriptError) -> Void = { _ in }) throws(ActionScriptError) -> CameraPath {
        var player = ActionPlayer(script, over: ground, camera: camera, fps: fps)
        let duration = max(script.duration, 1 / Float(fps))
        let frames = Int((Double(duration) * Double(fps)).rounded())
        var keys: [CameraPath.Key] = []
        for frame in 0...frames {
            let view = player.view
            keys.append(CameraPath.Key(time: Float(frame) / Float(fps), position: view.eye, target: view.eye + view.forward))
            guard frame < frames else { break }
            try player.advanceFrame(over: ground, place: place)
        }
        do { return try CameraPath(keys: keys, interpolation: .linear) } catch {
            throw .invalid("the walk could not be made into a camera path: \(error)")
        }
    }
}

/// A spawn where it lands: on the plane at (x, z), turned `heading` radians to the right,
/// from `time` seconds into the walk. `action` is its index in the script.
public struct PlacedSpawn: Sendable, Equatable {
    public var thing: String
    public var x: Float
    public var z: Float
    public var heading: Float
    public var time: Float
    public var action: Int

    public init(thing: String, x: Float, z: Float, heading: Float, time: Float, action: Int) {
        self.thing = thing
        self.x = x
        self.z = z
        self.heading = heading
        self.time = time
        self.action = action
    }
}

extension Walker {
    /// Where `spawn` lands from where the walker is now: at its point, or `metres` ahead along
    /// the walker's heading (level, whatever the pitch), turned as the walker is unless told.
    func placing(_ spawn: ActionScript.Spawn, action: Int, time: Float) -> PlacedSpawn {
        let (x, z): (Float, Float)
        switch spawn.place {
        case .point(let px, let pz): (x, z) = (px, pz)
        case .ahead(let metres): (x, z) = (feet.x + sinf(heading) * metres, feet.z - cosf(heading) * metres)
        }
        let defaultHeading: Float
        if case .ahead = spawn.place { defaultHeading = heading } else { defaultHeading = 0 }
        return PlacedSpawn(thing: spawn.thing, x: x, z: z, heading: spawn.heading ?? defaultHeading, time: time, action: action)
    }
}

extension Walker {
    /// Where the scene's first camera is and which way it looks (a walk's default start).
    public static func sceneCamera(_ scene: Scene) -> (eye: Vec3, forward: Vec3)? {
        guard let n = scene.nodes.indices.first(where: { scene.nodes[$0].camera != nil }) else { return nil }
        let world = scene.worldMatrices()[n]
        let forward = world.transformDirection(Vec3(0, 0, -1))
        guard length(forward) > 0 else { return nil }
        return (world.transformPoint(.zero), normalize(forward))
    }
}
