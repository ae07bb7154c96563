import OysterCore
import OysterImage

/// The three textures of one surface kind, at the recipe's resolution, as pixels: they are
/// encoded (as `MaterialBaker.encoding`) only when a writer writes them.
public struct BakedMaterial: Sendable {
    public let kind: SurfaceKind
    /// sRGB base colour (RGB).
    public let baseColor: PixelImage
    /// Tangent-space normal map (RGB, +Y up, glTF convention).
    public let normal: PixelImage
    /// Occlusion (R), roughness (G), metallic (B): glTF's packed metallic-roughness layout,
    /// also usable as the occlusion texture.
    public let orm: PixelImage
}

/// Bakes tileable PBR textures for surface kinds. Each kind is independent, so kinds are
/// baked in parallel; within a kind everything is a pure function of (seed, kind, biome, season).
public enum MaterialBaker {
    /// How baked textures are written: PNG at zlib level 4 (what the files have always used;
    /// changing it changes every generated file's bytes).
    public static let encoding = ImageEncoding.png(compression: 4)

    /// Bakes `kinds` (in the given order) at `resolution`² pixels (people's kinds at
    /// `resolution(of:recipe:)`).
    public static func bake(_ kinds: [SurfaceKind], biome: Biome, season: Season, seed: UInt64, resolution: Int) -> [BakedMaterial] {
        Parallel.map(kinds.count) { i in bake(kinds[i], biome: biome, season: season, seed: seed, resolution: Self.resolution(of: kinds[i], recipe: resolution)) }
    }

    /// Bakes `kinds` for a recipe's world: its biome, season, seed and texture resolution.
    public static func bake(_ kinds: [SurfaceKind], for recipe: Recipe) -> [BakedMaterial] {
        bake(kinds, biome: recipe.biome, season: recipe.season, seed: recipe.seed, resolution: recipe.textureResolution)
    }

    /// The side of `kind`'s textures for a recipe's `textureResolution`: a quarter of it (at
    /// least 32) for the kinds only people and animals wear. A body is under 2 m tall and
    /// its colours are vertex colours over these near-white surfaces, so a quarter shows the
    /// same grain, and baking a world's people costs a sixteenth of baking its ground.
    public static func resolution(of kind: SurfaceKind, recipe resolution: Int) -> Int {
        SurfaceKind.characterKinds.contains(kind) ? max(min(resolution, 32), resolution / 4) : resolution
    }

    static func bake(_ kind: SurfaceKind, biome: Biome, season: Season, seed: UInt64, resolution n: Int) -> BakedMaterial {
        let pattern = SurfacePattern(kind: kind, biome: biome, season: season, seed: seed)
        var color = [UInt8](repeating: 0, count: n * n * 3)
        var orm = [UInt8](repeating: 0, count: n * n * 3)
        var height = [Float](repeating: 0, count: n * n)
        let inv = 1 / Float(n)
        let metal = Palette.metallic(kind)
        for y in 0..<n {
            let v = (Float(y) + 0.5) * inv
            for x in 0..<n {
                let t = pattern.texel((Float(x) + 0.5) * inv, v)
                let k = y * n + x
                height[k] = t.height
                color[k * 3] = byte(t.color.x)
                color[k * 3 + 1] = byte(t.color.y)
                color[k * 3 + 2] = byte(t.color.z)
                orm[k * 3] = byte(t.occlusion)
                orm[k * 3 + 1] = byte(t.roughness)
                orm[k * 3 + 2] = byte(metal)
            }
        }
        // Normal map from the height field, wrapping at the edges so it tiles too.
        var normal = [UInt8](repeating: 0, count: n * n * 3)
        let strength = pattern.bump * 0.5 * Float(n) / 256
        for y in 0..<n {
            let up = ((y - 1 + n) % n) * n, down = ((y + 1) % n) * n
            for x in 0..<n {
                let l = (x - 1 + n) % n, r = (x + 1) % n
                let dx = (height[y * n + r] - height[y * n + l]) * strength
                let dy = (height[down + x] - height[up + x]) * strength
                let nv = normalize(Vec3(-dx, dy, 1))
                let k = (y * n + x) * 3
                normal[k] = byte(nv.x * 0.5 + 0.5)
                normal[k + 1] = byte(nv.y * 0.5 + 0.5)
                normal[k + 2] = byte(nv.z * 0.5 + 0.5)
            }
        }
        return BakedMaterial(kind: kind, baseColor: rgb(color, n), normal: rgb(normal, n), orm: rgb(orm, n))
    }

    @inline(__always) static func byte(_ f: Float) -> UInt8 { UInt8(clamp(f, 0, 1) * 255 + 0.5) }

    static func rgb(_ samples: [UInt8], _ n: Int) -> PixelImage {
        PixelImage(width: n, height: n, channels: 3, samples8: samples)
    }
}
