import Foundation
import OysterCore
import OysterTestSupport
import Testing
@testable import OysterGen

@Suite struct SharedTexturesTests {
    func recipe(biome: Biome = .temperate, seed: UInt64 = 3) -> Recipe {
        var r = Recipe()
        r.biome = biome
        r.seed = seed
        r.textureResolution = 16
        return r
    }

    @Test func everyImageOfAChunkIsPointedAtAContentAddressedFile() {
        for biome in [Biome.temperate, .desert, .alpine] {
            let r = recipe(biome: biome)
            let textures = SharedTextures(r)
            var scene = ChunkGenerator.generate(r, x: 2, z: -5, size: 16)
            #expect(textures.rewrite(&scene).isEmpty, "\(biome): a chunk references a texture that is not baked")
            let byName = Dictionary(textures.files.map { ($0.hashedName, $0.bytes) }, uniquingKeysWith: { a, _ in a })
            #expect(!scene.images.isEmpty)
            for image in scene.images {
                let name = String(image.uri?.dropFirst((ChunkGenerator.materialFolder + "/").count) ?? "")
                let bytes = byName[name]
                #expect(bytes != nil, "\(biome): \(image.uri ?? "no uri")")
                if let bytes { #expect(name == String(SHA256.hex(bytes).prefix(32)) + ".png") }
            }
            // Rewriting twice changes nothing (hashed names are left alone).
            let once = scene
            #expect(textures.rewrite(&scene).isEmpty && scene == once)
        }
    }

    @Test func anUnknownSharedTextureIsReportedNotHidden() {
        let textures = SharedTextures(files: [(name: "a_baseColor.png", bytes: [1, 2, 3])])
        var scene = Scene()
        scene.images = [Image(data: nil, uri: "materials/a_baseColor.png"), Image(data: nil, uri: "materials/b_normal.png"),
                        Image(data: nil, uri: "elsewhere/b_normal.png")]
        #expect(textures.rewrite(&scene) == ["materials/b_normal.png"])
        #expect(scene.images[0].uri == "materials/" + SharedTextures.hashedName(of: [1, 2, 3]))
        #expect(scene.images[2].uri == "elsewhere/b_normal.png")
    }

    @Test func anotherWorldGivesOtherNamesSoBothFitInOneFolder() {
        let a = SharedTextures(recipe(seed: 1)), b = SharedTextures(recipe(seed: 2))
        // The seed changes most textures, so most names differ...
        let common = Set(a.files.map(\.hashedName)).intersection(b.files.map(\.hashedName))
        #expect(common.count < a.files.count / 2)
        // ... and a texture both worlds have (one the seed does not change) is one file.
        for name in common {
            #expect(a.files.first { $0.hashedName == name }?.bytes == b.files.first { $0.hashedName == name }?.bytes)
        }
        // Same world, same names: a rerun or another shard writes nothing new.
        #expect(SharedTextures(recipe(seed: 1)).hashedNames == a.hashedNames)
    }

    @Test func writingSkipsWhatIsThereAndPrepareReusesItsIndex() throws {
        let dir = TemporaryDirectory("oyster-shared-textures")
        let r = recipe()
        let textures = SharedTextures(r)
        // Identical textures of two kinds are one file.
        #expect(try textures.write(into: dir.path) == Set(textures.files.map(\.hashedName)).count)
        #expect(try textures.write(into: dir.path) == 0)
        // No index kept without a build identity; with one, the second call bakes nothing.
        let first = try SharedTextures.prepare(r, in: dir.path, build: "test-build")
        #expect(!first.files.isEmpty)
        let second = try SharedTextures.prepare(r, in: dir.path, build: "test-build")
        #expect(second.files.isEmpty && second.hashedNames == textures.hashedNames)
        // Another build or recipe has its own index.
        #expect(!(try SharedTextures.prepare(r, in: dir.path, build: "other-build")).files.isEmpty)
        var other = r
        other.detail = .high
        #expect(SharedTextures.indexKey(other, build: "test-build") != SharedTextures.indexKey(r, build: "test-build"))
    }
}
