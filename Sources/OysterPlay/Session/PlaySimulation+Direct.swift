#if canImport(Glibc)
import Glibc
#endif
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
        var overCap = 0, offWorld = 0, dry = 0
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
                    // Fish swim in still water near their spot, or are not placed.
                    if !world.hasRoom(for: spot.thing, x: spot.x, z: spot.z) { dry += 1; continue }
                    guard spawns < ActionScript.maxSpawns else { overCap += 1; continue }
                    spawns += 1
                    let spawn = ActionScript.Spawn(thing: spot.thing, place: .point(x: spot.x, z: spot.z), heading: spot.heading)
                    actions.append(ActionScript.Action(.spawn(spawn), at: at, seconds: 0))
                }
            case .orbit(let orbit):
                let (centre, note) = orbitCentre(orbit)
                if let note { reply += "; \(note)" }
                let o = ActionScript.Orbit(centre: .point(x: centre.x, z: centre.y), radians: orbit.degrees * .pi / 180)
                actions.append(ActionScript.Action(.orbit(o), at: at, seconds: min(orbit.seconds, longest)))
            case .slowMotion(let rate):
                actions.append(ActionScript.Action(.slowMotion(rate: rate), at: at, seconds: 0))
            case .gather(let gathering):
                let (point, note) = gatheringPoint(gathering)
                if let note { reply += "; \(note)" }
                let who = gathering.roles.map { $0.map(\.rawValue).sorted() } ?? []
                actions.append(ActionScript.Action(.gather(ActionScript.Gathering(who: who, x: point.x, z: point.y)), at: at, seconds: 0))
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
        if dry > 0 { reply += "; not placed: \(dry) fish with no still water within \(Int(ChunkGenerator.Stream.fishReach)) m" }
        return reply
    }

    /// Where an orbit goes round: the nearest thing of the kind it names that this session
    /// placed (within `orbitReach`), else the ground the player looks at (within
    /// `orbitReach`), else the point its distance (default 25 m) ahead; with a note when the
    /// thing named was not found.
    func orbitCentre(_ orbit: DirectCommand.DirectOrbit) -> (centre: SIMD2<Float>, note: String?) {
        let w = walker
        let here = SIMD2(w.feet.x, w.feet.z)
        var note: String?
        if orbit.namesAThing {
            func distance(_ p: SIMD2<Float>) -> Float { let d = p - here; return (d * d).sum().squareRoot() }
            let near = direction.spawns.map(\.placed).filter { orbit.circles($0.thing) }.map { SIMD2($0.x, $0.z) }
                .filter { distance($0) <= Self.orbitReach }.min { distance($0) < distance($1) }
            if let near { return (near, nil) }
            note = "no \(orbit.words ?? "such thing") placed within \(Int(Self.orbitReach)) m this session: the orbit goes round what is ahead"
        }
        if orbit.distance == nil, let looked = lookedAt() { return (looked, note) }
        let d = orbit.distance ?? ActionScript.defaultOrbitDistance
        return (here + SIMD2(sinf(w.heading), -cosf(w.heading)) * d, note)
    }

    /// Where a call to gather sends people: the nearest place of the kind it names (the
    /// world's, or one this session placed) within `gatheringSearch` of the player, else
    /// where the player stands, with a note when the place named was not found.
    func gatheringPoint(_ gathering: DirectGathering) -> (SIMD2<Float>, String?) {
        let w = walker
        let here = SIMD2(w.feet.x, w.feet.z)
        guard let name = gathering.placeName else { return (here, nil) }
        func distance(_ p: SIMD2<Float>) -> Float { let d = p - here; return (d * d).sum().squareRoot() }
        let placed = direction.spawns.map(\.placed).filter { $0.thing == name }.map { SIMD2($0.x, $0.z) }
        let candidates = placed + (world.landmark(name, near: here, within: Self.gatheringSearch).map { [$0] } ?? [])
        if let near = candidates.filter({ distance($0) <= Self.gatheringSearch }).min(by: { distance($0) < distance($1) }) { return (near, nil) }
        return (here, "no \(gathering.place ?? name) within \(Int(Self.gatheringSearch)) m: they gather round you")
    }

    /// How far from the player a place named in a call to gather is looked for, metres.
    static let gatheringSearch: Float = 150

    /// How far an orbit's centre may be, metres: the ground is known that far round the player.
    static let orbitReach: Float = 100

    /// The ground the view's centre meets within `orbitReach`, stepping 1 m along it.
    private func lookedAt() -> SIMD2<Float>? {
        let view = player.view
        for i in 1...Int(Self.orbitReach) {
            let p = view.eye + view.forward * Float(i)
            if let g = surface.height(x: p.x, z: p.z, below: .infinity), g >= p.y { return SIMD2(p.x, p.z) }
        }
        return nil
    }
}
