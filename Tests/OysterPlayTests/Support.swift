import OysterCore
import OysterGen
import OysterMotion
import OysterRender
import OysterPlay
import OysterStream

let openGLAvailable: Bool = (try? Renderer()) != nil

/// A small, fast world: the snowy village at low detail with tiny textures, in 32 m tiles,
/// one tile round the camera and one ahead.
func testWorld() throws -> (PlayWorld, StreamedWorld) {
    var world = try PlayWorld(prompt: "a snowy village", recipe: nil, seed: 7)
    world.recipe.detail = .low
    world.recipe.textureResolution = 16
    return (world, try StreamedWorld(recipe: world.recipe, window: TileWindow(size: 32, radius: 1, ahead: 1)))
}

/// A flat 200 m square of ground at height 0 (no solids).
func flatGround() -> Ground {
    var scene = Scene()
    let p = [Vec3(-100, 0, -100), Vec3(100, 0, -100), Vec3(-100, 0, 100), Vec3(100, 0, 100)]
    scene.meshes.append(Mesh(name: "Ground", primitives: [Primitive(attributes: ["POSITION": DataArray(vec3: p)], indices: DataArray(indices: [0, 2, 1, 1, 2, 3]))]))
    scene.nodes = [Node(name: "Ground", mesh: 0, role: .terrain)]
    scene.roots = [SceneRoot(nodes: [0])]
    scene.defaultRoot = 0
    return Ground(scene)
}
