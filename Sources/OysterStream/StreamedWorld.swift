import Foundation
import OysterCore
import OysterGen
import OysterImage
import OysterMotion
import OysterRender

/// An unbounded generated world rendered as the camera moves through it: the tiles each frame
/// needs (`TileWindow`: round the camera and ahead of it) are generated and staged on worker
/// threads ahead of time, uploaded when their first frame comes and dropped after their last,
/// and drawn together with one sun, sky and fog.
///
/// Every frame is a pure function of its camera: which tiles it draws depends on the camera
/// alone (`StreamPlan`), a tile that is not staged yet is waited for (never left out), and a
/// tile's content is the same whenever and on whichever thread it is generated. So the same
/// recipe, seed and camera motion give the same frames on every run.
public final class StreamedWorld {
    public let recipe: Recipe
    public let window: TileWindow
    /// The tiles' shared textures, baked per kind as tiles first need them.
    public let textures: WorldTextures
    /// Levels of detail of the meshes tiles share (trees, bushes, rocks), built once.
    public let levels = LevelCache()
    /// Threads generating and staging tiles (at least 1).
    public var workers: Int
    /// How far the land goes past the tiles (`StreamedHorizon`), metres; nil: no land beyond
    /// them (sky and fog).
    public var horizonReach: Float? = 2400
    /// What the last `render` did.
    public private(set) var statistics = StreamStatistics()
    let stream: ChunkGenerator.Stream

    /// A world of `recipe` in tiles of `window.size` metres. Interiors (a dungeon) are not
    /// worlds of tiles and are refused.
    public init(recipe: Recipe, window: TileWindow = TileWindow()) throws(StreamedWorldError) {
        guard recipe.scene != .interior else { throw .interior }
        guard window.size >= 4, window.size <= 1024, window.size.truncatingRemainder(dividingBy: 4) == 0 else { throw .badTileSize(window.size) }
        self.recipe = recipe
        var w = window
        w.limit = min(w.limit, ChunkGenerator.maxTile(size: window.size))
        self.window = w
        stream = ChunkGenerator.Stream(recipe, size: window.size)
        textures = WorldTextures(recipe)
        workers = max(1, Parallel.coreCount)
    }

    /// The home region's establishing camera (eye, target): the default scene's view.
    public var establishingCamera: (eye: Vec3, target: Vec3) {
        WorldGenerator.establishingCamera(recipe) ?? (Vec3(0, 40, 60), Vec3(0, 0, 0))
    }

    /// The camera of every frame of `script` at `fps`, walked over the world's streamed ground
    /// (`StreamedGround`), from where the script says, else from `camera` (with what the
    /// script spawns in the way: `direct` also says what it changed).
    public func walk(_ script: ActionScript, camera: (eye: Vec3, forward: Vec3)?, fps: Int) throws(ActionScriptError) -> CameraPath {
        try direct(script, camera: camera, fps: fps).path
    }

    /// Where each frame's camera is and which tiles it needs. A frame without an eye looks
    /// from the establishing camera.
    public func plan(_ shot: Shot, base: RenderOptions) -> StreamPlan {
        StreamPlan(windows: (0..<shot.frameCount).map { f in
            let o = options(shot, frame: f, base: base)
            return window.tiles(eye: o.eye!, forward: o.target! - o.eye!)
        })
    }

    func options(_ shot: Shot, frame f: Int, base: RenderOptions) -> RenderOptions {
        var o = shot.options(frame: f, base: base)
        if o.eye == nil {
            let home = establishingCamera
            o.eye = home.eye
            o.target = home.target
        }
        if o.target == nil { o.target = o.eye! + Vec3(0, 0, -1) }
        return o
    }

    /// Renders every frame of `shot` in order, handing each to `frame` (index, image) on this
    /// thread, with the tiles streamed round the camera. `levelsOfDetail` as in
    /// `Renderer.prepare` (for video). The fog's base height, unless `base` sets it, is the
    /// lowest point of the first frame's tiles, and stays there.
    ///
    /// Weather with geometry (the recipe's, or what `direction` sets) is drawn round the
    /// camera (`WeatherField`); `direction` (from `direct`) also gives each frame its hour's
    /// light and the things spawned by then.
    public func render(_ shot: Shot, base: RenderOptions, renderer: Renderer, levelsOfDetail: Bool,
                       direction: WorldDirection? = nil, frame: (Int, PixelImage) throws -> Void) throws {
        let plan = plan(shot, base: base)
        statistics = StreamStatistics()
        statistics.spans = plan.spans.count
        // A script that has the light in hand switches the lamps by the hour, so tiles come
        // with their lamps' lights, put out by day by the frame's light.
        let stager = Stager(plan: plan, world: self, levelsOfDetail: levelsOfDetail, lamps: direction?.controlsLight ?? false,
                            ahead: max(2 * workers, 2 * (2 * window.radius + 1)))
        let threads = (0..<workers).map { _ in
            let t = Thread { stager.work() }
            t.stackSize = 16 << 20
            return t
        }
        threads.forEach { $0.start() }
        defer { stager.finish() }

        var live: [Int: PreparedScene] = [:]
        var fogBase = base.fogBase
        var scenery = DirectedScenery(world: self, direction: direction, levelsOfDetail: levelsOfDetail)
        let horizon = horizonReach.map { StreamedHorizon(world: self, reach: $0) }
        let clock = ContinuousClock()
        for f in 0..<shot.frameCount {
            for i in plan.frames[f] where plan.spans[i].first == f {
                let waited = clock.now
                let staged = stager.take(i)
                let uploading = clock.now
                live[i] = renderer.prepare(staged)
                statistics.waitSeconds += (uploading - waited).seconds
                statistics.uploadSeconds += (clock.now - uploading).seconds
            }
            statistics.peakTiles = max(statistics.peakTiles, live.count)
            statistics.peakTextures = max(statistics.peakTextures, renderer.sharedTextureCount)
            var scenes = plan.frames[f].map { live[$0]! }
            if fogBase == nil {
                var box = AABB.empty
                for s in scenes where !s.bounds.isEmpty { box.add(s.bounds) }
                fogBase = box.isEmpty ? 0 : box.min.y
            }
            if let land = horizon?.scene(around: plan.frames[f].map { plan.spans[$0].tile }, renderer: renderer) { scenes.append(land) }
            var o = options(shot, frame: f, base: base)
            o.fogBase = fogBase
            // Slow motion: the animations show the world's clock, not the shot's.
            if let direction { o.time = base.time + direction.clock(at: Float(f) / Float(shot.fps)) }
            let drawn = scenery.scenes(around: scenes, time: Float(f) / Float(shot.fps), options: o, renderer: renderer)
            try frame(f, try renderer.render(drawn, options: o))
            let ending = plan.frames[f].filter { plan.spans[$0].last == f }
            for i in ending { live[i] = nil }
            if !ending.isEmpty { FreedMemory.returnToSystem() }
        }
        let s = stager.finish()
        statistics.tilesStaged = s.staged
        statistics.generateSeconds = s.generate
        statistics.textureSeconds = s.textures
        statistics.stageSeconds = s.stage
        statistics.peakWaiting = s.peakWaiting
        statistics.bakedKinds = textures.bakedKinds
        statistics.weatherFields = scenery.weatherFields
        statistics.weatherSeconds = scenery.weatherSeconds
        statistics.horizons = horizon?.made ?? 0
        statistics.horizonSeconds = horizon?.seconds ?? 0
    }
}

/// What streaming a shot cost.
public struct StreamStatistics: Sendable {
    /// Tile loads the shot's plan has (a tile loaded twice counts twice).
    public var spans = 0
    /// Tiles generated and staged.
    public var tilesStaged = 0
    /// Most tiles loaded (uploaded) at once, and most staged tiles waiting for their frame.
    public var peakTiles = 0
    public var peakWaiting = 0
    /// Worker seconds generating tiles, finding their textures (baking a kind the first time
    /// one is needed, or waiting for another worker baking it), and staging them (levels of
    /// detail, bounds).
    public var generateSeconds = 0.0
    public var textureSeconds = 0.0
    public var stageSeconds = 0.0
    /// Render-thread seconds uploading tiles, and waiting for tiles not staged yet.
    public var uploadSeconds = 0.0
    public var waitSeconds = 0.0
    /// Texture kinds baked, and most shared textures on the GPU at once.
    public var bakedKinds = 0
    public var peakTextures = 0
    /// Weather fields made round the camera (one each time it moved to a new place or view),
    /// and render-thread seconds making and uploading them.
    public var weatherFields = 0
    public var weatherSeconds = 0.0
    /// Horizons made round the frames' tiles (one each time the tile rectangle changed), and
    /// render-thread seconds making them.
    public var horizons = 0
    public var horizonSeconds = 0.0
}

public enum StreamedWorldError: Error, CustomStringConvertible, Equatable {
    case interior
    case badTileSize(Float)
    public var description: String {
        switch self {
        case .interior: return "an interior (a dungeon) is one scene, not a world of tiles: generate it with oyster-generate and render the file"
        case .badTileSize(let s): return "tile size \(s) m: tiles are 4-1024 m, a multiple of 4"
        }
    }
}

// MARK: - Workers

/// Hands the plan's spans to worker threads in order and their staged tiles to the render
/// thread, keeping at most `ahead` spans claimed and not yet taken (bounded memory).
final class Stager: @unchecked Sendable {
    private let plan: StreamPlan
    private let stream: ChunkGenerator.Stream
    private let textures: WorldTextures
    private let levels: LevelCache
    private let levelsOfDetail: Bool
    private let lamps: Bool
    private let ahead: Int
    private let condition = NSCondition()
    private var next = 0
    private var taken = 0
    private var results: [Int: StagedScene] = [:]
    private var stopped = false
    private var running = 0
    private var totals = (staged: 0, generate: 0.0, textures: 0.0, stage: 0.0, peakWaiting: 0)

    init(plan: StreamPlan, world: StreamedWorld, levelsOfDetail: Bool, lamps: Bool, ahead: Int) {
        self.plan = plan
        stream = world.stream
        textures = world.textures
        levels = world.levels
        self.levelsOfDetail = levelsOfDetail
        self.lamps = lamps
        self.ahead = max(1, ahead)
    }

    /// A worker's loop: claim the next span when there is room, stage its tile, repeat.
    func work() {
        condition.lock()
        running += 1
        condition.unlock()
        let clock = ContinuousClock()
        while true {
            condition.lock()
            while !stopped && next < plan.spans.count && next - taken >= ahead { condition.wait() }
            guard !stopped, next < plan.spans.count else {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let i = next
            next += 1
            condition.unlock()

            let key = plan.spans[i].tile
            let start = clock.now
            let scene = stream.tile(x: key.x, z: key.z, lamps: lamps)
            let generated = clock.now
            let images = textures.images(for: scene)
            let textured = clock.now
            let staged = StagedScene(scene, levelsOfDetail: levelsOfDetail, levels: levels, sharedImages: images)
            let done = clock.now

            condition.lock()
            results[i] = staged
            totals.staged += 1
            totals.generate += (generated - start).seconds
            totals.textures += (textured - generated).seconds
            totals.stage += (done - textured).seconds
            totals.peakWaiting = max(totals.peakWaiting, results.count)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Span `i`'s staged tile, waiting for it; spans are taken in order.
    func take(_ i: Int) -> StagedScene {
        condition.lock()
        defer { condition.unlock() }
        while results[i] == nil { condition.wait() }
        taken = i + 1
        condition.broadcast()
        return results.removeValue(forKey: i)!
    }

    /// Stops the workers after their current tile and waits for them; returns the totals.
    @discardableResult
    func finish() -> (staged: Int, generate: Double, textures: Double, stage: Double, peakWaiting: Int) {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        results = [:]
        return totals
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
