import OysterCore
@testable import OysterGen
import Testing

struct DayCycleTests {
    /// The directional light's world direction (towards the light) in `pose`.
    func lightDirection(_ scene: Scene, _ world: [Mat4]) throws -> Vec3 {
        let n = try #require(scene.nodes.indices.first { i in scene.nodes[i].light.map { scene.lights[$0].kind == .directional } ?? false })
        return normalize(world[n].transformDirection(Vec3(0, 0, 1)))
    }

    @Test(arguments: [Float(14), 19, 23, 2])
    func theDayCycleStartsWhereTheLightIsAndTheMoonStaysUpAtNight(hour: Float) throws {
        var recipe = smallRecipe(seed: 5)
        recipe.timeOfDay = hour
        let scene = WorldGenerator.generate(recipe)
        let cycle = try #require(scene.animations.firstIndex { $0.name == "DayCycle" })
        let rest = try lightDirection(scene, scene.worldMatrices())
        let start = try lightDirection(scene, scene.pose(at: 0, animation: cycle).worldMatrices)
        #expect(length(rest - start) < 1e-3, "at \(hour) h the cycle's first frame moves the light from \(rest) to \(start)")
        // Whatever the hour, the light the scene is lit by is above the horizon.
        #expect(start.y > 0, "at \(hour) h")
    }
}
