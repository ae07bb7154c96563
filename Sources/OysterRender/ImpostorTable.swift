import CGL
import OysterCore

/// Impostors baked once for every prepared scene that places the same mesh with the same
/// materials and textures (the tiles of a streamed world share their kits' trees and rocks),
/// counted by the scenes using them and deleted with the last (`CountedTable`).
final class ImpostorTable {
    /// A mesh as an impostor sees it: its geometry, its materials' values and the GL textures
    /// they sample (a texture's name stays its own while a scene using the entry holds it).
    struct Key: Hashable {
        let primitives: [Primitive]
        let materials: [Material?]
        let textures: [[GLuint?]]
    }

    private let table = CountedTable<Key, Impostor> { $0.delete() }

    /// Impostors held now (for tests and statistics).
    var count: Int { table.count }

    /// The impostor for `key`, made by `bake` unless held already; each call must be paired
    /// with `release`.
    func acquire(_ key: Key, bake: () throws(RenderError) -> Impostor) throws(RenderError) -> Impostor {
        try table.acquire(key, make: bake)
    }

    /// Drops one use of `key`'s impostor, deleting it with the last.
    func release(_ key: Key) { table.release(key) }

    /// The key of `mesh` in a prepared scene.
    static func key(_ prepared: PreparedScene, mesh: Int) -> Key {
        let scene = prepared.scene
        var primitives: [Primitive] = [], materials: [Material?] = [], textures: [[GLuint?]] = []
        for p in scene.meshes[mesh].primitives {
            var geometry = p
            geometry.material = nil
            primitives.append(geometry)
            let m = p.material.flatMap { scene.materials.indices.contains($0) ? scene.materials[$0] : nil }
            textures.append(TextureSlot.allCases.map { slot in
                m?[slot].flatMap { prepared.resources.texture($0.texture, sRGB: slot.isSRGB) }
            })
            // The material's values without what differs between scenes placing the same kit:
            // its name and extras, and its textures' indices (the GL textures stand for them).
            materials.append(m.map { m in
                var values = m
                values.name = nil
                values.extras = nil
                for slot in TextureSlot.allCases {
                    if var ref = values[slot] {
                        ref.texture = 0
                        values[slot] = ref
                    }
                }
                return values
            })
        }
        return Key(primitives: primitives, materials: materials, textures: textures)
    }
}
