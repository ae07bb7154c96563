import OysterCore
import OysterImage
import OysterProcess

// The scene atlas pass: materials that differ only in their textures get one layout of tiles;
// each channel (base color, metallic-roughness, normal, occlusion, emissive) is drawn into its
// own page with that layout, UVs are moved into the tiles, the materials become one per page,
// and primitives that now share a material are merged.
//
// Tiles sit on a 2^mipLevels grid with gutters of half a grid step filled by the texture's own
// wrap mode, so the first `mipLevels` mip levels filter without reading a neighbour. UVs that
// leave [0, 1] are baked as repeats inside the tile when there are at most `maxRepeat` per axis.

/// Atlases the textures of `scene`'s materials (see `SceneAtlasOptions`), in place.
public func atlasScene(_ scene: inout Scene, options: SceneAtlasOptions = .init()) throws -> AtlasReport {
    guard options.maxSize >= 16, options.maxSize <= 16384 else { throw PackError.invalidOption("atlas size must be 16-16384") }
    guard options.mipLevels >= 0, options.mipLevels <= 8 else { throw PackError.invalidOption("mip levels must be 0-8") }
    var report = AtlasReport()
    let before = ProcessStatistics(scene)
    report.drawCallsBefore = before.drawCalls
    report.trianglesBefore = before.triangles
    report.materialsBefore = before.materials
    report.imagesBefore = before.images
    report.textureBytesBefore = before.textureBytes

    // MARK: Candidates and groups
    let uses = scene.primitivesByMaterial()
    let blocked = scene.variantMaterials()
    var groups: [AtlasGroupKey: [AtlasCandidate]] = [:]
    var groupOrder: [AtlasGroupKey] = []
    for m in scene.materials.indices {
        let (candidate, note) = scene.atlasCandidate(m, uses: uses[m] ?? [], maxRepeat: max(1, options.maxRepeat),
                                                    splitRepeats: options.splitRepeats, blocked: blocked)
        if let note { report.notes.append(note) }
        guard let candidate else { continue }
        let key = scene.atlasGroupKey(candidate)
        if groups[key] == nil { groupOrder.append(key) }
        groups[key, default: []].append(candidate)
    }

    // MARK: Which repeating materials to cut: cheapest first, within the triangle budget
    var budget = Int(Double(before.triangles) * max(0, options.maxTriangleGrowth))
    var splitCost: [(cost: Int, material: Int)] = []
    let instances = scene.meshInstanceCounts()
    for key in groupOrder where (groups[key]?.count ?? 0) >= 2 {
        for c in groups[key] ?? [] where c.split {
            var added = 0
            var why: UVSplitFailure?
            for (mi, pi) in c.uses {
                let p = scene.meshes[mi].primitives[pi]
                // Counting stops past what the budget could ever accept (hostile UVs stay cheap).
                let cap = min(1 << 26, p.triangleCount + budget / max(1, instances[mi]) + 1)
                switch p.uvGridTriangleCount(set: c.texCoord, transform: c.transform, maxTriangles: cap) {
                case .success(let n): added += max(0, n - p.triangleCount) * instances[mi]
                case .failure(.tooManyPieces): added = Int.max / 2
                case .failure(let f): why = f
                }
                if why != nil || added > budget { break }
            }
            if let why {
                report.notes.append("material \(c.material): UVs repeat and a primitive \(why); left out")
                splitCost.append((Int.max, c.material))
            } else {
                splitCost.append((added, c.material))
            }
        }
    }
    var refused = Set<Int>()
    for (cost, m) in splitCost.sorted(by: { $0.cost < $1.cost || ($0.cost == $1.cost && $0.material < $1.material) }) {
        if cost == Int.max { refused.insert(m); continue }
        if cost <= budget {
            budget -= cost
        } else {
            refused.insert(m)
            let amount = cost >= Int.max / 2 ? "too many" : "\(cost)"
            report.notes.append("material \(m): cutting its repeating UVs would add \(amount) triangles (over budget); left out")
        }
    }
    for key in groupOrder { groups[key]?.removeAll { refused.contains($0.material) } }

    var decoder = ImageCache()
    var changed = false
    for key in groupOrder {
        guard let members = groups[key], members.count >= 2 else { continue }
        if try atlasGroup(members, key: key, scene: &scene, options: options, decoder: &decoder, report: &report) {
            changed = true
        }
    }

    // MARK: Merge and tidy
    if changed {
        if options.mergePrimitives {
            // Across nodes, geometry must first share one space: bake static transforms, except
            // for meshes used often enough that instancing them beats merging.
            if options.mergeAcrossNodes { scene.flatten(FlattenOptions(keepSharedMeshesUsedAtLeast: 4)) }
            scene.mergeByMaterial(MergeOptions(acrossNodes: options.mergeAcrossNodes))
        }
        scene.compact(CompactionOptions(removeEmptyNodes: false, removeUnusedVertices: false))
        // Page materials were appended; find their indices after compaction by name.
        for i in report.pages.indices {
            let name = "atlas-\(i)"
            report.pages[i].material = scene.materials.firstIndex { $0.name == name } ?? -1
        }
    }
    let after = ProcessStatistics(scene)
    report.drawCallsAfter = after.drawCalls
    report.trianglesAfter = after.triangles
    report.materialsAfter = after.materials
    report.imagesAfter = after.images
    report.textureBytesAfter = after.textureBytes
    return report
}

extension Scene {
    /// How many times each mesh is drawn (nodes referencing it, times GPU instances).
    func meshInstanceCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: meshes.count)
        for n in nodes {
            if let m = n.mesh, meshes.indices.contains(m) { counts[m] += n.instancing?.values.first?.count ?? 1 }
        }
        return counts
    }
}

/// Decoded images by scene index; a failure is remembered so it is reported once.
struct ImageCache {
    var bitmaps: [Int: AtlasBitmap] = [:]
    var failed: [Int: String] = [:]

    mutating func bitmap(_ index: Int, in scene: Scene) -> AtlasBitmap? {
        if let b = bitmaps[index] { return b }
        guard failed[index] == nil else { return nil }
        // Pixels a generator or an earlier pass handed over are used as they are.
        if let pixels = scene.images[index].pixels {
            let b = AtlasBitmap(pixels)
            bitmaps[index] = b
            return b
        }
        guard let data = scene.images[index].data else { return nil }
        do {
            let b = try AtlasBitmap.decode(data)
            bitmaps[index] = b
            return b
        } catch {
            failed[index] = "\(error)"
            return nil
        }
    }
}

/// One tile: a material's textures (or several materials with the same textures and UV span).
struct AtlasTile: Hashable {
    var images: [TextureSlot: Int]
    var originU: Int, originV: Int, countU: Int, countV: Int
    var wrapS: Int, wrapT: Int
    /// Size of one repeat (the largest of the slot images).
    var width = 0, height = 0
}

/// Atlases one group; returns whether the scene changed.
func atlasGroup(_ members: [AtlasCandidate], key: AtlasGroupKey, scene: inout Scene, options: SceneAtlasOptions,
                decoder: inout ImageCache, report: inout AtlasReport) throws -> Bool {
    // MARK: Tiles (decoding every image; a bad one leaves its material out)
    var tiles: [AtlasTile] = []
    var tileIndex: [AtlasTile: Int] = [:]
    var memberTile: [Int] = []
    var kept: [AtlasCandidate] = []
    var splits: [(Int, Int, Primitive)] = []
    let gutter = options.gutter, grid = options.grid
    for c in members {
        var tile = AtlasTile(images: c.images, originU: c.originU, originV: c.originV, countU: c.countU, countV: c.countV,
                             wrapS: c.wrapS, wrapT: c.wrapT)
        var ok = true
        for slot in key.slots {
            guard let img = c.images[slot], let b = decoder.bitmap(img, in: scene) else {
                let why = c.images[slot].flatMap { decoder.failed[$0] } ?? "missing"
                report.notes.append("material \(c.material): \(slot.rawValue) image could not be decoded (\(why)); left out")
                ok = false
                break
            }
            tile.width = max(tile.width, b.width)
            tile.height = max(tile.height, b.height)
        }
        guard ok else { continue }
        if tile.width * tile.countU + 2 * gutter > options.maxSize || tile.height * tile.countV + 2 * gutter > options.maxSize {
            report.notes.append("material \(c.material): tile \(tile.width * tile.countU)x\(tile.height * tile.countV) exceeds the atlas size; left out")
            continue
        }
        var c = c
        if c.split {
            // Cut now, commit only if the group is atlased.
            var pieces: [(Int, Int, Primitive)] = []
            for (mi, pi) in c.uses {
                let p = scene.meshes[mi].primitives[pi]
                switch p.splitAtUVGrid(set: c.texCoord, transform: c.transform, maxTriangles: 1 << 26) {
                case .success(let q): pieces.append((mi, pi, q))
                case .failure(let why):
                    report.notes.append("material \(c.material): UVs repeat and a primitive \(why); left out")
                    ok = false
                }
                if !ok { break }
            }
            guard ok else { continue }
            splits += pieces
            c.transform = nil
        }
        if let t = tileIndex[tile] {
            memberTile.append(t)
        } else {
            tileIndex[tile] = tiles.count
            memberTile.append(tiles.count)
            tiles.append(tile)
        }
        kept.append(c)
    }
    guard kept.count >= 2 else { return false }
    for (mi, pi, p) in splits { scene.meshes[mi].primitives[pi] = p }
    report.primitivesSplit += splits.count

    // MARK: Layout on the grid
    let cells = tiles.map { t in
        PackSize(width: (t.width * t.countU + 2 * gutter + grid - 1) / grid, height: (t.height * t.countV + 2 * gutter + grid - 1) / grid)
    }
    var packOptions = PackOptions(maxWidth: options.maxSize / grid, maxHeight: options.maxSize / grid, powerOfTwo: options.powerOfTwo)
    packOptions.maxAspectRatio = 2
    let layout = try packRectangles(cells, options: packOptions)

    // MARK: Pages: one image per slot, one material per page
    let template = scene.materials[kept[0].material]
    // Slots that read the same image in every material (glTF's ORM packing: occlusion in the
    // metallic-roughness image; emissive reusing base color) share one page image too.
    var alias: [TextureSlot: TextureSlot] = [:]
    for (i, b) in key.slots.enumerated() {
        if let a = key.slots[..<i].first(where: { a in alias[a] == nil && kept.allSatisfy { $0.images[a] == $0.images[b] } }) {
            alias[b] = a
        }
    }
    var pageMaterial: [Int] = []
    for (p, page) in layout.pages.enumerated() {
        let pw = page.width * grid, ph = page.height * grid
        var material = template
        material.name = "atlas-\(report.pages.count)"
        material.extras = nil
        var used = 0
        for t in page.items { used += tiles[t].width * tiles[t].countU * tiles[t].height * tiles[t].countV }
        var pageTexture: [TextureSlot: Int] = [:]
        for slot in key.slots {
            if let a = alias[slot], let shared = pageTexture[a] {
                var ref = TextureRef(texture: shared, texCoord: key.texCoord, scale: template[slot]?.scale ?? 1)
                ref.extensions = template[slot]?.extensions ?? .init()
                ref.extensions["KHR_texture_transform"] = nil
                material[slot] = ref
                continue
            }
            var bitmap = AtlasBitmap(width: pw, height: ph)
            for t in page.items {
                let tile = tiles[t], cell = layout.placements[t]
                guard let img = tile.images[slot], var src = decoder.bitmap(img, in: scene) else { continue }
                if src.width != tile.width || src.height != tile.height {
                    src = AtlasBitmap(src.pixelImage.resized(width: tile.width, height: tile.height, colorSpace: ColorSpace(slot: slot)))
                }
                let baked = bakeTile(src, tile: tile, gutter: gutter)
                let x = cell.x * grid, y = cell.y * grid
                bitmap.draw(baked, x: x, y: y, region: (x, y, x + cell.width * grid, y + cell.height * grid))
            }
            // The page keeps its pixels, so a later pass (resize) need not decode it. It is also
            // encoded at once, because oyster-export's package writer still reads `data`.
            var page = Image(name: "atlas-\(report.pages.count)-\(slot.rawValue)", pixels: bitmap.pixelImage, encoding: .png(compression: 6))
            page.data = try ImageCodec.encodePNG(bitmap.pixelImage)
            scene.images.append(page)
            let first = template[slot].flatMap { scene.textures.indices.contains($0.texture) ? scene.textures[$0.texture].sampler : nil }
            var sampler = Sampler(magFilter: key.magFilter, minFilter: key.minFilter, wrapS: Sampler.clampToEdge, wrapT: Sampler.clampToEdge)
            if let first, scene.samplers.indices.contains(first) { sampler.name = scene.samplers[first].name }
            scene.samplers.append(sampler)
            scene.textures.append(Texture(name: "atlas-\(report.pages.count)-\(slot.rawValue)", source: scene.images.count - 1,
                                          sampler: scene.samplers.count - 1))
            pageTexture[slot] = scene.textures.count - 1
            var ref = TextureRef(texture: scene.textures.count - 1, texCoord: key.texCoord, scale: template[slot]?.scale ?? 1)
            ref.extensions = template[slot]?.extensions ?? .init()
            ref.extensions["KHR_texture_transform"] = nil
            material[slot] = ref
        }
        scene.materials.append(material)
        pageMaterial.append(scene.materials.count - 1)
        report.pages.append(AtlasPageInfo(width: pw, height: ph, slots: key.slots, materials: 0, material: scene.materials.count - 1,
                                          occupancy: Double(used) / Double(max(1, pw * ph))))
        _ = p
    }

    // MARK: UVs into tiles
    let firstPage = report.pages.count - layout.pages.count
    for (k, c) in kept.enumerated() {
        let tile = tiles[memberTile[k]], cell = layout.placements[memberTile[k]]
        let page = layout.pages[cell.page]
        let pw = Float(page.width * grid), ph = Float(page.height * grid)
        let fx = Float(cell.x * grid + gutter), fy = Float(cell.y * grid + gutter)
        let attribute = "TEXCOORD_\(c.texCoord)"
        for (n, (mi, pi)) in c.uses.enumerated() {
            guard let uv = scene.meshes[mi].primitives[pi].attributes[attribute] else { continue }
            let (su, sv) = n < c.shifts.count ? (Float(c.shifts[n].0), Float(c.shifts[n].1)) : (0, 0)
            var f = uv.floats()
            var i = 0
            while i + 1 < f.count {
                var (u, v) = (f[i], f[i + 1])
                if let t = c.transform { (u, v) = t.apply(u, v) }
                u -= su
                v -= sv
                f[i] = (fx + (u - Float(tile.originU)) * Float(tile.width)) / pw
                f[i + 1] = (fy + (v - Float(tile.originV)) * Float(tile.height)) / ph
                i += 2
            }
            scene.meshes[mi].primitives[pi].attributes[attribute] = DataArray(floats: f, elementType: .vec2)
            scene.meshes[mi].primitives[pi].material = pageMaterial[cell.page]
        }
        report.pages[firstPage + cell.page].materials += 1
    }
    return true
}

/// A tile's pixels: `countU`×`countV` repeats of `src` plus a gutter on every side, each
/// pixel read through the texture's wrap modes (so the gutter continues the pattern).
func bakeTile(_ src: AtlasBitmap, tile: AtlasTile, gutter: Int) -> AtlasBitmap {
    let w = src.width, h = src.height
    var out = AtlasBitmap(width: w * tile.countU + 2 * gutter, height: h * tile.countV + 2 * gutter)
    let ow = out.width
    src.pixels.withUnsafeBytes { sraw in
        out.pixels.withUnsafeMutableBytes { draw in
            let s = sraw.bindMemory(to: UInt32.self), d = draw.bindMemory(to: UInt32.self)
            for y in 0..<out.height {
                let sy = Sampler.wrapTexel(tile.originV * h + y - gutter, count: h, mode: tile.wrapT)
                for x in 0..<ow {
                    let sx = Sampler.wrapTexel(tile.originU * w + x - gutter, count: w, mode: tile.wrapS)
                    d[y * ow + x] = s[sy * w + sx]
                }
            }
        }
    }
    return out
}
