import OysterMotion

/// Turns the page's controls into actions on the player, at frame boundaries, so the
/// session's action script is what was played: held keys become `move`/`strafe` actions that
/// last while they are held, mouse movement becomes turns and looks that take no time, Space a
/// jump and F a flying toggle.
///
/// Exactness: an action's start (and a held key's end) is put half a simulation step before
/// the step it takes effect at, so the reader's float times land on the same step whatever
/// the rounding; speeds and angles are binary fractions (angles in 1/64 degree), which JSON
/// writes and reads back exactly. So the saved script replays the same steps.
public struct Controls: Sendable {
    /// Walking speed at level 0, m/s; Shift runs at three times it; flying at 8 m/s.
    public static let walk: Float = 1.5
    public static let runFactor: Float = 3
    public static let fly: Float = 8
    /// Degrees of turn per pixel of mouse movement.
    public static let degreesPerPixel: Float = 0.15
    /// Speed multipliers for the wheel's levels −4...6 (binary fractions, exact in JSON).
    static let multipliers: [Float] = [0.25, 0.375, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8]

    public static func multiplier(level: Int) -> Float {
        multipliers[min(max(level, ControlInput.speedLevels.lowerBound), ControlInput.speedLevels.upperBound) - ControlInput.speedLevels.lowerBound]
    }

    private var forward = 0, right = 0, run = false, level = 0
    /// The open (held) move and strafe actions: their index in the player and their speed.
    private var moving: (index: Int, speed: Float)?
    private var strafing: (index: Int, speed: Float)?
    /// The last input applied.
    public private(set) var lastInput: UInt32 = 0

    public init() {}

    /// Applies `input` at the start of the player's next frame. Returns false (and applies
    /// nothing) when the script is full: `ActionScript.maxActions` actions, or within a
    /// second of `ActionScript.maxSeconds` (a longer script would not read back).
    public mutating func apply(_ input: ControlInput, to player: inout ActionPlayer) -> Bool {
        guard player.actions.count + 6 <= ActionScript.maxActions, player.time < ActionScript.maxSeconds - 1 else { return false }
        let step = player.frame * player.stepsPerFrame
        let at = Self.time(step: step)
        lastInput = input.seq
        if input.fly {
            _ = player.schedule(ActionScript.Action(.fly(!player.walker.flying), at: at, seconds: 0))
        }
        if input.jump {
            _ = player.schedule(ActionScript.Action(.jump, at: at, seconds: 0))
        }
        let turn = Self.degrees(input.lookX), look = Self.degrees(-input.lookY)
        if turn != 0 { _ = player.schedule(ActionScript.Action(.turn(radians: turn * .pi / 180), at: at, seconds: 0)) }
        if look != 0 { _ = player.schedule(ActionScript.Action(.look(radians: look * .pi / 180), at: at, seconds: 0)) }
        forward = input.forward
        right = input.right
        run = input.run
        level = input.speed
        // A fly toggle scheduled above has not happened yet: speeds follow what it will be.
        let flying = input.fly ? !player.walker.flying : player.walker.flying
        let speed = (flying ? Self.fly : Self.walk) * (run ? Self.runFactor : 1) * Self.multiplier(level: level)
        moving = Self.hold(moving, speed: Float(forward) * speed, kind: { .move(speed: $0) }, step: step, player: &player)
        strafing = Self.hold(strafing, speed: Float(right) * speed, kind: { .strafe(speed: $0) }, step: step, player: &player)
        // Walking or looking takes the view back from an orbit, from the next frame on (at a
        // world change's time, after the inputs' own: the frame drawn already showed the
        // orbit, as its replay will).
        if input.forward != 0 || input.right != 0 || input.lookX != 0 || input.lookY != 0 || input.jump || input.fly {
            player.endOrbit(at: Self.worldChangeTime(step: step))
        }
        return true
    }

    /// Ends the held action (if its speed changes) and starts one at the new speed (if any).
    private static func hold(_ open: (index: Int, speed: Float)?, speed: Float, kind: (Float) -> ActionScript.Kind,
                             step: Int, player: inout ActionPlayer) -> (index: Int, speed: Float)? {
        if let open, open.speed == speed { return open }
        if let open { player.setSeconds(time(step: step) - player.actions[open.index].at, ofAction: open.index) }
        guard speed != 0 else { return nil }
        return (player.schedule(ActionScript.Action(kind(speed), at: time(step: step), seconds: .infinity)), speed)
    }

    /// The script played so far, as it would be if every held key were let go at the start
    /// of the player's next frame: no action is open-ended, so it can be saved.
    public func script(of player: ActionPlayer, header: ActionScript) -> ActionScript {
        var actions = player.actions
        let end = Self.time(step: player.frame * player.stepsPerFrame)
        for open in [moving, strafing].compactMap({ $0 }) { actions[open.index].seconds = end - actions[open.index].at }
        return ActionScript(start: header.start, heading: header.heading, pitch: header.pitch, actions: actions)
    }

    /// Half a step before simulation step `step` (never below 0): where the reader's float
    /// time for an action starting (or a held key ending) at that step is put.
    static func time(step: Int) -> Float {
        Float(max(0, (Double(step) - 0.5) / Double(Walker.rate)))
    }

    /// Half a step after simulation step `step`: where a live world change starts. The frame
    /// at that step was drawn before the change came, so a replay must not show the change in
    /// it either: starting just after the frame's time, the change is drawn from the next
    /// frame on, in the session and in its replay alike.
    static func worldChangeTime(step: Int) -> Float {
        Float((Double(step) + 0.5) / Double(Walker.rate))
    }

    /// Mouse pixels as degrees in 1/64 degree steps.
    static func degrees(_ pixels: Float) -> Float {
        (pixels * degreesPerPixel * 64).rounded() / 64
    }
}
