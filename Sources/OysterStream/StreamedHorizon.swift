import Foundation
import OysterCore
import OysterRender

/// The land beyond a view's tiles: the world's coarse terrain, woods and far water from the
/// edge of the frame's tile rectangle (`TileWindow` gives rectangles) out to `reach` metres
/// (`ChunkGenerator.Stream.horizon`), so a streamed world runs on to the horizon instead of
/// ending in sky and fog a couple of tiles out. Made again whenever the rectangle changes.
///
/// `.waited` makes it when asked (planned shots, recordings, a live session's first frame: a
/// pure function of the rectangle, so frames are reproducible); `.inBackground` makes it on a
/// thread of its own and draws none until it is there (a live page never waits for it).
public final class StreamedHorizon {
    public enum Making: Sendable, Equatable {
        case waited
        case inBackground
    }

    /// A rectangle of tiles, inclusive.
    struct Rectangle: Hashable, Sendable {
        var x: ClosedRange<Int>
        var z: ClosedRange<Int>

        init?(_ tiles: [TileKey]) {
            guard let x0 = tiles.map(\.x).min(), let x1 = tiles.map(\.x).max(),
                  let z0 = tiles.map(\.z).min(), let z1 = tiles.map(\.z).max() else { return nil }
            x = x0...x1
            z = z0...z1
        }
    }

    public let world: StreamedWorld
    /// How far past the tiles the land goes (metres).
    public let reach: Float
    public var making: Making
    /// Horizons made so far, and the seconds it took.
    public private(set) var made = 0
    public private(set) var seconds = 0.0
    private var current: (rectangle: Rectangle, scene: PreparedScene)?
    private let background: BackgroundHorizon

    public init(world: StreamedWorld, reach: Float = 2400, making: Making = .waited) {
        self.world = world
        self.reach = reach
        self.making = making
        background = BackgroundHorizon(world: world, reach: reach)
    }

    /// The land round `tiles` (a rectangle), uploaded with `renderer` on its thread; nil for no
    /// tiles, or while a background one is being made.
    public func scene(around tiles: [TileKey], renderer: Renderer) -> PreparedScene? {
        guard let r = Rectangle(tiles) else { return nil }
        if let current, current.rectangle == r { return current.scene }
        let staged: StagedScene
        switch making {
        case .waited:
            staged = Self.stage(r, world: world, reach: reach, into: self)
        case .inBackground:
            guard let done = background.take(r) else {
                current = nil
                return nil
            }
            staged = done.staged
            seconds += done.seconds
            made += 1
        }
        let scene = renderer.prepare(staged)
        current = (r, scene)
        return scene
    }

    static func stage(_ r: Rectangle, world: StreamedWorld, reach: Float, into counts: StreamedHorizon?) -> StagedScene {
        let clock = ContinuousClock()
        let start = clock.now
        let scene = world.stream.horizon(x: r.x, z: r.z, beyond: reach)
        let staged = StagedScene(scene, levelsOfDetail: false, levels: world.levels, sharedImages: world.textures.images(for: scene))
        if let counts {
            counts.made += 1
            counts.seconds += (clock.now - start).seconds
        }
        return staged
    }
}

/// The horizon being made off the render thread: one at a time, the newest rectangle asked.
/// (The world's stream, textures and levels are safe from several threads, as the tile
/// workers use them.)
final class BackgroundHorizon: @unchecked Sendable {
    private let world: StreamedWorld
    private let reach: Float
    private let lock = NSLock()
    private var making: StreamedHorizon.Rectangle?
    private var done: (rectangle: StreamedHorizon.Rectangle, staged: StagedScene, seconds: Double)?

    init(world: StreamedWorld, reach: Float) {
        self.world = world
        self.reach = reach
    }

    /// The horizon of `r` if it is made; otherwise starts making it (unless one is under way)
    /// and returns nil.
    func take(_ r: StreamedHorizon.Rectangle) -> (staged: StagedScene, seconds: Double)? {
        lock.lock()
        defer { lock.unlock() }
        if let d = done, d.rectangle == r {
            done = nil
            return (d.staged, d.seconds)
        }
        guard making == nil else { return nil }
        making = r
        let t = Thread { [self] in
            let clock = ContinuousClock()
            let start = clock.now
            let staged = StreamedHorizon.stage(r, world: world, reach: reach, into: nil)
            let seconds = (clock.now - start).seconds
            lock.withLock {
                done = (r, staged, seconds)
                making = nil
            }
        }
        t.stackSize = 16 << 20
        t.start()
        return nil
    }
}
