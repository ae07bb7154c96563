import Foundation
import OysterCore
import OysterMotion
import OysterRender

/// The tiles round a live camera, whose moves are not known ahead (the live session): unlike
/// `StreamedWorld.render`, which plans a whole shot, this is asked frame by frame. The tiles
/// each frame draws are the same function of its camera (`TileWindow`). Worker threads stage
/// ahead the tiles of the cameras the caller expects next (where the player is heading).
///
/// A tile not staged yet is waited for, or drawn from a later frame, as `waiting` says:
/// `.everyTile` (recordings) never leaves one out, so a frame is the frame a replay renders;
/// `.near` (a live page) waits only for the tiles round the player and uploads at most a few
/// others a frame, so turning or running never stalls a frame for the distance.
///
/// Memory is bounded: uploaded tiles are the frame's window plus at most `keep` recently drawn
/// ones (turning back does not upload again); staged tiles waiting for upload are at most the
/// window's size plus `prefetch`.
public final class LiveTiles {
    /// Which of a frame's tiles it waits for.
    public enum Waiting: Sendable, Equatable {
        /// Every tile of the window: each frame is the one a replay of the walk renders.
        case everyTile
        /// Only tiles within `rings` tiles of the camera's (the ground round the player, and
        /// what is close enough to matter); the others are drawn from the first frame after they
        /// are staged, at most `uploads` of them uploaded a frame (an upload is tens of
        /// milliseconds on the render thread). Once the player stops, the frame becomes the
        /// replay's again as the rest arrive.
        case near(rings: Int, uploads: Int)
    }

    public let world: StreamedWorld
    public let keep: Int
    public let prefetch: Int
    /// May change between frames (a live session's first frame waits for every tile).
    public var waiting: Waiting
    /// What streaming has cost so far.
    public private(set) var statistics = LiveTileStatistics()
    /// Every tile a frame has drawn (the region a session visited, for its export).
    public private(set) var visited = Set<TileKey>()
    private let work: LiveTileWork
    private var prepared: [TileKey: (scene: PreparedScene, used: Int)] = [:]
    private var frames = 0
    private var threads: [Thread] = []

    /// `lamps`: tiles come with their lamps' lights whatever the hour, for frames whose light
    /// is directed (`WorldDirection.controlsLight`), as a replay's are.
    public init(world: StreamedWorld, levelsOfDetail: Bool = true, lamps: Bool = false, keep: Int = 16, prefetch: Int = 32,
                waiting: Waiting = .everyTile) {
        self.world = world
        self.waiting = waiting
        self.keep = max(0, keep)
        self.prefetch = max(0, prefetch)
        work = LiveTileWork(world: world, levelsOfDetail: levelsOfDetail, lamps: lamps, capacity: world.window.maxTiles + self.prefetch)
        threads = (0..<world.workers).map { _ in
            let t = Thread { [work] in work.run() }
            t.stackSize = 16 << 20
            return t
        }
        threads.forEach { $0.start() }
    }

    deinit { work.stop() }

    /// Stops the workers after their current tile (also done when released); a `scenes`
    /// call waiting for a tile returns nil. Safe from any thread.
    public func stop() { work.stop() }

    /// The tiles a camera at `eye` looking along `forward` draws, in draw order, uploaded with
    /// `renderer` (on its thread), waiting for those not staged yet that `waiting` asks for
    /// (the others are left out of this frame); nil once stopped. The tiles of `upcoming`
    /// cameras are staged next, nearest first.
    public func scenes(eye: Vec3, forward: Vec3, upcoming: [(eye: Vec3, forward: Vec3)], renderer: Renderer) -> [PreparedScene]? {
        frames += 1
        let window = world.window.tiles(eye: eye, forward: forward)
        visited.formUnion(window)
        let here = TileKey(containing: eye.x, eye.z, size: world.window.size)
        let rings: Int, optionalUploads: Int
        switch waiting {
        case .everyTile: (rings, optionalUploads) = (.max, 0)
        case .near(let r, let u): (rings, optionalUploads) = (max(0, r), max(0, u))
        }
        func waitedFor(_ k: TileKey) -> Bool { rings == .max || max(abs(k.x - here.x), abs(k.z - here.z)) <= rings }
        // The tiles waited for first, then the rest of the window nearest first, then ahead.
        var wanted = window.filter { prepared[$0] == nil && waitedFor($0) }
        wanted += window.filter { prepared[$0] == nil && !waitedFor($0) }
            .sorted { ($0.distanceSquared(to: here), $0) < ($1.distanceSquared(to: here), $1) }
        let missing = wanted.count
        var seen = Set(window)
        for c in upcoming {
            for k in world.window.tiles(eye: c.eye, forward: c.forward) where seen.insert(k).inserted && prepared[k] == nil {
                wanted.append(k)
            }
        }
        work.want(Array(wanted.prefix(missing + prefetch)))

        let clock = ContinuousClock()
        let began = clock.now
        var scenes: [PreparedScene] = []
        scenes.reserveCapacity(window.count)
        var uploadsLeft = optionalUploads
        var complete = true
        for key in window {
            if let p = prepared[key] {
                prepared[key]!.used = frames
                scenes.append(p.scene)
                continue
            }
            let waited = clock.now
            let staged: StagedScene
            if waitedFor(key) {
                guard let (tile, didWait) = work.take(key) else { return nil }
                staged = tile
                let wait = (clock.now - waited).seconds
                if frames == 1 {
                    // The first frame waits for its whole window: a start, not a stall.
                    statistics.firstFrameWaitSeconds += wait
                } else {
                    if didWait {
                        statistics.waits += 1
                        statistics.longestWaitSeconds = max(statistics.longestWaitSeconds, wait)
                    }
                    statistics.waitSeconds += wait
                }
            } else if uploadsLeft > 0, let tile = work.takeIfStaged(key) {
                staged = tile
                uploadsLeft -= 1
            } else {
                complete = false
                continue
            }
            let uploading = clock.now
            let scene = renderer.prepare(staged)
            statistics.uploadSeconds += (clock.now - uploading).seconds
            statistics.uploaded += 1
            prepared[key] = (scene, frames)
            scenes.append(scene)
        }
        if !complete { statistics.incompleteFrames += 1 }
        if frames > 1 { statistics.longestFrameSeconds = max(statistics.longestFrameSeconds, (clock.now - began).seconds) }
        // Keep the window and the `keep` most recently drawn others.
        let others = prepared.filter { $0.value.used != frames }.sorted { ($0.value.used, $0.key) > ($1.value.used, $1.key) }
        let dropped = others.dropFirst(keep)
        for (key, _) in dropped { prepared[key] = nil }
        if !dropped.isEmpty { FreedMemory.returnToSystem() }
        statistics.peakUploaded = max(statistics.peakUploaded, prepared.count)
        let w = work.totals
        statistics.staged = w.staged
        statistics.generateSeconds = w.generate
        statistics.stageSeconds = w.stage
        return scenes
    }
}

/// What a live session's streaming has cost.
public struct LiveTileStatistics: Sendable {
    public init() {}
    /// Tiles staged by the workers and uploaded by the render thread.
    public var staged = 0
    public var uploaded = 0
    /// Most tiles uploaded at once.
    public var peakUploaded = 0
    /// What the first frame waited for its tiles (the start, not counted below).
    public var firstFrameWaitSeconds = 0.0
    /// Later frames that waited for a tile, the longest wait and all the render thread's waiting.
    public var waits = 0
    public var longestWaitSeconds = 0.0
    /// Frames drawn without some of their window's tiles (`Waiting.near`: not staged yet, or
    /// over the frame's uploads).
    public var incompleteFrames = 0
    /// The most a frame after the first spent on streaming (waiting for tiles and uploading
    /// them): how long streaming held a frame up.
    public var longestFrameSeconds = 0.0
    public var waitSeconds = 0.0
    public var uploadSeconds = 0.0
    /// Worker seconds generating tiles (with their textures) and staging them.
    public var generateSeconds = 0.0
    public var stageSeconds = 0.0
}

extension TileKey {
    func distanceSquared(to other: TileKey) -> Int {
        let dx = x - other.x, dz = z - other.z
        return dx * dx + dz * dz
    }
}

extension StreamedWorld {
    /// The world's ground for a walker (tiles' ground generated as the walker comes near;
    /// with `prefetchRings` > 1, that many tiles round it made ahead in the background).
    public func ground(prefetchRings: Int = 0) -> StreamedGround { StreamedGround(stream, prefetchRings: prefetchRings) }
}

// MARK: - Workers

/// The tiles wanted next, staged by worker threads in that order; the render thread takes
/// them. Staged tiles no longer wanted are dropped, so at most `capacity` wait.
final class LiveTileWork: @unchecked Sendable {
    private let world: StreamedWorld
    private let levelsOfDetail: Bool
    private let lamps: Bool
    private let capacity: Int
    private let condition = NSCondition()
    private var wanted: [TileKey] = []
    private var inFlight = Set<TileKey>()
    private var staged: [TileKey: StagedScene] = [:]
    private var stopped = false
    private var counts = (staged: 0, generate: 0.0, stage: 0.0)

    /// Tiles staged and worker seconds so far.
    var totals: (staged: Int, generate: Double, stage: Double) {
        condition.lock()
        defer { condition.unlock() }
        return counts
    }

    init(world: StreamedWorld, levelsOfDetail: Bool, lamps: Bool, capacity: Int) {
        self.world = world
        self.levelsOfDetail = levelsOfDetail
        self.lamps = lamps
        self.capacity = max(1, capacity)
    }

    /// Replaces what is wanted (in priority order) and drops staged tiles not in it.
    func want(_ keys: [TileKey]) {
        condition.lock()
        defer { condition.unlock() }
        wanted = keys
        let set = Set(keys)
        staged = staged.filter { set.contains($0.key) }
        condition.broadcast()
    }

    /// Tile `key`, staged (waiting for it, asking for it first if nobody is making it), and
    /// whether it had to wait; nil once stopped.
    func take(_ key: TileKey) -> (StagedScene, Bool)? {
        condition.lock()
        defer { condition.unlock() }
        var waited = false
        while staged[key] == nil {
            if stopped { return nil }
            if !wanted.contains(key) || (!inFlight.contains(key) && wanted.first != key) {
                wanted.removeAll { $0 == key }
                wanted.insert(key, at: 0)
                condition.broadcast()
            }
            waited = true
            condition.wait()
        }
        wanted.removeAll { $0 == key }
        return (staged.removeValue(forKey: key)!, waited)
    }

    /// Tile `key` if it is staged now, without waiting or asking for it.
    func takeIfStaged(_ key: TileKey) -> StagedScene? {
        condition.lock()
        defer { condition.unlock() }
        guard let tile = staged.removeValue(forKey: key) else { return nil }
        wanted.removeAll { $0 == key }
        return tile
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// A worker's loop: stage the first wanted tile nobody has, while there is room.
    func run() {
        let clock = ContinuousClock()
        while true {
            condition.lock()
            var key: TileKey?
            while !stopped {
                let free = wanted.firstIndex { staged[$0] == nil && !inFlight.contains($0) }
                // The head of `wanted` (what the render thread waits for) goes even when full.
                if let free, free == 0 || staged.count + inFlight.count < capacity {
                    key = wanted[free]
                    break
                }
                condition.wait()
            }
            guard let key, !stopped else {
                condition.unlock()
                return
            }
            inFlight.insert(key)
            condition.unlock()

            let start = clock.now
            let scene = world.stream.tile(x: key.x, z: key.z, lamps: lamps)
            let images = world.textures.images(for: scene)
            let generated = clock.now
            let tile = StagedScene(scene, levelsOfDetail: levelsOfDetail, levels: world.levels, sharedImages: images)
            let done = clock.now

            condition.lock()
            inFlight.remove(key)
            // A tile no longer wanted is dropped (unless the render thread is waiting on it:
            // `take` puts what it waits for back at the head of `wanted`).
            if wanted.contains(key) { staged[key] = tile }
            counts.staged += 1
            counts.generate += (generated - start).seconds
            counts.stage += (done - generated).seconds
            condition.broadcast()
            condition.unlock()
        }
    }
}
