import OysterCore
import OysterGen
import OysterMotion

extension StreamedWorld {
    /// One scene of `tiles` and the things `spawned` on them (where a walk placed them):
    /// what an export of the region a player visited holds. Each tile and thing is generated
    /// again (a pure function of the world, so it is the land that was walked), lit by `light`
    /// (the hour and weather of the session's moment; nil: the world's own), under a node
    /// `Tile_X_Z` or `Spawned_N`. The tiles' shared texture files become pixels, so the scene
    /// stands alone; the first tile's sun (or moon) is the region's only one. Safe from any
    /// thread.
    /// `gathered`: people calls to gather took, standing where they were taken (`Gathered_N`)
    /// instead of on their routines in the tiles.
    public func region(tiles: [TileKey], spawned: [PlacedSpawn], light: (hour: Float, weather: Weather)? = nil,
                       gathered: [Gathering] = []) throws(Scene.AppendError) -> Scene {
        var scene = Scene()
        let taken = Set(gathered.map(\.name))
        for (i, key) in tiles.sorted().enumerated() {
            let tile = stream.tile(x: key.x, z: key.z, light: light, withoutPeople: taken)
            if i == 0 {
                // The world's provenance, light units and environment, as every tile carries them.
                scene.asset = tile.asset
                scene.extras = tile.extras
            }
            try scene.append(tile, name: "Tile_\(key.x)_\(key.z)", keepSun: i == 0)
        }
        for (i, placed) in spawned.enumerated() {
            guard let thing = stream.spawn(placed.thing, x: placed.x, z: placed.z, heading: placed.heading, light: light) else { continue }
            try scene.append(thing, name: "Spawned_\(i + 1)", keepSun: false)
        }
        // Only those standing on an exported tile: the others are outside the region.
        let owned = Set(tiles)
        for (i, person) in gathered.enumerated() where owned.contains(TileKey(containing: person.end.x, person.end.z, size: stream.size)) {
            try scene.append(person.standing, name: "Gathered_\(i + 1)", keepSun: false)
        }
        for (i, pixels) in textures.images(for: scene) {
            scene.images[i].pixels = pixels.image
            scene.images[i].uri = nil
            scene.images[i].mimeType = "image/png"
        }
        return scene
    }
}

extension StreamedWorld {
    /// Whether `thing` (a spawnable name) can be placed at (x, z): anything can, but a fish
    /// only with still water within `ChunkGenerator.Stream.fishReach` of it.
    public func hasRoom(for thing: String, x: Float, z: Float) -> Bool {
        guard FishSpecies(rawValue: thing) != nil else { return true }
        return stream.stillWater(near: Vec2(x, z)) != nil
    }
}

extension StreamedWorld {
    /// The nearest place of the kind `name` ("well", "square") within `within` metres of
    /// `near`, where a call to gather sends people (see `ChunkGenerator.Stream.landmark`).
    public func landmark(_ name: String, near: SIMD2<Float>, within: Float) -> SIMD2<Float>? {
        stream.landmark(name, near: near, within: within)
    }
}
