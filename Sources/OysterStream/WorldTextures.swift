import Foundation
import OysterCore
import OysterGen
import OysterRender

/// The textures a world's tiles share (`materials/<kind>_<slot>.png`, see `ChunkGenerator`),
/// baked as pixels the first time a tile uses their kind and kept for the whole run: a kind is
/// baked once (by one thread; others needing it wait), and every tile's images point at the
/// same `SharedPixels`, so the renderer uploads each texture once.
///
/// The pixels are `MaterialBaker`'s, the same a chunk's PNG files hold (PNG is lossless), so
/// a streamed tile looks as its file does. Safe to use from any thread.
public final class WorldTextures: @unchecked Sendable {
    public let recipe: Recipe
    private let condition = NSCondition()
    private var baked: [SurfaceKind: [String: SharedPixels]] = [:]
    private var baking = Set<SurfaceKind>()

    public init(_ recipe: Recipe) {
        self.recipe = recipe
    }

    /// Kinds baked so far.
    public var bakedKinds: Int {
        condition.lock()
        defer { condition.unlock() }
        return baked.count
    }

    /// Pixels for every image of `scene` that names a shared texture, by image index.
    public func images(for scene: Scene) -> [Int: SharedPixels] {
        let prefix = ChunkGenerator.materialFolder + "/"
        var out: [Int: SharedPixels] = [:]
        for (i, image) in scene.images.enumerated() {
            guard let uri = image.uri, uri.hasPrefix(prefix), uri.hasSuffix(".png") else { continue }
            let name = uri.dropFirst(prefix.count).dropLast(4)
            guard let cut = name.lastIndex(of: "_"), let kind = SurfaceKind(rawValue: String(name[..<cut])) else { continue }
            if let pixels = textures(kind)[String(name[name.index(after: cut)...])] { out[i] = pixels }
        }
        return out
    }

    /// The three textures of `kind` by slot (`baseColor`, `normal`, `orm`), baked on first use.
    public func textures(_ kind: SurfaceKind) -> [String: SharedPixels] {
        condition.lock()
        while true {
            if let done = baked[kind] { condition.unlock(); return done }
            if !baking.contains(kind) { break }
            condition.wait()
        }
        baking.insert(kind)
        condition.unlock()
        let b = MaterialBaker.bake([kind], for: recipe)[0]
        let slots = ["baseColor": SharedPixels(b.baseColor), "normal": SharedPixels(b.normal), "orm": SharedPixels(b.orm)]
        condition.lock()
        baked[kind] = slots
        baking.remove(kind)
        condition.broadcast()
        condition.unlock()
        return slots
    }
}
