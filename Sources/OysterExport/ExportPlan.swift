import OysterAtlas
import OysterCore
import OysterJSON
import OysterProcess

/// One export: processes a scene for its target and writes the package.
struct ExportRun {
    var settings: ExportSettings
    var name: String
    var outputFolder: String

    /// The scenes and reports of the processing stage.
    struct Processed {
        /// Atlased, resized and compacted, before target conventions: the OBJ's scene.
        var base: Scene
        /// The scene written as `<name>.glb`.
        var final: Scene
        var passes: [PassReport] = []
        var atlasPages = 0
        var notes: [String] = []
        /// Draw calls and triangles of what the engine draws at once: LOD0 only, no colliders.
        var rendered = (drawCalls: 0, triangles: 0)
    }

    /// The extras key marking LOD levels after LOD0 until the end of processing.
    static let lodMarker = "oysterLOD"

    // MARK: - Processing

    func process(_ input: Scene) throws -> Processed {
        var scene = input
        var passes: [PassReport] = []
        var notes: [String] = []
        let target = settings.target

        // Atlas first: it merges primitives that come to share a material.
        var pages = 0
        if settings.atlas {
            var o = SceneAtlasOptions(maxSize: min(4096, max(16, settings.maxTexture)))
            o.mergeAcrossNodes = target.atlasAcrossNodes
            o.powerOfTwo = target.isCompact
            // Web: a baked repeat quadruples a tile's texels; cut repeating UVs instead.
            if target.isCompact { o.maxRepeat = 1 }
            // An engine package must not trade many more triangles for fewer draw calls: cutting
            // repeating UVs may add at most 10 % (the pass's own default, 50 %, suits offline use).
            o.maxTriangleGrowth = 0.1
            do {
                let report = try atlasScene(&scene, options: o)
                passes.append(report.passReport)
                pages = report.pages.count
                if pages == 0 { notes.append("atlas: no materials could share a page; textures kept as they are") }
            } catch {
                notes.append("atlas: \(error); textures kept as they are")
            }
        } else {
            notes.append("atlas: disabled (--no-atlas); textures kept as they are")
        }
        passes.append(scene.resizeTextures(TextureResizeOptions(maxSize: settings.maxTexture, powerOfTwo: target.isCompact)))
        passes.append(scene.compact())
        scene.nameImagesForPackage()
        let renamed = scene.makeNodeNamesUnique()
        passes.append(PassReport(name: "names", figures: ["nodesRenamed": Double(renamed)]))
        let base = scene

        // Target conventions.
        passes.append(scene.convertLights(to: target.lightUnits))
        if target == .godot, scene.lightUnits == .unitless { passes.append(scene.adaptLightsForGodot3()) }
        if target.colliders != .none {
            passes.append(scene.addExportColliders(allowTrimesh: target.colliders != .unrealUCX))
            switch target.colliders {
            case .unrealUCX: scene.nameCollidersForUnreal()
            case .godotHints: scene.nameColliderChildren(godot: true)
            case .named: scene.nameColliderChildren(godot: false)
            case .none: break
            }
        }
        if settings.lods > 1 {
            passes.append(scene.addExportLODs(ratios: settings.lodRatios))
        }
        if target.loopSuffix {
            passes.append(PassReport(name: "loop", figures: ["animationsLooped": Double(scene.markLoopingAnimations())]))
        }
        if target.isCompact {
            passes.append(scene.instance())
            passes.append(scene.compact())
            passes.append(scene.quantize())
        } else {
            passes.append(scene.compact())
        }
        let rendered = scene.renderedFigures()
        let colliders = scene.finishColliders(omi: target.colliders == .godotHints || target.colliders == .named,
                                             detachMeshes: target.colliders == .named)
        for i in scene.nodes.indices where scene.nodes[i].extras?[Self.lodMarker] != nil { scene.nodes[i].extras = nil }
        if colliders > 0 { notes.append("\(colliders) collider nodes") }
        return Processed(base: base, final: scene, passes: passes, atlasPages: pages, notes: notes, rendered: rendered)
    }
}

extension Scene {
    /// LOD chains for every render mesh (colliders excluded), attached as `<Name>_LOD<n>` nodes.
    mutating func addExportLODs(ratios: [Float]) -> PassReport {
        let colliderMeshes = Set(markedColliders().compactMap { nodes[$0.node].mesh })
        let chains = addLODChains(LODOptions(ratios: ratios, maxError: Self.lodMaxError)).filter { !colliderMeshes.contains($0.mesh) }
        let groups = attachLODNodes(chains)
        for g in groups {
            for (k, n) in g.levels.enumerated() where k > 0 {
                nodes[n].extras = .object(JSONObject([(ExportRun.lodMarker, .int(Int64(k)))]))
            }
        }
        var levelTriangles = [Double](repeating: 0, count: ratios.count + 1)
        for c in chains { for (k, t) in c.triangles.enumerated() where k < levelTriangles.count { levelTriangles[k] += Double(t) } }
        var figures: [String: Double] = ["chains": Double(chains.count), "groups": Double(groups.count)]
        for (k, t) in levelTriangles.enumerated() { figures["trianglesLOD\(k)"] = t }
        return PassReport(name: "lod", figures: figures)
    }

    /// LOD error limit as a fraction of the mesh extent: 5 % (levels are seen from afar; the
    /// pass default of 2 % stops most organic meshes well above 50 %).
    static let lodMaxError: Float = 0.05

    /// Draw calls and triangles drawn at once: marked colliders and LOD levels after LOD0 left out.
    func renderedFigures() -> (drawCalls: Int, triangles: Int) {
        var drawCalls = 0, triangles = 0
        for n in nodes {
            guard let m = n.mesh, meshes.indices.contains(m) else { continue }
            if n.extras?[colliderMarker] != nil || n.extras?[ExportRun.lodMarker] != nil { continue }
            let instances = n.instancing?.values.first?.count ?? 1
            for p in meshes[m].primitives {
                drawCalls += 1
                triangles += p.triangleCount * instances
            }
        }
        return (drawCalls, triangles)
    }

    /// Image names that become the package's texture file names: atlas base colour pages are
    /// `atlas-<n>`, other atlas channels `atlas-<n>-<channel>`, the rest keep a safe name.
    mutating func nameImagesForPackage() {
        var used = Set<String>()
        for i in images.indices {
            var stem = Scene.safeName(images[i].name ?? images[i].uri.map { uri in
                let file = uri.split(separator: "/").last.map(String.init) ?? uri
                return file.contains(".") ? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)]) : file
            } ?? "image\(i)")
            if stem.hasPrefix("atlas-"), stem.hasSuffix("-baseColor") { stem = String(stem.dropLast("-baseColor".count)) }
            if stem.isEmpty { stem = "image\(i)" }
            var name = stem
            var k = 2
            while used.contains(name.lowercased()) { name = "\(stem)_\(k)"; k += 1 }
            used.insert(name.lowercased())
            images[i].name = name
        }
    }
}
