import OysterCore
import Testing
@testable import OysterGen

/// Textures baked while a world is built (`MaterialBakery`) are those baked at the end.
@Suite("Material bakery")
struct MaterialBakeryTests {
    static let recipe: Recipe = {
        var r = Recipe()
        r.textureResolution = 64
        return r
    }()

    @Test func startedEarlyOrBakedAtTheEndTheTexturesAreTheBakersOwn() {
        let bakery = MaterialBakery(for: Self.recipe)
        bakery.start(.rock)
        bakery.start(.skin)
        bakery.start(.rock) // a second start bakes nothing more
        let kinds: [SurfaceKind] = [.grass, .rock, .skin, .roofTiles]
        let got = bakery.materials(for: kinds)
        let want = MaterialBaker.bake(kinds, for: Self.recipe)
        #expect(got.map(\.kind) == kinds)
        for (g, w) in zip(got, want) {
            #expect(g.baseColor == w.baseColor && g.normal == w.normal && g.orm == w.orm, "\(g.kind)")
        }
        // A person's kind at a quarter of the world's resolution, as the baker makes it.
        #expect(got[2].baseColor.width == MaterialBaker.resolution(of: .skin, recipe: 64))
    }

    @Test func weatherKindsAreLeftOut() {
        let weather = SurfaceKind.allCases.filter(\.isWeather)
        try! #require(!weather.isEmpty)
        let bakery = MaterialBakery(for: Self.recipe)
        for kind in weather { bakery.start(kind) }
        #expect(bakery.materials(for: weather + [.dirt]).map(\.kind) == [.dirt])
    }

    /// The generator starts each kind's bake as it first uses the kind; each textured
    /// material of the world carries exactly what the baker makes for its kind.
    @Test func aWorldBakedAlongTheWayHasTheBakersTextures() throws {
        var r = Recipe()
        r.textureResolution = 32
        let world = WorldGenerator.generate(r)
        var checked = 0
        for material in world.materials {
            guard let kind = material.name.flatMap(SurfaceKind.init(rawValue:)), !kind.isWeather,
                  let base = material.baseColorTexture, let normal = material.normalTexture,
                  let orm = material.metallicRoughnessTexture else { continue }
            func pixels(_ ref: TextureRef) -> PixelImage? { world.textures[ref.texture].source.flatMap { world.images[$0].pixels } }
            let want = MaterialBaker.bake([kind], for: r)[0]
            #expect(pixels(base) == want.baseColor && pixels(normal) == want.normal && pixels(orm) == want.orm, "\(kind)")
            checked += 1
        }
        #expect(checked >= 10)
    }
}
