import OysterCore

/// An interior scene: a dungeon of rooms and corridors with props, lit by torches.
struct InteriorWorld {
    let recipe: Recipe
    var cameraPose: (Vec3, Vec3)?

    init(recipe: Recipe) { self.recipe = recipe }

    mutating func build(into a: inout SceneAssembler, kits: inout KitPlacement) {
        let rooms = max(1, min(recipe.feature(.dungeon)?.count ?? 8, 64))
        let kit = KitCatalog.dungeon(rooms: rooms, seed: recipe.seed, recipe: recipe)
        kits.place(kit.model, key: "Dungeon", name: "Dungeon", group: "Interior", translation: .zero, yaw: 0, into: &a)
        cameraPose = (kit.cameraEye, kit.cameraTarget)
    }
}
