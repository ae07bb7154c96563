import OysterAtlas
import OysterCore
import OysterProcess

// The whole export pipeline, in the order it runs (gltfpack's "one header lists the pipeline").
//
// Preparation — shared by the GLB and the OBJ:
//   roles (foreign files only) → one sidedness per skinned body → atlas → resize textures →
//   compact → package image names → unique node names
// Target conventions — the GLB only:
//   light units → crowds: skinned bodies of one material as one mesh (web) → Godot 3 lights
//   (godot) → colliders, named for the target (godot, unity, unreal) → LOD chains (--lods > 1)
//   → looping animation names (godot) → instance → compact → quantize (web) | compact
//   (others) → finish colliders (OMI physics)
//
// Each step is a `ProcessPass` over the scene; `ExportPlan.process` runs the two pipelines
// and keeps the scene between them for the OBJ.

/// The export passes of one target, as two declared pipelines.
public struct ExportPlan: Sendable {
    /// The options the passes were chosen for.
    public var options: ExportOptions

    /// The plan for `options`.
    public init(_ options: ExportOptions) { self.options = options }

    /// Passes that make the scene both the GLB and the OBJ are written from.
    public var preparation: Pipeline {
        var passes: [ProcessPass] = [.inferRoles]
        if options.atlas {
            // Before the atlas, so a character's materials can share one page and one draw.
            passes += [.doubleSideMixedSkins, .atlas(for: options)]
        }
        passes += [
            .resizeTextures(TextureResizeOptions(maxSize: options.maxTexture, powerOfTwo: options.target.isCompact)),
            .compact(),
            .packageImageNames,
            .uniqueNodeNames,
        ]
        return Pipeline(passes)
    }

    /// Passes that apply the target engine's conventions to the GLB's scene.
    public var conventions: Pipeline {
        let target = options.target
        var passes: [ProcessPass] = [.lightUnits(target.lightUnits)]
        // Before any level of detail is made: a body's levels share its skin.
        if target.isCompact { passes.append(.crowds) }
        if target == .godot { passes.append(.godot3Lights) }
        if target.colliders != .none { passes.append(.colliders(target.colliders)) }
        if options.lods > 1 { passes.append(.lodChains(ratios: options.lodRatios)) }
        if target.loopSuffix { passes.append(.loopingAnimationNames) }
        if target.isCompact {
            passes += [.instance(), .compact(), .quantize()]
        } else {
            passes.append(.compact())
        }
        if target.colliders != .none { passes.append(.finishColliders(target.colliders)) }
        return Pipeline(passes)
    }

    /// Runs both pipelines on `input`.
    public func process(_ input: Scene) throws -> ExportProduct {
        var scene = input
        let prepared = try preparation.run(&scene)
        let base = scene
        let applied = try conventions.run(&scene)
        let passes = prepared.passes + applied.passes
        let atlasPages = passes.first { $0.name == "atlas" }.flatMap { $0.figures["atlasPages"] }.map { Int($0) } ?? 0
        var notes = passes.flatMap(\.notes)
        if !options.atlas { notes.insert("atlas: disabled; textures kept as they are", at: 0) }
        return ExportProduct(base: base, final: scene, before: prepared.before, after: applied.after, passes: passes,
                             atlasPages: atlasPages, notes: notes, rendered: scene.renderedFigures())
    }
}

/// The scenes and reports of processing one scene for export.
public struct ExportProduct: Sendable {
    /// Atlased, resized and compacted, before target conventions: the OBJ's scene.
    public var base: Scene
    /// The scene written as `<name>.glb`.
    public var final: Scene
    /// Figures of the input scene.
    public var before: ProcessStatistics
    /// Figures of the final scene.
    public var after: ProcessStatistics
    /// Every pass's report, in run order.
    public var passes: [PassReport]
    /// Atlas pages made (0 when nothing could share a page or the atlas was off).
    public var atlasPages: Int
    /// What passes skipped and why, for the manifest.
    public var notes: [String]
    /// Draw calls and triangles of what the engine draws at once: LOD0 only, no colliders.
    public var rendered: (drawCalls: Int, triangles: Int)
}

// MARK: - The export passes as pipeline steps

extension ProcessPass {
    /// Roles from names, for files that carry none (`Scene.inferRolesFromNames`).
    static let inferRoles = ProcessPass(name: "roles") { $0.inferRolesFromNames() }

    /// `Scene.doubleSideMixedSkinnedMeshes` as a step.
    static let doubleSideMixedSkins = ProcessPass(name: "skinSides") { $0.doubleSideMixedSkinnedMeshes() }

    /// `Scene.mergeSkinnedMeshes` as a step: the bodies of one material drawn as one crowd.
    static let crowds = ProcessPass(name: "crowds") { $0.mergeSkinnedMeshes() }

    /// Texture atlas for the target. A scene the atlas cannot improve, or fails on, keeps its
    /// textures and says why in a note: an export never fails for want of an atlas.
    static func atlas(for options: ExportOptions) -> ProcessPass {
        let target = options.target
        var o = SceneAtlasOptions(maxSize: min(4096, max(16, options.maxTexture)))
        o.mergeAcrossNodes = target.atlasAcrossNodes
        o.powerOfTwo = target.isCompact
        // Web: a baked repeat quadruples a tile's texels; cut repeating UVs instead.
        if target.isCompact { o.maxRepeat = 1 }
        // An engine package must not trade many more triangles for fewer draw calls: cutting
        // repeating UVs may add at most 10 % (the pass's own default, 50 %, suits offline use).
        o.maxTriangleGrowth = 0.1
        let atlasOptions = o
        return ProcessPass(name: "atlas") { scene in
            do {
                var report = try atlasScene(&scene, options: atlasOptions).passReport
                if report.figures["atlasPages"] == 0 {
                    report.notes.append("atlas: no materials could share a page; textures kept as they are")
                }
                return report
            } catch {
                return PassReport(name: "atlas", figures: ["atlasPages": 0], notes: ["atlas: \(error); textures kept as they are"])
            }
        }
    }

    /// `Scene.resizeTextures` as a step.
    static func resizeTextures(_ o: TextureResizeOptions) -> ProcessPass {
        ProcessPass(name: "resize") { $0.resizeTextures(o) }
    }

    /// Image names that become the package's texture file names.
    static let packageImageNames = ProcessPass(name: "imageNames") { scene in
        PassReport(name: "imageNames", figures: ["images": Double(scene.nameImagesForPackage())])
    }

    /// Unique engine-safe node names.
    static let uniqueNodeNames = ProcessPass(name: "names") { scene in
        PassReport(name: "names", figures: ["nodesRenamed": Double(scene.makeNodeNamesUnique())])
    }

    /// Light intensities in the units the target's importer reads.
    static func lightUnits(_ units: LightUnits) -> ProcessPass {
        ProcessPass(name: "lightUnits") { $0.convertLights(to: units) }
    }

    /// Godot 3's point/spot light attenuation rule (see `Scene.adaptLightsForGodot3`); only
    /// for unitless lights, which the light-unit step has made them when the file recorded any.
    static let godot3Lights = ProcessPass(name: "godotLights") { scene in
        guard scene.lightUnits == .unitless else {
            return PassReport(name: "godotLights", figures: ["lightsAdapted": 0],
                              notes: scene.lights.isEmpty ? [] : ["godot lights: units not recorded; attenuation left to Godot"])
        }
        return scene.adaptLightsForGodot3()
    }

    /// Colliders made and named for the target's convention.
    static func colliders(_ convention: ExportTarget.Colliders) -> ProcessPass {
        ProcessPass(name: "colliders") { scene in
            let report = scene.addExportColliders(allowTrimesh: convention != .unrealUCX)
            switch convention {
            case .unrealUCX: scene.nameCollidersForUnreal()
            case .godotHints: scene.nameColliderChildren(godot: true)
            case .named: scene.nameColliderChildren(godot: false)
            case .none: break
            }
            return report
        }
    }

    /// LOD chains attached as `<Name>_LOD<n>` nodes.
    static func lodChains(ratios: [Float]) -> ProcessPass {
        ProcessPass(name: "lod") { $0.addExportLODs(ratios: ratios) }
    }

    /// Godot's `-loop` suffix on animations that end where they start.
    static let loopingAnimationNames = ProcessPass(name: "loop") { scene in
        PassReport(name: "loop", figures: ["animationsLooped": Double(scene.markLoopingAnimations())])
    }

    /// OMI physics shapes and bodies for the collider nodes (after the last pass that changes
    /// mesh indices); Unity's collider nodes lose their mesh so nothing draws the hulls.
    static func finishColliders(_ convention: ExportTarget.Colliders) -> ProcessPass {
        ProcessPass(name: "finishColliders") { scene in
            let count = scene.finishColliders(omi: convention == .godotHints || convention == .named,
                                              detachMeshes: convention == .named)
            return PassReport(name: "finishColliders", figures: ["colliderNodes": Double(count)],
                              notes: count > 0 ? ["\(count) collider nodes"] : [])
        }
    }
}
