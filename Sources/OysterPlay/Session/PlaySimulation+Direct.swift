import OysterGen
import OysterMotion
import OysterStream

extension PlaySimulation {
    /// Applies a Direct command from the start of the next frame: its changes become the
    /// script's own world-change actions (`set-time`, `weather`, `spawn` at points laid out
    /// from where the player stands and looks now), so the saved session replays them. Returns
    /// the reply for the page: what was understood and done, and anything not done.
    ///
    /// The changes start just after the frame's time (`Controls.worldChangeTime`), so the
    /// frame already drawn stays as it was and the next shows them; call it after the frame's
    /// controls (`apply`, whose actions start just before). Nothing is applied when the
    /// script is full; things beyond the script's spawn cap or off the world are left out,
    /// and the reply says so.
    public func direct(_ command: DirectCommand) -> String {
        var reply = command.reply
        guard !command.changes.isEmpty else { return reply }
        let step = player.frame * player.stepsPerFrame
        let at = Controls.worldChangeTime(step: step)
        guard at < ActionScript.maxSeconds - 1 else {
            return reply + "; not applied: this session's script is full (\(Int(ActionScript.maxSeconds)) s): save it and start a new session"
        }
        // A blend may not run past the script's end (a longer one would not read back).
        let longest = ActionScript.maxSeconds - at
        let limit = min(WorldDirection.limit(world), ActionScript.spawnLimit)
        var spawns = player.actions.count(where: { if case .spawn = $0.kind { return true } else { return false } })
        var overCap = 0, offWorld = 0
        var actions: [ActionScript.Action] = []
        for change in command.changes {
            switch change {
            case .time(let hour, let seconds):
                actions.append(ActionScript.Action(.setTime(hour: hour), at: at, seconds: min(seconds, longest)))
            case .weather(let weather, let seconds):
                actions.append(ActionScript.Action(.weather(weather.rawValue), at: at, seconds: min(seconds, longest)))
            case .place(let placement):
                let w = walker
                for spot in placement.spots(x: w.feet.x, z: w.feet.z, heading: w.heading, recipe: world.recipe) {
                    guard abs(spot.x) < limit, abs(spot.z) < limit else { offWorld += 1; continue }
                    guard spawns < ActionScript.maxSpawns else { overCap += 1; continue }
                    spawns += 1
                    let spawn = ActionScript.Spawn(thing: spot.thing, place: .point(x: spot.x, z: spot.z), heading: spot.heading)
                    actions.append(ActionScript.Action(.spawn(spawn), at: at, seconds: 0))
                }
            }
        }
        guard player.actions.count + actions.count <= ActionScript.maxActions else {
            return reply + "; not applied: this session's script is full (\(ActionScript.maxActions) actions): save it and start a new session"
        }
        // All or nothing: the reader only names the generator's weathers and things, but if
        // one were not, nothing is recorded that a replay would refuse.
        var changed = direction
        do {
            for (i, action) in actions.enumerated() { try changed.add(action, index: player.actions.count + i) }
        } catch {
            return reply + "; not applied: \(error)"
        }
        direction = changed
        for action in actions { _ = player.schedule(action) }
        if overCap > 0 { reply += "; not placed: \(overCap) things over the session's \(ActionScript.maxSpawns) spawns" }
        if offWorld > 0 { reply += "; not placed: \(offWorld) things off the edge of the world" }
        return reply
    }
}
