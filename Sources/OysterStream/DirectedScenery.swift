#if canImport(Glibc)
import Glibc
#endif
import OysterCore
import OysterGen
import OysterRender

/// What a frame of a streamed world draws besides its tiles: the light of the hour and the
/// weather when a script has them in hand (first, so it lights the frame), the things spawned
/// by then, and the weather's rain, snow or mist round the camera.
///
/// The weather field is placed for the camera snapped to a grid (4 m, 15° of heading and of
/// pitch) and widened beyond the view, so it is made again only when the camera has moved on
/// a cell or turned a step, and each frame's field depends on its camera alone, never on the
/// frames before it. The field's columns stand on a world-fixed lattice and fall on the shot's
/// clock, so a field made again joins the one before without a jump.
public struct DirectedScenery {
    let world: StreamedWorld
    /// The world's changes; a live session sets it anew as commands come (changes are only
    /// ever added, so what was prepared for the old one stays right).
    public var direction: WorldDirection?
    let levelsOfDetail: Bool
    private var light: (environment: Environment, scene: PreparedScene)?
    private var spawned: [PreparedScene] = []
    private var gathered = GatheredPeople()
    private var weather: (key: WeatherKey, scene: PreparedScene?)?
    /// The weather's textures by image name: the same for every field of the shot, so
    /// uploaded once and shared by the fields that follow.
    private var weatherPixels: [String: SharedPixels] = [:]
    /// Weather fields made so far, and the seconds making and uploading them took.
    public private(set) var weatherFields = 0
    public private(set) var weatherSeconds = 0.0

    /// Metres and radians the weather camera is snapped to.
    static let weatherCell: Float = 4
    static let weatherStep: Float = .pi / 12
    /// How much wider than the view the weather field is made (vertical field of view ×).
    static let weatherWidening: Float = 1.4

    public init(world: StreamedWorld, direction: WorldDirection?, levelsOfDetail: Bool) {
        self.world = world
        self.direction = direction
        self.levelsOfDetail = levelsOfDetail
    }

    /// The scenes to draw at `t` seconds into the shot: `tiles` with the light first, the
    /// spawned things and the weather after them.
    public mutating func scenes(around tiles: [PreparedScene], time t: Float, options o: RenderOptions, renderer: Renderer) -> [PreparedScene] {
        var out = tiles
        if let d = direction {
            if d.controlsLight {
                let environment = d.environment(at: t, in: world.stream)
                if light?.environment != environment {
                    light = (environment, renderer.prepareLight(environment, units: ChunkGenerator.Stream.lightUnits))
                }
                out.insert(light!.scene, at: 0)
            }
            let standing = d.spawned(at: t)
            while spawned.count < standing.count {
                let scene = d.spawns[spawned.count].scene
                spawned.append(renderer.prepare(StagedScene(scene, levelsOfDetail: levelsOfDetail, levels: world.levels,
                                                            sharedImages: world.textures.images(for: scene))))
            }
            out += spawned.prefix(standing.count)
            // People called to gather: drawn by their own scenes, not by their tiles' routines.
            let people = gathered.scenes(d, world: world, time: t, base: o.time - d.clock(at: t), levelsOfDetail: levelsOfDetail, renderer: renderer)
            if !people.names.isEmpty { gathered.hide(people.names, in: tiles) }
            out += people.scenes
        }
        let kind = direction?.weather(at: t) ?? world.recipe.weather
        guard world.stream.hasWeatherGeometry(kind), let eye = o.eye, let target = o.target else { return out }
        let hour = direction?.hour(at: t) ?? world.recipe.timeOfDay
        let key = WeatherKey(kind: kind, eye: eye, forward: target - eye, hour: hour, fieldOfView: o.fieldOfView, aspect: Float(o.width) / Float(o.height))
        if weather?.key != key {
            let started = ContinuousClock.now
            defer { weatherSeconds += (ContinuousClock.now - started).seconds }
            let view = key.camera
            let scene = world.stream.weather(kind, hour: hour, eye: view.eye, target: view.target,
                                             yfov: min(o.fieldOfView * Self.weatherWidening, 2.8), aspect: Float(o.width) / Float(o.height))
            weather = (key, scene.map { renderer.prepare(StagedScene($0, sharedImages: weatherImages($0))) })
            weatherFields += 1
        }
        if let s = weather?.scene { out.append(s) }
        return out
    }
}

extension DirectedScenery {
    /// The pixels of `scene`'s images as shared pixels, one object per image name.
    mutating func weatherImages(_ scene: Scene) -> [Int: SharedPixels] {
        var out: [Int: SharedPixels] = [:]
        for (i, image) in scene.images.enumerated() {
            guard let name = image.name, let pixels = image.pixels else { continue }
            if weatherPixels[name] == nil { weatherPixels[name] = SharedPixels(pixels) }
            out[i] = weatherPixels[name]
        }
        return out
    }
}

/// A weather field's camera, snapped: what decides whether the field is made again.
struct WeatherKey: Hashable {
    var kind: Weather
    var cell: SIMD3<Int32>
    var yaw: Int32
    var pitch: Int32
    /// The whole hour (the mist's tint and the streaks' glow follow the sky).
    var hour: Int32
    var fieldOfView: Float
    var aspect: Float

    init(kind: Weather, eye: Vec3, forward: Vec3, hour: Float, fieldOfView: Float, aspect: Float) {
        self.kind = kind
        let c = DirectedScenery.weatherCell
        func snap(_ v: Float, _ step: Float) -> Int32 { Int32((v / step).rounded().clamped(-2e9, 2e9)) }
        cell = SIMD3(snap(eye.x, c), snap(eye.y, c), snap(eye.z, c))
        let f = length(forward) > 0 ? normalize(forward) : Vec3(0, 0, -1)
        yaw = snap(atan2f(f.x, -f.z), DirectedScenery.weatherStep)
        // Not straight up or down, where the field's camera would have no right-hand side.
        pitch = min(max(snap(asinf(min(max(f.y, -1), 1)), DirectedScenery.weatherStep), -5), 5)
        self.hour = Int32(hour.rounded()) % 24
        self.fieldOfView = fieldOfView
        self.aspect = aspect
    }

    /// The snapped camera the field is made for.
    var camera: (eye: Vec3, target: Vec3) {
        let c = DirectedScenery.weatherCell, s = DirectedScenery.weatherStep
        let eye = Vec3(Float(cell.x) * c, Float(cell.y) * c, Float(cell.z) * c)
        let h = Float(yaw) * s, p = Float(pitch) * s
        return (eye, eye + Vec3(sinf(h) * cosf(p), sinf(p), -cosf(h) * cosf(p)))
    }
}
