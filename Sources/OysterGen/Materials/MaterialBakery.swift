import Dispatch
import OysterCore

/// Bakes a world's textures while its geometry is still being built: each surface kind starts
/// baking on another core the moment the assembler first uses it (`SceneAssembler.material`),
/// and `materials(for:)` collects them at the end.
///
/// Building a world's geometry is mostly serial, baking is independent per kind, so on two
/// cores the bakes fill the core the geometry leaves idle instead of waiting for it. Every
/// bake is a pure function of (kind, biome, season, seed, resolution), so when it runs changes
/// no byte of the output.
final class MaterialBakery: @unchecked Sendable {
    private let recipe: Recipe
    private let lock = DispatchSemaphore(value: 1)
    private var started: [SurfaceKind: Parallel.Started<BakedMaterial>] = [:]

    init(for recipe: Recipe) { self.recipe = recipe }

    /// Starts baking `kind` unless it is already under way. Weather kinds bake their own RGBA
    /// textures (`WeatherTextures`) and are never baked here.
    func start(_ kind: SurfaceKind) {
        guard !kind.isWeather else { return }
        lock.wait()
        defer { lock.signal() }
        guard started[kind] == nil else { return }
        let recipe = recipe
        started[kind] = Parallel.start { MaterialBaker.bake([kind], for: recipe)[0] }
    }

    /// The baked textures of `kinds` (weather kinds left out), in that order: those already
    /// started are waited for, the rest baked now.
    func materials(for kinds: [SurfaceKind]) -> [BakedMaterial] {
        let wanted = kinds.filter { !$0.isWeather }
        for kind in wanted { start(kind) }
        lock.wait()
        let handles = wanted.map { started[$0]! }
        lock.signal()
        return handles.map(\.value)
    }
}
