import OysterCore

extension WorldGenerator {
    /// The home region's establishing camera (eye, target): where `generate` puts the default
    /// scene's camera, found from the world's features without building the region, so a
    /// streamed view of the world can start there. Nil for an interior (a dungeon has no home
    /// region).
    public static func establishingCamera(_ recipe: Recipe) -> (eye: Vec3, target: Vec3)? {
        guard recipe.scene != .interior else { return nil }
        let map = WorldMap(recipe: recipe)
        let region = Region.home(recipe)
        let features = map.features(minX: region.minX, minZ: region.minZ, maxX: region.maxX, maxZ: region.maxZ)
        let view = HomeView(home: map.home, features: features, recipe: recipe)
        let (eye, target) = view.cameraPose(looking: view.focus)
        return (eye, target)
    }
}
