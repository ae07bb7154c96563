import OysterCore

/// A scene made ready to draw many frames: its GPU buffers and textures (uploaded once), the
/// nodes that draw and their mesh bounds. Belongs to the `Renderer` that prepared it and is
/// used on that renderer's thread.
public final class PreparedScene {
    public let scene: Scene
    let resources: GPUResources
    /// Every node the default scene reaches that draws a mesh, in traversal order.
    let drawables: [Drawable]
    /// The scene's bounds in the rest pose (framing, shadow extents).
    let restBounds: AABB
    /// The box round the scene in its rest pose, world space.
    public var bounds: AABB { restBounds }
    /// World matrices in the rest pose (used when nothing animates).
    let restWorld: [Mat4]
    /// Poses the scene at a frame's time (`Scene.pose`, with what never changes worked out once).
    let poser: ScenePoser
    /// Whether the scene is enclosed: its roles say interior (a dungeon) and nothing says
    /// open ground or water. The sky's light does not reach inside.
    let isEnclosed: Bool
    /// Meshes only nodes with the terrain role draw: the top of the solid ground. A sun ray
    /// from anything above it meets it, if at all, on a face turned from the sun, so its
    /// single-sided primitives cast sun shadows from those faces alone (as three.js does for
    /// every single-sided material): the same shadows, without the sunlit slopes that were
    /// most of a world's shadow-map fragments (a million a frame for the default world's
    /// turntable, 65 thousand without). Other meshes cast from both faces: an open roof
    /// or a window's frame turns its sunlit face up and still shades what is below it.
    let groundMeshes: Set<Int>
    /// Per mesh drawn far away as a baked quad: its impostor (baked, or found already baked,
    /// by the renderer when it prepares the scene), held in `impostorTable` under these keys.
    var impostors: [Int: Impostor] = [:]
    var impostorKeys: [ImpostorTable.Key] = []
    var impostorTable: ImpostorTable?

    struct Drawable: Sendable {
        var node: Int
        var mesh: Int
        /// EXT_mesh_gpu_instancing matrices in the node's space; empty: the node itself.
        var instances: [Mat4]
        var skin: Int?
        /// The inverse bind matrix of the skin's first joint: with that joint's posed world
        /// matrix, how a skinned mesh is placed and scaled in the world (its levels' errors are
        /// in mesh units).
        var firstInverseBind: Mat4 = .identity
        var morphed: Bool
        /// Whether an animation moves the node (or an ancestor) or deforms its mesh: the shadow
        /// cache redraws only these every frame.
        var moves: Bool
    }

    /// The animations played when none are named: all but those moving the sun (the first
    /// directional light, which gives the frame its light, or a node above it). A world's day
    /// cycle is for viewers to play; a video keeps the hour its scene was made at, and a
    /// moving sun would also redraw every shadow cascade every frame.
    let playedByDefault: [Int]

    /// Nodes not drawn, nor anything below them: a director's change to a prepared scene (a
    /// person a gathering took from its routine is drawn by the gathering's own scene).
    public var hiddenNodes: Set<Int> = [] {
        didSet { if hiddenNodes != oldValue { hiddenDrawables = Self.drawables(drawables, below: hiddenNodes, in: scene) } }
    }
    /// The drawables' nodes at or below `hiddenNodes`.
    private(set) var hiddenDrawables: Set<Int> = []

    /// Per mesh, the primitives culling batches (those with triangles and geometry uploaded).
    let culledPrimitives: [[CulledPrimitive]]

    /// What culling reads of a primitive in every pass of every frame, worked out once: copying
    /// its `Primitive` and `Material` (dictionaries, arrays and strings) there was most of
    /// culling's time, spent counting references.
    final class CulledPrimitive {
        let index: Int
        let material: Material?
        let blended: Bool
        /// Its material drawn with its textures' averages, where it can be.
        let averaged: AveragedMaterial?
        /// Its parts (`GPUResources.parts`) and, per part, its TEXCOORD_0 units per metre.
        let parts: [GPUResources.Part]
        let uvPerMetre: [Float?]

        init(index: Int, material: Material?, averaged: AveragedMaterial?, parts: [GPUResources.Part]) {
            self.index = index
            self.material = material
            blended = material?.alphaMode == .blend
            self.averaged = averaged
            self.parts = parts
            uvPerMetre = parts.map { $0.levels.first??.uvPerMetre }
        }
    }

    /// Unique among the scenes one renderer prepared (caches are keyed by it: an object's
    /// address can be reused once it is freed).
    let serial: Int

    /// The renderer's context, kept alive and made current to delete this scene's objects.
    private let context: GLContext

    init(staged: StagedScene, serial: Int, shared: SharedTextureTable, context: GLContext) {
        self.context = context
        scene = staged.scene
        self.serial = serial
        resources = GPUResources(staged: staged, shared: shared)
        restWorld = staged.restWorld
        poser = staged.poser
        restBounds = staged.restBounds
        drawables = staged.drawables
        let scene = staged.scene, resources = resources
        culledPrimitives = scene.meshes.indices.map { m in
            scene.meshes[m].primitives.indices.compactMap { p -> CulledPrimitive? in
                let primitive = scene.meshes[m].primitives[p]
                let parts = resources.parts(m, p)
                guard primitive.triangleCount > 0, parts.first?.levels.first.map({ $0 != nil }) ?? false else { return nil }
                let material = primitive.material.flatMap { scene.materials.indices.contains($0) ? scene.materials[$0] : nil }
                return CulledPrimitive(index: p, material: material, averaged: primitive.material.flatMap { resources.averagedMaterials[$0] },
                                       parts: parts)
            }
        }
        isEnclosed = staged.isEnclosed
        groundMeshes = staged.groundMeshes
        playedByDefault = Self.animationsKeepingTheSun(staged.scene)
    }

    static func animationsKeepingTheSun(_ scene: Scene) -> [Int] {
        let sun = scene.nodes.indices.first { i in
            scene.nodes[i].light.map { scene.lights.indices.contains($0) && scene.lights[$0].kind == .directional } ?? false
        }
        guard let sun else { return Array(scene.animations.indices) }
        // The sun's node and every node above it.
        let parents = scene.parentIndices()
        var carriers = Set<Int>()
        var n: Int? = sun
        while let i = n, carriers.insert(i).inserted { n = parents[i] }
        return scene.animations.indices.filter { a in !scene.animations[a].channels.contains { $0.node.map(carriers.contains) ?? false } }
    }

    deinit {
        context.makeCurrent()
        resources.delete()
        for key in impostorKeys { impostorTable?.release(key) }
    }

    /// Which of `drawables`' nodes are `hidden` or below one of them.
    static func drawables(_ drawables: [Drawable], below hidden: Set<Int>, in scene: Scene) -> Set<Int> {
        guard !hidden.isEmpty else { return [] }
        let parents = scene.parentIndices()
        return Set(drawables.map(\.node).filter { node in
            var n: Int? = node
            var steps = 0
            while let i = n, steps <= parents.count {
                if hidden.contains(i) { return true }
                n = parents[i]
                steps += 1
            }
            return false
        })
    }

    /// The nodes the default scene (else the first, else every parentless node) reaches that
    /// carry a mesh, except colliders and LOD levels, which describe no visible world.
    static func drawables(_ scene: Scene) -> [Drawable] {
        var out: [Drawable] = []
        // Nodes animation channels drive, and everything below them.
        var animated = Set<Int>()
        var pending = scene.animations.flatMap { $0.channels.compactMap(\.node) }
        while let n = pending.popLast() {
            guard scene.nodes.indices.contains(n), animated.insert(n).inserted else { continue }
            pending += scene.nodes[n].children
        }
        let root = scene.defaultRoot.flatMap { scene.roots.indices.contains($0) ? scene.roots[$0].nodes : nil }
            ?? scene.roots.first?.nodes ?? scene.parentlessNodes()
        var stack = Array(root.reversed())
        var seen = Set<Int>()
        while let n = stack.popLast() {
            guard scene.nodes.indices.contains(n), seen.insert(n).inserted else { continue }
            let node = scene.nodes[n]
            stack += node.children.reversed()
            guard let m = node.mesh, scene.meshes.indices.contains(m) else { continue }
            if let role = node.role, !role.describesWorld { continue }
            let skin = node.skin.flatMap { scene.skins.indices.contains($0) ? $0 : nil }
            let morphed = scene.meshes[m].primitives.contains { !$0.targets.isEmpty }
            out.append(Drawable(node: n, mesh: m, instances: node.instanceMatrices(), skin: skin,
                                firstInverseBind: skin.flatMap { scene.skins[$0].inverseBinds.first } ?? .identity, morphed: morphed,
                                moves: skin != nil || morphed || animated.contains(n)))
        }
        return out
    }
}

/// Which shadow casters a pass draws.
enum CasterFilter {
    case all
    /// What no animation moves (drawn once into the shadow cache while the view holds).
    case still
    /// What animations move or deform (drawn over the cached map every frame).
    case moving
}

/// How big a metre looks: per radian of view at its distance, or fixed (orthographic).
enum ScreenScale {
    case perspective(pixelsPerRadian: Float)
    case orthographic(pixelsPerMetre: Float)

    /// Pixels per metre at the nearest point of a ball of `radius` round `centre`, seen from `eye`.
    func pixelsPerMetre(centre: Vec3, radius: Float, eye: Vec3) -> Float {
        pixelsPerMetre(atDistance: length(centre - eye) - radius)
    }

    /// Pixels per metre at the point of `box` nearest to `eye`: what bounds the screen error
    /// of anything inside it. For a wide flat piece of ground seen from above, much less than
    /// at its bounding ball (which holds an eye hundreds of metres over a 1 km tile).
    func pixelsPerMetre(nearestIn box: AABB, eye: Vec3) -> Float {
        pixelsPerMetre(atDistance: box.distance(to: eye))
    }

    /// Pixels per metre `distance` metres from the eye (at least a millimetre).
    func pixelsPerMetre(atDistance distance: Float) -> Float {
        switch self {
        case .perspective(let pixelsPerRadian): return pixelsPerRadian / max(distance, 1e-3)
        case .orthographic(let p): return p
        }
    }
}

/// What one frame draws after culling: batches of instances per primitive.
struct DrawList {
    struct Batch {
        /// Which of the frame's scenes the batch draws from.
        var scene = 0
        var mesh: Int
        var primitive: Int
        /// Tile of the primitive (0 when it is drawn whole).
        var part = 0
        /// Level of detail (0: full).
        var level = 0
        var material: Material?
        /// The occlusion an averaged material (`AveragedMaterial`) draws with, 1 for others.
        var occlusion: Float = 1
        /// Column-major model matrices, 16 floats per instance.
        var models: [Float]
        /// The node, for a skinned or morphed draw (its own joints and weights).
        var node: Int?
        var skin: Int?
        /// Distance from the eye to the nearest instance's bounds (front-to-back order).
        var nearest: Float = 0
        /// A mesh of the ground (`PreparedScene.groundMeshes`): drawn after everything else.
        var ground = false
        var instanceCount: Int { models.count / 16 }
    }

    /// Far instances of a mesh drawn as impostors (one quad each).
    struct ImpostorBatch {
        var scene: Int
        var mesh: Int
        var models: [Float]
        var nearest: Float
        var instanceCount: Int { models.count / 16 }
    }

    /// Opaque and masked batches, front to back, the ground's last.
    var opaque: [Batch] = []
    /// The opaque batches that are not ground, and the ground's.
    var standing: ArraySlice<Batch> { opaque.prefix { !$0.ground } }
    var ground: ArraySlice<Batch> { opaque.drop { !$0.ground } }
    /// Impostor batches, one per scene and mesh, front to back.
    var impostors: [ImpostorBatch] = []

    /// Distance from the eye to the nearest thing drawn (its bounds), infinity when empty.
    var nearest: Float {
        (opaque.map(\.nearest) + impostors.map(\.nearest) + blended.map(\.nearest)).min() ?? .infinity
    }
    /// Blended draws, one instance each, farthest first.
    var blended: [Batch] = []

    /// What `prepared` draws with `world` matrices inside `frustum`; objects smaller than
    /// `minPixels` on screen (perspective `pixelsPerRadian` per radian) are skipped, and each
    /// takes the coarsest level of detail whose error projects under `maxErrorPixels`.
    /// `includeBlended` false leaves out blended draws (shadow maps).
    static func collect(_ prepared: PreparedScene, world: [Mat4], frustum: Frustum, eye: Vec3,
                        scale: ScreenScale?, minPixels: Float = 0.75, maxErrorPixels: Float = 2,
                        includeBlended: Bool = true, casters: CasterFilter = .all) -> DrawList {
        collect([(prepared, world)], frustum: frustum, eye: eye, scale: scale, minPixels: minPixels, maxErrorPixels: maxErrorPixels,
                includeBlended: includeBlended, casters: casters)
    }

    /// What several scenes draw together (each with its world matrices), as one list: opaque
    /// batches front to back and blended draws farthest first across all of them, each batch
    /// naming its scene by index. Batches never mix scenes (their buffers differ).
    static func collect(_ scenes: [(prepared: PreparedScene, world: [Mat4])], frustum: Frustum, eye: Vec3,
                        scale: ScreenScale?, minPixels: Float = 0.75, maxErrorPixels: Float = 2,
                        includeBlended: Bool = true, casters: CasterFilter = .all) -> DrawList {
        var list = DrawList()
        var blended: [(distance: Float, order: Int, batch: Batch)] = []
        for (index, s) in scenes.enumerated() {
            gather(s.prepared, index: index, world: s.world, frustum: frustum, eye: eye, scale: scale, minPixels: minPixels,
                   maxErrorPixels: maxErrorPixels, includeBlended: includeBlended, casters: casters, into: &list, blended: &blended)
        }
        // Front to back, so the depth test rejects hidden fragments before they are shaded (what
        // llvmpipe spends most of a frame on); ties in list order: same inputs, same pixels.
        // The ground comes last: what stands on it hides it far more often than it hides
        // anything, and its tiles' boxes, as wide as they are deep, hold points nearer than
        // anything on them (drawn first by their nearest point, the ground under every house
        // and tree was shaded, then covered).
        let order = list.opaque.indices.sorted { a, b in
            (list.opaque[a].ground ? 1 : 0, list.opaque[a].nearest, a) < (list.opaque[b].ground ? 1 : 0, list.opaque[b].nearest, b)
        }
        list.opaque = order.map { list.opaque[$0] }
        let impostorOrder = list.impostors.indices.sorted { a, b in (list.impostors[a].nearest, a) < (list.impostors[b].nearest, b) }
        list.impostors = impostorOrder.map { list.impostors[$0] }
        list.blended = blended.sorted { ($0.distance, $1.order) > ($1.distance, $0.order) }.map(\.batch)
        return list
    }

    /// Adds scene `index`'s batches to `list` and its blended draws to `blended`, unsorted.
    private static func gather(_ prepared: PreparedScene, index: Int, world: [Mat4], frustum: Frustum, eye: Vec3,
                               scale: ScreenScale?, minPixels: Float, maxErrorPixels: Float, includeBlended: Bool,
                               casters: CasterFilter, into list: inout DrawList, blended: inout [(distance: Float, order: Int, batch: Batch)]) {
        let scene = prepared.scene
        var batches: [SIMD4<Int32>: Int] = [:]    // (mesh, primitive, part, level) → index in list.opaque
        var impostorBatches: [Int: Int] = [:]     // mesh → index in list.impostors
        let hidden = prepared.hiddenDrawables
        // What no animation moves lies in the scene's rest box: when that is out of view, so is
        // every still placement (a streamed world's tiles behind the camera, or outside a
        // shadow cascade, skip their hundreds of trees and rocks at once).
        let stillInView = prepared.restBounds.isEmpty || frustum.intersects(prepared.restBounds)
        for d in prepared.drawables {
            if !stillInView, !d.moves { continue }
            if !hidden.isEmpty, hidden.contains(d.node) { continue }
            if case .still = casters, d.moves { continue }
            if case .moving = casters, !d.moves { continue }
            let nodeWorld = world[d.node]
            var models = d.instances.isEmpty ? [nodeWorld] : d.instances.map { nodeWorld * $0 }
            // Skinned and morphed vertices move outside their rest bounds: their meshes' boxes
            // are not culled. A skinned body is culled by its posed joints instead.
            let deforms = d.skin != nil || d.morphed
            // A skinned body's levels are chosen at its posed box, its mesh-space errors grown
            // by how its first joint places the bind pose in the world.
            var skinnedPixelsPerError: Float?
            if let skin = d.skin, let box = posedJoints(scene.skins[skin], world: world) {
                guard frustum.intersects(box) else { continue }
                if let scale {
                    let radius = length(box.max - box.min) * 0.5
                    if radius * scale.pixelsPerMetre(centre: box.center, radius: radius, eye: eye) < minPixels { continue }
                    if !d.morphed, let joint = scene.skins[skin].joints.first {
                        let placed = world[joint] * d.firstInverseBind
                        skinnedPixelsPerError = placed.largestScale * scale.pixelsPerMetre(nearestIn: box, eye: eye)
                    }
                }
            }
            // Instances small on screen become their mesh's impostor.
            if let impostor = prepared.impostors[d.mesh], let scale, !deforms {
                var near: [Mat4] = []
                for model in models {
                    let centre = model.transformPoint(impostor.shape.centre)
                    let radius = impostor.shape.radius * model.largestScale
                    let pixelsPerMetre = scale.pixelsPerMetre(centre: centre, radius: radius, eye: eye)
                    guard 2 * radius * pixelsPerMetre < Impostor.pixels else { near.append(model); continue }
                    guard radius * pixelsPerMetre >= minPixels,
                          frustum.intersects(AABB(min: centre - Vec3(repeating: radius), max: centre + Vec3(repeating: radius))) else { continue }
                    let distance = max(0, length(centre - eye) - radius)
                    if let i = impostorBatches[d.mesh] {
                        list.impostors[i].models += model.m
                        list.impostors[i].nearest = min(list.impostors[i].nearest, distance)
                    } else {
                        impostorBatches[d.mesh] = list.impostors.count
                        list.impostors.append(ImpostorBatch(scene: index, mesh: d.mesh, models: model.m, nearest: distance))
                    }
                }
                models = near
                if models.isEmpty { continue }
            }
            for primitive in prepared.culledPrimitives[d.mesh] {
                let p = primitive.index
                let isBlended = primitive.blended
                if isBlended && !includeBlended { continue }
                // Far enough, an instance draws its material with its textures' averages.
                let averages = !isBlended && !deforms && scale != nil && primitive.averaged != nil
                let parts = primitive.parts
                for (k, part) in parts.enumerated() {
                    let local = part.bounds
                    let levelErrors = part.errors
                    let uvPerMetre = averages ? primitive.uvPerMetre[k] : nil
                    // Per level, sampled then averaged (index level * 2 + 1).
                    var visible: [[Float]] = Array(repeating: [], count: levelErrors.count * 2)
                    var nearest = [Float](repeating: .infinity, count: levelErrors.count * 2)
                    for model in models {
                        let box = local.transformed(by: model)
                        let distance = max(0, length(box.center - eye) - length(box.size) * 0.5)
                        // Pixels per unit of mesh-space error: the coarsest level under
                        // `maxErrorPixels` is drawn.
                        var pixelsPerError = skinnedPixelsPerError
                        var usesAverages = false
                        if !deforms {
                            guard frustum.intersects(box) else { continue }
                            if let scale {
                                let radius = length(box.max - box.min) * 0.5
                                let pixelsPerMetre = scale.pixelsPerMetre(centre: box.center, radius: radius, eye: eye)
                                if radius * pixelsPerMetre < minPixels { continue }
                                if levelErrors.count > 1 || uvPerMetre != nil {
                                    let nearestPixelsPerMetre = scale.pixelsPerMetre(nearestIn: box, eye: eye)
                                    // World error: mesh-space error times the model's growth.
                                    let growth = length(box.size) / max(length(local.size), 1e-6)
                                    if levelErrors.count > 1 { pixelsPerError = growth * nearestPixelsPerMetre }
                                    // UV a pixel covers at the nearest point, where the most of
                                    // the textures is seen (world metres are mesh metres times
                                    // the model's scale: at most its largest).
                                    if let uvPerMetre {
                                        usesAverages = uvPerMetre >= AveragedMaterial.repeatPerPixel * model.largestScale * nearestPixelsPerMetre
                                    }
                                }
                            }
                        }
                        var level = 0
                        if let perError = pixelsPerError {
                            while level + 1 < levelErrors.count, levelErrors[level + 1] * perError < maxErrorPixels { level += 1 }
                        }
                        if isBlended {
                            blended.append((length(box.center - eye), blended.count,
                                            Batch(scene: index, mesh: d.mesh, primitive: p, material: primitive.material, models: model.m,
                                                  node: deforms ? d.node : nil, skin: d.skin, nearest: distance)))
                        } else {
                            let slot = level * 2 + (usesAverages ? 1 : 0)
                            visible[slot] += model.m
                            nearest[slot] = min(nearest[slot], distance)
                        }
                    }
                    for (slot, models) in visible.enumerated() where !models.isEmpty {
                        let (level, usesAverages) = (slot / 2, slot % 2 == 1)
                        let key = SIMD4<Int32>(Int32(d.mesh), Int32(p), Int32(k), Int32(slot))
                        if deforms {
                            list.opaque.append(Batch(scene: index, mesh: d.mesh, primitive: p, part: k, level: level, material: primitive.material,
                                                     models: models, node: d.node, skin: d.skin,
                                                     nearest: nearest[slot]))
                        } else if let i = batches[key] {
                            list.opaque[i].models += models
                            list.opaque[i].nearest = min(list.opaque[i].nearest, nearest[slot])
                        } else {
                            batches[key] = list.opaque.count
                            var batch = Batch(scene: index, mesh: d.mesh, primitive: p, part: k, level: level, material: primitive.material, models: models,
                                              node: nil, skin: nil, nearest: nearest[slot], ground: prepared.groundMeshes.contains(d.mesh))
                            if usesAverages, let averaged = primitive.averaged {
                                batch.material = averaged.material
                                batch.occlusion = averaged.occlusion
                            }
                            list.opaque.append(batch)
                        }
                    }
                }
            }
        }
    }
}

extension DrawList {
    /// The box round a skin's joints as posed, widened by `skinReach` and a quarter of its
    /// size (flesh, clothes, hair and wings reach past the joints): what a skinned body
    /// covers this frame. Nil when a joint is not a node of the scene.
    static func posedJoints(_ skin: Skin, world: [Mat4]) -> AABB? {
        guard !skin.joints.isEmpty else { return nil }
        var lo = Vec3(repeating: .infinity), hi = Vec3(repeating: -.infinity)
        for j in skin.joints {
            guard world.indices.contains(j) else { return nil }
            let m = world[j].m
            let p = Vec3(m[12], m[13], m[14])
            lo = pointwiseMin(lo, p)
            hi = pointwiseMax(hi, p)
        }
        let pad = Vec3(repeating: skinReach) + (hi - lo) * 0.25
        return AABB(min: lo - pad, max: hi + pad)
    }

    /// Metres a skinned body's surface may lie beyond its joints' box.
    static let skinReach: Float = 0.5
}
