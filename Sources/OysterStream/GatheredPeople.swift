import OysterCore
import OysterGen
import OysterRender

/// The people a shot's calls to gather took from their routines: each call's people made when
/// its time comes (in call order, so a later call finds the people an earlier one moved where
/// it left them), each person drawn walking over, then standing in its place, by the latest
/// call that took it; and the names of everyone taken, whose routine the tiles stop drawing.
struct GatheredPeople {
    /// The people of each call made so far.
    private var calls: [[Gathering]] = []
    /// Prepared scenes by person: the call and phase they show (walking or standing).
    private var prepared: [String: (call: Int, standing: Bool, scene: PreparedScene)] = [:]

    /// The names of everyone taken by `t` seconds into the shot, and the scenes that draw them
    /// at the world clock `clock` (the frame's animation time; `base` is that time less the
    /// direction's clock, the shot's start time).
    mutating func scenes(_ direction: WorldDirection, world: StreamedWorld, time t: Float, base: Float, levelsOfDetail: Bool,
                         renderer: Renderer) -> (names: Set<String>, scenes: [PreparedScene]) {
        let started = direction.gatherings.prefix { $0.at <= t }.count
        guard started > 0 else { return ([], []) }
        if calls.count < started {
            calls = world.gathered(Array(direction.gatherCalls(base: base).prefix(started)))
        }
        let latest = Self.latest(calls)
        let clock = base + direction.clock(at: t)
        var out: [PreparedScene] = []
        for name in latest.keys.sorted() {
            let (k, person) = latest[name]!
            let standing = clock >= person.settled
            if let p = prepared[name], p.call == k, p.standing == standing {
                out.append(p.scene)
                continue
            }
            let scene = standing ? person.standing : person.walking
            let made = renderer.prepare(StagedScene(scene, levelsOfDetail: levelsOfDetail, levels: world.levels,
                                                    sharedImages: world.textures.images(for: scene)))
            prepared[name] = (k, standing, made)
            out.append(made)
        }
        return (Set(latest.keys), out)
    }

    /// Each person as the latest of `calls` that took it: the call's index and its gathering.
    static func latest(_ calls: [[Gathering]]) -> [String: (call: Int, person: Gathering)] {
        var latest: [String: (call: Int, person: Gathering)] = [:]
        for (k, people) in calls.enumerated() { for p in people { latest[p.name] = (k, p) } }
        return latest
    }

    /// Tiles already told which of their people to hide, and for which names: a tile's nodes
    /// are searched once per set of names, not every frame. Held weakly, so a dropped tile
    /// (whose address a new one may reuse) is never taken for the new one.
    private var hidden: [ObjectIdentifier: (tile: WeakTile, names: Set<String>)] = [:]

    struct WeakTile {
        weak var scene: PreparedScene?
    }

    /// Hides in each of `tiles` the people named in `names` (`PreparedScene.hiddenNodes`),
    /// searching a tile's nodes only when it is new or the names changed.
    mutating func hide(_ names: Set<String>, in tiles: [PreparedScene]) {
        for tile in tiles {
            let key = ObjectIdentifier(tile)
            if let seen = hidden[key], seen.tile.scene === tile, seen.names == names { continue }
            tile.hiddenNodes = Self.people(named: names, in: tile.scene)
            hidden[key] = (WeakTile(scene: tile), names)
        }
        if hidden.count > 4 * max(tiles.count, 16) { hidden = hidden.filter { $0.value.tile.scene != nil } }
    }

    /// The nodes of `scene`'s people named in `names`: nodes of the character role whose name
    /// is a person's name in the world's plan (unique in the world).
    static func people(named names: Set<String>, in scene: Scene) -> Set<Int> {
        Set(scene.nodes.indices.filter { i in scene.nodes[i].role == .character && scene.nodes[i].name.map(names.contains) == true })
    }
}

/// A call to gather at its moment on the world's clock: what `StreamedWorld.gathered` plays.
public struct GatherCall: Sendable {
    /// The world's clock second (the frames' animation time) the call is made at.
    public var clock: Float
    /// The roles called; nil: everyone.
    public var roles: Set<CharacterRole>?
    public var point: SIMD2<Float>
}

extension WorldDirection {
    /// The calls to gather, each at the world clock second it is made (`base` is the shot's
    /// start time, the clock's reading at its first frame).
    public func gatherCalls(base: Float = 0) -> [GatherCall] {
        gatherings.map { GatherCall(clock: base + clock(at: $0.at), roles: $0.roles, point: $0.point) }
    }
}

extension StreamedWorld {
    /// The people each call takes, in call order: a later call finds the people an earlier
    /// one moved where it left them.
    public func gathered(_ calls: [GatherCall]) -> [[Gathering]] {
        var out: [[Gathering]] = []
        for call in calls {
            var moved: [String: (at: Vec3, yaw: Float)] = [:]
            for people in out { for p in people { moved[p.name] = (p.end, p.facing) } }
            let clearance = stream.gatheringClearance(round: call.point)
            out.append(stream.gather(call.roles, at: call.point, clearance: clearance, clock: call.clock, moved: moved))
        }
        return out
    }

    /// Everyone `calls` took, each where the latest call that took it left it.
    public func gatheredPeople(_ calls: [GatherCall]) -> [Gathering] {
        GatheredPeople.latest(gathered(calls)).sorted { $0.key < $1.key }.map(\.value.person)
    }
}
