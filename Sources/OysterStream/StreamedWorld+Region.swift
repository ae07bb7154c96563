import OysterCore

extension StreamedWorld {
    /// One scene of `tiles` and the `spawned` things standing on them (the scenes a
    /// `WorldDirection` placed): what an export of the region a player visited holds. Each
    /// tile is generated again (a pure function of the world, so it is the tile that was
    /// walked), at the world's own hour and weather, under a node `Tile_X_Z`; each spawned
    /// thing under `Spawned_N`. The tiles' shared texture files become pixels, so the scene
    /// stands alone; the first tile's sun is the region's only one. Safe from any thread.
    public func region(tiles: [TileKey], spawned: [Scene]) throws(Scene.AppendError) -> Scene {
        var scene = Scene()
        for (i, key) in tiles.sorted().enumerated() {
            let tile = stream.tile(x: key.x, z: key.z)
            if i == 0 {
                // The world's provenance, light units and environment, as every tile carries them.
                scene.asset = tile.asset
                scene.extras = tile.extras
            }
            try scene.append(tile, name: "Tile_\(key.x)_\(key.z)", keepSun: i == 0)
        }
        for (i, thing) in spawned.enumerated() { try scene.append(thing, name: "Spawned_\(i + 1)", keepSun: false) }
        for (i, pixels) in textures.images(for: scene) {
            scene.images[i].pixels = pixels.image
            scene.images[i].uri = nil
            scene.images[i].mimeType = "image/png"
        }
        return scene
    }
}
