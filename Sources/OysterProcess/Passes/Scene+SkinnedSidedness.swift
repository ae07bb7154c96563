import OysterCore

/// One sidedness per skinned body, so a character can be one draw call.
///
/// A character is usually a closed body (single-sided skin, leather, armour) dressed in open
/// garments and hair (double-sided). Materials that differ in `doubleSided` never share an
/// atlas page, so such a body stays two draw calls or more however its textures are packed.
/// This pass points the single-sided primitives of a skinned mesh that also has double-sided
/// ones at double-sided copies of their materials (one copy per material, shared by every
/// mesh that needs it; static meshes keep the originals). On a closed surface the back faces
/// this uncovers lie behind its front faces, so the body draws the same; an engine rasterises
/// a few thousand more triangles per character and saves its other draw calls.
extension Scene {
    /// Makes every primitive of a skinned mesh that mixes single- and double-sided materials
    /// double-sided, through copies of the single-sided materials; run before the atlas.
    @discardableResult
    public mutating func doubleSideMixedSkinnedMeshes() -> PassReport {
        let skinned = Set(nodes.compactMap { $0.skin != nil ? $0.mesh : nil }.filter { meshes.indices.contains($0) })
        var copies: [Int: Int] = [:]
        var changed = 0
        for m in skinned.sorted() {
            let sides = Set(meshes[m].primitives.compactMap { p in p.material.flatMap { materials.indices.contains($0) ? materials[$0].doubleSided : nil } })
            guard sides == [false, true] else { continue }
            for p in meshes[m].primitives.indices {
                // A primitive that switches materials (KHR_materials_variants) keeps its own.
                guard let old = meshes[m].primitives[p].material, materials.indices.contains(old), !materials[old].doubleSided,
                      meshes[m].primitives[p].extensions["KHR_materials_variants"] == nil else { continue }
                if copies[old] == nil {
                    var copy = materials[old]
                    copy.doubleSided = true
                    materials.append(copy)
                    copies[old] = materials.count - 1
                }
                meshes[m].primitives[p].material = copies[old]
                changed += 1
            }
        }
        return PassReport(name: "skinSides", figures: ["materialsCopied": Double(copies.count), "primitivesDoubleSided": Double(changed)])
    }
}
