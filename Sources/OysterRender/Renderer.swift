import CGL
import OysterCore
import OysterImage

/// Renders scenes headless with OpenGL (EGL surfaceless) into `PixelImage`s.
///
/// `prepare` uploads a scene once; `render(_:options:)` then draws any number of frames of it
/// (other viewpoints, times, sizes). Each frame: the pose at `options.time`, the camera, the
/// sun's shadow cascades, the sky, opaque and masked batches (frustum- and size-culled,
/// instanced per primitive, grouped by material), then blended draws farthest first.
///
/// A renderer owns its GL context and must be used on the thread that made it.
public final class Renderer {
    private let context: GLContext
    private var colorPrograms: [Shaders.Variant: GLProgram] = [:]
    private var depthPrograms: [Shaders.Variant: GLProgram] = [:]
    private var skyPrograms: [ToneMapping: GLProgram] = [:]
    private let fxaaProgram: GLProgram
    private var target: Framebuffer?
    /// The deferred pass's targets (single-sampled frames; multisampled ones draw forward).
    private var gBuffer: GBuffer?
    private var shadowMaps: ShadowMaps?
    private var emptyVertexArray: GLuint = 0
    /// Impostor quads: no vertex streams, only the instance stream's model matrices.
    private(set) var impostorVertexArray: GLuint = 0
    /// The streamed per-instance model matrices of the current pass.
    private var instanceBuffer: GLuint = 0
    /// Counts each stage's fragments when profiling, where the device can (`StageClock`).
    private var fragmentQuery: GLuint = 0
    private let sharedTextures = SharedTextureTable()
    let impostorTable = ImpostorTable()
    private var preparedCount = 0
    /// The frame being drawn has its lamps out (`FrameLighting.lampsOut`).
    private var lampsOut = false

    /// GL_RENDERER of the device drawing (llvmpipe on a CPU).
    public var deviceName: String { context.renderer }
    /// Whether profiled frames count their fragments (`FrameStatistics.stageFragments`).
    public var countsFragments: Bool { context.countsFragments }
    /// What the last frame drew.
    public internal(set) var statistics = FrameStatistics()

    /// Texture units: material slots 0–4 (`Shaders.slots`), then these.
    enum Unit {
        static let shadow = 5, joints = 6, morph = 7
    }

    public init(device: RenderDevice = .auto) throws(RenderError) {
        context = try GLContext(device: device)
        fxaaProgram = try GLProgram(vertex: Shaders.skyVertex, fragment: Shaders.fxaaFragment)
        glGenVertexArrays(1, &emptyVertexArray)
        glGenBuffers(1, &instanceBuffer)
        if context.countsFragments { glGenQueries(1, &fragmentQuery) }
        glGenVertexArrays(1, &impostorVertexArray)
        glBindVertexArray(impostorVertexArray)
        for c in 0..<GLuint(4) {
            glEnableVertexAttribArray(GPUResources.Location.model + c)
            glVertexAttribDivisor(GPUResources.Location.model + c, 1)
        }
        glBindVertexArray(0)
        // Compile the common variant now, so a broken driver fails here and not mid-video.
        _ = try program(Shaders.Variant(), depth: false)
    }

    deinit {
        // The programs, targets and maps this renderer holds go after this, into its context.
        context.makeCurrent()
        glDeleteVertexArrays(1, &emptyVertexArray)
        glDeleteVertexArrays(1, &impostorVertexArray)
        glDeleteBuffers(1, &instanceBuffer)
        if fragmentQuery != 0 { glDeleteQueries(1, &fragmentQuery) }
    }

    /// The scene's camera names (node name, else camera name), in node order.
    public static func cameraNames(_ scene: Scene) -> [String] {
        scene.nodes.compactMap { n -> String? in
            guard let c = n.camera else { return nil }
            return n.name ?? (scene.cameras.indices.contains(c) ? scene.cameras[c].name : nil) ?? "Camera\(c)"
        }
    }

    /// Uploads `scene` for drawing frames of it. `levelsOfDetail` also builds simplified
    /// levels of repeated and detailed meshes, drawn where their error is under a pixel: worth
    /// its set-up time for video, not for one still.
    public func prepare(_ scene: Scene, levelsOfDetail: Bool = false) -> PreparedScene {
        prepare(StagedScene(scene, levelsOfDetail: levelsOfDetail))
    }

    /// Uploads a scene staged (on any thread) for drawing frames of it.
    public func prepare(_ staged: StagedScene) -> PreparedScene {
        context.makeCurrent()
        preparedCount += 1
        let prepared = PreparedScene(staged: staged, serial: preparedCount, shared: sharedTextures, context: context)
        // A mesh whose views cannot be baked is drawn as a mesh at every distance.
        try? bakeImpostors(prepared, shapes: staged.impostors)
        return prepared
    }

    /// Textures of `SharedPixels` uploaded now, whatever number of prepared scenes use them.
    public var sharedTextureCount: Int { sharedTextures.count }
    /// Impostors baked and held now, whatever number of prepared scenes use them.
    public var impostorCount: Int { impostorTable.count }

    /// One frame of `scene` as RGBA, top row first (prepares it for this frame only).
    public func render(_ scene: Scene, options: RenderOptions = RenderOptions()) throws(RenderError) -> PixelImage {
        try render(prepare(scene), options: options)
    }

    /// One frame of a prepared scene as RGBA, top row first.
    public func render(_ prepared: PreparedScene, options: RenderOptions = RenderOptions()) throws(RenderError) -> PixelImage {
        try render([prepared], options: options)
    }

    /// One frame of several prepared scenes drawn together (the tiles of a streamed world), as
    /// RGBA, top row first. The first scene gives the sun, the sky and the environment (fog,
    /// enclosure) and, without an explicit eye, the camera; every scene's geometry is culled,
    /// drawn and casts shadows, and the point and spot lights nearest the camera are chosen
    /// from all of them. Identical inputs in the same order give identical pixels.
    public func render(_ scenes: [PreparedScene], options: RenderOptions = RenderOptions()) throws(RenderError) -> PixelImage {
        let (w, h) = (options.width, options.height)
        guard (1...RenderOptions.maxSide).contains(w), (1...RenderOptions.maxSide).contains(h) else { throw .badSize(width: w, height: h) }
        context.makeCurrent()
        statistics = FrameStatistics()
        var clock = StageClock(on: options.profile, fragmentQuery: fragmentQuery != 0 ? fragmentQuery : nil)
        let poses = scenes.map { Self.pose($0, options: options) }
        let worlds = zip(scenes, poses).map { $1?.worldMatrices ?? $0.restWorld }
        let first = scenes.first?.scene ?? Scene()
        var bounds = AABB.empty
        for s in scenes where !s.restBounds.isEmpty { bounds.add(s.restBounds) }
        let camera = try FrameCamera.resolve(first, world: worlds.first ?? [], bounds: bounds, options: options, aspect: Float(w) / Float(h))
        var lighting = FrameLighting(zip(scenes, worlds).map { ($0.scene, $1) }, eye: camera.eye, fog: options.fog)
        lampsOut = lighting.lampsOut
        // Indoors the sky is not seen: a faint bounce of the lights is all the ambient there is.
        if scenes.first?.isEnclosed ?? false { lighting.ambient = 0.04 }
        // The environment's fog density holds at the scene's lowest ground and thins above.
        if let base = options.fogBase { lighting.fogBase = base } else if !bounds.isEmpty { lighting.fogBase = bounds.min.y }

        let list = DrawList.collect(Array(zip(scenes, worlds)), frustum: Frustum(camera.viewProjection), eye: camera.eye,
                                    scale: camera.screenScale(pixelsHigh: h))
        clock.lap(.culling, into: &statistics)

        // Shadow cascades first: they render into their own targets.
        var cascades: [ShadowMaps.Cascade] = []
        if options.shadows, dot(lighting.sunColor, lighting.sunColor) > 0, lighting.sunDirection.y > 0.02 {
            cascades = try renderShadows(scenes, worlds: worlds, poses: poses, bounds: bounds, camera: camera, lighting: lighting, options: options,
                                         nearestVisible: list.nearest)
        }
        clock.lap(.shadows, into: &statistics)

        if target.map({ $0.width != w || $0.height != h || $0.requestedSamples != options.samples }) ?? true {
            target = nil
            target = try Framebuffer(width: w, height: h, samples: options.samples)
        }
        let target = target!
        let deferred = options.deferred && target.samples == 1
        if deferred, gBuffer.map({ $0.width != w || $0.height != h }) ?? true {
            gBuffer = nil
            gBuffer = try GBuffer(width: w, height: h, sceneTexture: target.sceneTexture)
        }
        if !deferred {
            target.bind()
            glClearColor(0, 0, 0, 1)
            glClear(GLbitfield(GL_COLOR_BUFFER_BIT) | GLbitfield(GL_DEPTH_BUFFER_BIT))
        }
        glEnable(GLenum(GL_DEPTH_TEST))
        glDepthFunc(GLenum(GL_LEQUAL))
        let frame = FrameFeatures(shadows: !cascades.isEmpty, localLights: !lighting.locals.isEmpty, toneMapping: options.toneMapping)
        let setup = { (program: GLProgram) in
            program.set("uViewProjection", camera.viewProjection)
            lighting.apply(to: program, eye: camera.eye, options: options)
            program.set("uCascadeCount", cascades.count)
            for (i, c) in cascades.enumerated() {
                program.set("uShadowMatrix[\(i)]", c.matrix)
                program.set("uCascadeEnd[\(i)]", c.end)
                program.set("uShadowTexel[\(i)]", c.texel)
            }
        }
        if let gBuffer, deferred {
            try drawDeferred(list, scenes, poses: poses, gBuffer: gBuffer, camera: camera, frame: frame, hasShadows: !cascades.isEmpty, setup: setup,
                             clock: &clock)
        } else {
            if !cascades.isEmpty { shadowMaps?.bind(unit: Unit.shadow) }
            try draw(Array(list.standing), scenes, poses: poses, pass: .color(frame), setup: setup)
            try drawImpostors(list.impostors, scenes, pass: .color(frame), viewer: Vec4(camera.eye, 0), setup: setup)
            try draw(Array(list.ground), scenes, poses: poses, pass: .color(frame), setup: setup)
        }
        clock.lap(.lighting, into: &statistics)
        try drawSky(camera: camera, lighting: lighting, options: options)
        if !cascades.isEmpty { shadowMaps?.bind(unit: Unit.shadow) }
        if !list.blended.isEmpty {
            glEnable(GLenum(GL_BLEND))
            glBlendFuncSeparate(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA), GLenum(GL_ONE), GLenum(GL_ONE_MINUS_SRC_ALPHA))
            glDepthMask(GLboolean(GL_FALSE))
            try draw(list.blended, scenes, poses: poses, pass: .color(frame), setup: setup)
            glDepthMask(GLboolean(GL_TRUE))
            glDisable(GLenum(GL_BLEND))
        }
        glDisable(GLenum(GL_CULL_FACE))
        clock.lap(.skyAndBlended, into: &statistics)
        target.resolve()
        if options.fxaa {
            glDisable(GLenum(GL_DEPTH_TEST))
            target.bindPost()
            fxaaProgram.use()
            glActiveTexture(GLenum(GL_TEXTURE0))
            glBindTexture(GLenum(GL_TEXTURE_2D), target.sceneTexture)
            fxaaProgram.set("uScene", 0)
            fxaaProgram.set("uTexel", Vec2(1 / Float(w), 1 / Float(h)))
            glBindVertexArray(emptyVertexArray)
            glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        }
        clock.lap(.post, into: &statistics)
        let image = target.read(post: options.fxaa)
        clock.lap(.readback, into: &statistics)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
        return image
    }

    // MARK: - Passes

    /// The pose at `options.time`, or nil when nothing in the scene moves.
    static func pose(_ prepared: PreparedScene, options: RenderOptions) -> ScenePose? {
        let scene = prepared.scene
        let playing = options.animations ?? prepared.playedByDefault
        guard !playing.isEmpty || !scene.skins.isEmpty || prepared.drawables.contains(where: \.morphed) else { return nil }
        return prepared.poser.pose(at: options.time, animations: playing, looping: options.animations == nil)
    }

    /// The opaque geometry into the G-buffer, then one full-screen pass lighting every pixel it
    /// covers into the scene colour (whose depth is the G-buffer's, for the sky and blended
    /// geometry after it).
    private func drawDeferred(_ list: DrawList, _ scenes: [PreparedScene], poses: [ScenePose?], gBuffer: GBuffer, camera: FrameCamera,
                              frame: FrameFeatures, hasShadows: Bool, setup: (GLProgram) -> Void, clock: inout StageClock) throws(RenderError) {
        gBuffer.bindGeometry()
        let geometry = { (program: GLProgram) in program.set("uViewProjection", camera.viewProjection) }
        // What stands on the ground, then the ground it hides (`DrawList.collect`).
        try draw(Array(list.standing), scenes, poses: poses, pass: .gBuffer, setup: geometry)
        try drawImpostors(list.impostors, scenes, pass: .gBuffer, viewer: Vec4(camera.eye, 0), setup: geometry)
        try draw(Array(list.ground), scenes, poses: poses, pass: .gBuffer, setup: geometry)
        clock.lap(.geometry, into: &statistics)

        gBuffer.bindLit()
        glDisable(GLenum(GL_CULL_FACE))
        glDepthMask(GLboolean(GL_FALSE))
        // The triangle lies on the far plane: it passes only where geometry is nearer.
        glDepthFunc(GLenum(GL_GREATER))
        var variant = Shaders.Variant()
        variant.deferredLighting = true
        variant.shadows = frame.shadows
        variant.localLights = frame.localLights
        variant.toneMapping = frame.toneMapping
        let program = try self.program(variant, depth: false)
        program.use()
        setup(program)
        program.set("uInverseViewProjection", camera.viewProjection.inverse ?? .identity)
        program.set("uViewport", Vec2(Float(gBuffer.width), Float(gBuffer.height)))
        gBuffer.bindTextures()
        if hasShadows { shadowMaps?.bind(unit: Unit.shadow) }
        glBindVertexArray(emptyVertexArray)
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        glDepthFunc(GLenum(GL_LEQUAL))
        glDepthMask(GLboolean(GL_TRUE))
    }

    /// The sky, after the opaque geometry: its triangle lies on the far plane, so the depth
    /// test leaves it only the pixels nothing covers (a sky shaded under the whole frame cost
    /// llvmpipe a full-screen pass).
    private func drawSky(camera: FrameCamera, lighting: FrameLighting, options: RenderOptions) throws(RenderError) {
        glDisable(GLenum(GL_CULL_FACE))
        glDepthMask(GLboolean(GL_FALSE))
        let skyProgram: GLProgram
        if let known = skyPrograms[options.toneMapping] { skyProgram = known } else {
            skyProgram = try GLProgram(vertex: Shaders.skyVertex, fragment: Shaders.skyFragment(options.toneMapping))
            skyPrograms[options.toneMapping] = skyProgram
        }
        skyProgram.use()
        lighting.apply(to: skyProgram, eye: camera.eye, options: options)
        // The sky is at infinity: view rotation only, so it does not drift as the eye moves.
        let inverse = (camera.projection * camera.view.withoutTranslation).inverse ?? .identity
        skyProgram.set("uInverseViewProjection", inverse)
        glBindVertexArray(emptyVertexArray)
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        glDepthMask(GLboolean(GL_TRUE))
    }

    private func renderShadows(_ scenes: [PreparedScene], worlds: [[Mat4]], poses: [ScenePose?], bounds: AABB, camera: FrameCamera,
                               lighting: FrameLighting, options: RenderOptions, nearestVisible: Float) throws(RenderError) -> [ShadowMaps.Cascade] {
        // About two shadow texels per pixel of the nearest cascade's width.
        let resolution = options.shadowResolution ?? min(4096, max(1024, Self.powerOfTwo(atLeast: max(options.width, options.height) * 3 / 2)))
        if shadowMaps?.resolution != resolution { shadowMaps = ShadowMaps(resolution: resolution, count: 3) }
        let maps = shadowMaps!
        let extent = bounds.isEmpty ? 100 : length(bounds.size)
        let cascades = maps.cascades(camera: camera, distance: min(options.shadowDistance, extent * 1.2), towardsSun: lighting.sunDirection, scene: bounds)
        glEnable(GLenum(GL_DEPTH_TEST))
        glDepthFunc(GLenum(GL_LEQUAL))
        glEnable(GLenum(GL_POLYGON_OFFSET_FILL))
        glPolygonOffset(1.5, 2)
        let owner = scenes.map(\.serial)
        let drawn = Array(zip(scenes, worlds))
        for (layer, cascade) in cascades.enumerated() {
            // A cascade nearer than anything in view is never looked up (a camera high above
            // the ground, orbiting a village): its map is left as it was.
            if cascade.end < nearestVisible { continue }
            // Casters under two texels are skipped and levels may err by four: a shadow's edge is
            // filtered over about three texels anyway.
            func casters(_ filter: CasterFilter) -> DrawList {
                DrawList.collect(drawn, frustum: Frustum(cascade.viewProjection), eye: camera.eye,
                                 scale: .orthographic(pixelsPerMetre: 1 / cascade.texel), minPixels: 1, maxErrorPixels: 4,
                                 includeBlended: false, casters: filter)
            }
            let setup = { (program: GLProgram) in program.set("uViewProjection", cascade.viewProjection) }
            func drawCasters(_ filter: CasterFilter) throws(RenderError) {
                let list = casters(filter)
                try draw(list.opaque, scenes, poses: poses, pass: .depth, setup: setup)
                try drawImpostors(list.impostors, scenes, pass: .depth, viewer: Vec4(lighting.sunDirection, 1), setup: setup)
            }
            // What no animation moves is drawn once per view of the cascade, then copied, once
            // the view holds (`ShadowMaps.fill`).
            let fill = maps.fill(layer: layer, view: cascade.viewProjection, owner: owner)
            if fill == .direct {
                // Every caster straight into the map: nothing to restore from a cache later.
                maps.beginDirect(layer: layer)
                try drawCasters(.all)
                continue
            }
            if fill == .buildCache {
                maps.beginCache(layer: layer, view: cascade.viewProjection, owner: owner)
                try drawCasters(.still)
            }
            maps.beginFromCache(layer: layer)
            let moving = casters(.moving).opaque
            try draw(moving, scenes, poses: poses, pass: .depth, setup: setup)
            for b in moving {
                // Deforming meshes leave their rest bounds: the whole map is theirs.
                let box = b.node == nil ? scenes[b.scene].resources.parts(b.mesh, b.primitive)[b.part].bounds : nil
                for i in 0..<b.instanceCount {
                    guard let box else { maps.drewMoving(layer: layer, in: maps.everyTexel); break }
                    let model = Mat4(columnMajor: Array(b.models[(i * 16)..<(i * 16 + 16)]))
                    if let rect = maps.texels(of: box.transformed(by: model), viewProjection: cascade.viewProjection) {
                        maps.drewMoving(layer: layer, in: rect)
                    }
                }
            }
        }
        glDisable(GLenum(GL_POLYGON_OFFSET_FILL))
        return cascades
    }

    /// Streams the model matrices of a pass's batches into the instance buffer, in one upload;
    /// returns each batch's byte offset in it.
    func uploadInstances(_ models: [[Float]]) -> [Int] {
        var all: [Float] = []
        var offsets: [Int] = []
        for m in models {
            offsets.append(all.count * 4)
            all += m
        }
        glBindBuffer(GLenum(GL_ARRAY_BUFFER), instanceBuffer)
        all.withUnsafeBytes { glBufferData(GLenum(GL_ARRAY_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STREAM_DRAW)) }
        return offsets
    }

    /// Points the bound vertex array's model-matrix attribute at a batch's instances.
    func pointInstances(at offset: Int) {
        glBindBuffer(GLenum(GL_ARRAY_BUFFER), instanceBuffer)
        for c in 0..<4 {
            glVertexAttribPointer(GPUResources.Location.model + GLuint(c), 4, GLenum(GL_FLOAT), GLboolean(GL_FALSE), 64,
                                  UnsafeRawPointer(bitPattern: offset + c * 16))
        }
    }

    /// What a frame turns on in every colour shader.
    struct FrameFeatures {
        var shadows: Bool
        var localLights: Bool
        var toneMapping: ToneMapping
    }

    /// The colour pass with its frame's features, or the depth pass (shadow maps).
    enum Pass {
        case color(FrameFeatures)
        case depth
        /// Material inputs into an impostor's atlases (`Impostor`).
        case bake
        /// Material inputs into the G-buffer (`GBuffer`), lit afterwards once a pixel.
        case gBuffer
    }

    /// Draws batches with the colour or depth programs; `setup` sets a program's per-frame
    /// uniforms the first time it is used in this call.
    func draw(_ batches: [DrawList.Batch], _ scenes: [PreparedScene], poses: [ScenePose?], pass: Pass,
                      setup: (GLProgram) -> Void) throws(RenderError) {
        let depth: Bool
        if case .depth = pass { depth = true } else { depth = false }
        guard !batches.isEmpty else { return }
        // Every batch's instance matrices in one upload.
        let offsets = uploadInstances(batches.map(\.models))

        var current: GLProgram?
        var prepared: Set<ObjectIdentifier> = []
        var lastMaterial: Material?? = .none
        var lastScene = -1
        var lastOcclusion: Float = 1
        for (i, batch) in batches.enumerated() {
            let resources = scenes[batch.scene].resources
            let pose = poses[batch.scene]
            guard let gpu = resources.primitive(batch.mesh, batch.primitive, part: batch.part, level: batch.level) else { continue }
            let variant = Self.variant(batch, gpu, resources: resources, pass: pass)
            let program = try self.program(variant, depth: depth)
            if current !== program {
                program.use()
                current = program
                if prepared.insert(ObjectIdentifier(program)).inserted { setup(program) }
                lastMaterial = .none
            }
            // Equal materials of two scenes still name their own textures.
            if lastMaterial != .some(batch.material) || lastScene != batch.scene || lastOcclusion != batch.occlusion {
                bindMaterial(batch.material, occlusion: batch.occlusion, program: program, resources: resources, depth: depth)
                lastMaterial = .some(batch.material)
                lastScene = batch.scene
                lastOcclusion = batch.occlusion
            }
            if depth { cullForShadows(batch.material, ground: scenes[batch.scene].groundMeshes.contains(batch.mesh)) }
            if !gpu.hasColors { glVertexAttrib4f(GPUResources.Location.color, 1, 1, 1, 1) }
            if !gpu.hasNormals { glVertexAttrib3f(GPUResources.Location.normal, 0, 0, 0) }
            if !gpu.hasTangents { glVertexAttrib4f(GPUResources.Location.tangent, 0, 0, 0, 1) }
            if !gpu.hasUV1 { glVertexAttrib2f(GPUResources.Location.uv1, 0, 0) }
            if variant.skinned, let skin = batch.skin, let pose, pose.jointMatrices.indices.contains(skin) {
                bindJoints(pose.jointMatrices[skin], resources: resources)
            }
            if variant.morphed, let node = batch.node {
                bindMorph(gpu, weights: pose?.weights[node] ?? [], program: program)
            }
            glBindVertexArray(gpu.vertexArray)
            pointInstances(at: offsets[i])
            // Mirrored instances wind the other way; the batch shares its first's handedness.
            let mirrored = Self.determinant3x3(batch.models) < 0
            glFrontFace(GLenum(mirrored ? GL_CW : GL_CCW))
            glDrawElementsInstanced(GLenum(GL_TRIANGLES), GLsizei(gpu.indexCount), GLenum(GL_UNSIGNED_INT), nil, GLsizei(batch.instanceCount))
            statistics.add(triangles: gpu.indexCount / 3 * batch.instanceCount, shadow: depth)
        }
        glFrontFace(GLenum(GL_CCW))
        glBindVertexArray(0)
    }

    /// The shader variant a batch needs in a pass: its vertex streams, its material's bound
    /// textures and flags, and the frame's lights.
    static func variant(_ batch: DrawList.Batch, _ gpu: GPUResources.PrimitiveBuffers, resources: GPUResources, pass: Pass) -> Shaders.Variant {
        let m = batch.material ?? Material()
        var v = Shaders.Variant(skinned: gpu.isSkinned && batch.skin != nil, morphed: gpu.morphTargets > 0, masked: m.alphaMode == .mask)
        v.normals = gpu.hasNormals
        v.tangents = gpu.hasTangents
        let slots: [TextureSlot] = [.baseColor, .metallicRoughness, .normal, .occlusion, .emissive]
        for (unit, slot) in slots.enumerated() {
            guard let ref = m[slot], resources.texture(ref.texture, sRGB: slot.isSRGB) != nil else { continue }
            v.textures |= 1 << unit
            if (ref.transform?.texCoord ?? ref.texCoord) != 0 || (ref.transform.map { $0 != TextureTransform() } ?? false) { v.transformedUV = true }
        }
        // Packed occlusion-roughness-metallic (one image for both slots, as glTF allows).
        if v.textures & 0b1010 == 0b1010, let mr = m[.metallicRoughness], let ao = m[.occlusion], mr.texture == ao.texture,
           mr.texCoord == ao.texCoord, mr.transform == ao.transform {
            v.occlusionInMetallicRoughness = true
        }
        v.unlit = m.unlit
        v.blend = m.alphaMode == .blend
        switch pass {
        case .depth: return v.depthOnly
        case .bake:
            v.impostorBake = true
            return v
        case .gBuffer:
            v.gBuffer = true
            return v
        case .color(let frame):
            v.shadows = frame.shadows
            v.localLights = frame.localLights
            v.toneMapping = frame.toneMapping
            return v
        }
    }

    static func powerOfTwo(atLeast n: Int) -> Int {
        var p = 1
        while p < n { p <<= 1 }
        return p
    }

    static func determinant3x3(_ m: [Float]) -> Float {
        guard m.count >= 11 else { return 1 }
        return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[4] * (m[1] * m[10] - m[2] * m[9]) + m[8] * (m[1] * m[6] - m[2] * m[5])
    }

    /// Which faces a shadow map draws: only those turned from the sun for the single-sided
    /// ground (`PreparedScene.groundMeshes`), both for everything else. Never only the faces
    /// towards the sun: an open surface such as terrain rising to the world's edge turns its
    /// back to a low sun and still casts (as Blender's and Cycles' shadows do).
    private func cullForShadows(_ material: Material?, ground: Bool) {
        if ground && !(material?.doubleSided ?? false) {
            glEnable(GLenum(GL_CULL_FACE))
            glCullFace(GLenum(GL_FRONT))
        } else {
            glDisable(GLenum(GL_CULL_FACE))
        }
    }

    private func bindMaterial(_ material: Material?, occlusion: Float, program: GLProgram, resources: GPUResources, depth: Bool) {
        let m = material ?? Material()
        if !depth {
            if m.doubleSided { glDisable(GLenum(GL_CULL_FACE)) } else { glEnable(GLenum(GL_CULL_FACE)); glCullFace(GLenum(GL_BACK)) }
        }
        program.set("uBaseColor", m.baseColorFactor)
        program.set("uAlphaCutoff", m.alphaMode == .mask ? m.alphaCutoff : -1)
        let slots: [TextureSlot] = [.baseColor, .metallicRoughness, .normal, .occlusion, .emissive]
        for (unit, slot) in slots.enumerated() {
            // The depth pass only reads base colour alpha, for masked materials.
            if depth && (slot != .baseColor || m.alphaMode != .mask) { continue }
            guard let ref = m[slot], let texture = resources.texture(ref.texture, sRGB: slot.isSRGB) else { continue }
            glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
            glBindTexture(GLenum(GL_TEXTURE_2D), texture)
            program.set("uTexCoord[\(unit)]", ref.transform?.texCoord ?? ref.texCoord)
            program.set3x3("uTextureTransform[\(unit)]", (ref.transform ?? TextureTransform()).matrix3x3)
            if slot == .normal { program.set("uNormalScale", ref.scale) }
            if slot == .occlusion { program.set("uOcclusionStrength", ref.scale) }
        }
        guard !depth else { return }
        program.set("uMetallic", m.metallicFactor)
        program.set("uRoughness", m.roughnessFactor)
        program.set("uUntexturedOcclusion", occlusion)
        let shines = m.emissionShines == .always || !lampsOut
        program.set("uEmissive", shines ? m.emissiveFactor * (m.emissiveStrength ?? 1) : .zero)
    }

    private func bindJoints(_ joints: [Mat4], resources: GPUResources) {
        var texels: [Float] = []
        texels.reserveCapacity(joints.count * 16)
        for j in joints { texels += j.m }
        glBindBuffer(GLenum(GL_TEXTURE_BUFFER), resources.jointBuffer)
        texels.withUnsafeBytes { glBufferData(GLenum(GL_TEXTURE_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STREAM_DRAW)) }
        glActiveTexture(GLenum(GL_TEXTURE0 + Int32(Unit.joints)))
        glBindTexture(GLenum(GL_TEXTURE_BUFFER), resources.jointTexture)
        glTexBuffer(GLenum(GL_TEXTURE_BUFFER), GLenum(GL_RGBA32F), resources.jointBuffer)
    }

    private func bindMorph(_ gpu: GPUResources.PrimitiveBuffers, weights: [Float], program: GLProgram) {
        glActiveTexture(GLenum(GL_TEXTURE0 + Int32(Unit.morph)))
        glBindTexture(GLenum(GL_TEXTURE_BUFFER), gpu.morphTexture)
        var w = Array(weights.prefix(gpu.morphTargets))
        w += [Float](repeating: 0, count: gpu.morphTargets - w.count)
        program.set("uMorphCount", w.count)
        program.set("uMorphVertexCount", gpu.vertexCount)
        w.withUnsafeBufferPointer { glUniform1fv(program.uniform("uMorphWeights"), GLsizei($0.count), $0.baseAddress) }
    }

    /// The program for a vertex variant and pass, compiled on first use.
    func program(_ variant: Shaders.Variant, depth: Bool) throws(RenderError) -> GLProgram {
        if let p = (depth ? depthPrograms : colorPrograms)[variant] { return p }
        let header = Shaders.header(variant)
        let program = variant.deferredLighting
            ? try GLProgram(vertex: Shaders.skyVertex, fragment: header + Shaders.deferredLighting)
            : try GLProgram(vertex: header + Shaders.vertex, fragment: header + (depth ? Shaders.depthFragment : Shaders.fragment))
        program.use()
        for (unit, name) in ["uGBuffer", "uGDepth"].enumerated() { program.set(name, unit) }
        for (unit, slot) in Shaders.slots.enumerated() { program.set("u\(slot)Texture", unit) }
        program.set("uShadowMap", Unit.shadow)
        program.set("uJointMatrices", Unit.joints)
        program.set("uMorphTargets", Unit.morph)
        if depth { depthPrograms[variant] = program } else { colorPrograms[variant] = program }
        return program
    }
}

/// Counts of one frame's work, for benchmarks and tuning.
public struct FrameStatistics: Sendable, Equatable {
    public init() {}

    /// Draw calls and triangles of the camera's view.
    public var draws = 0
    public var triangles = 0
    /// Instances drawn as impostors in the camera's view.
    public var impostors = 0
    /// Seconds per stage of the frame, with `RenderOptions.profile` (else empty).
    public var stageSeconds: [FrameStage: Double] = [:]
    /// Fragment shader invocations per stage, with `RenderOptions.profile` where the device
    /// counts them (else empty). llvmpipe counts whole 4×4 blocks of pixels as it rasterizes
    /// them, before its early depth test: small and thin triangles show here as many times
    /// their area, and a block the depth test then rejects unshaded is counted all the same
    /// (the deferred lighting's full-screen triangle counts every pixel, sky included).
    public var stageFragments: [FrameStage: Int] = [:]
    /// Draw calls and triangles of the shadow maps (all cascades).
    public var shadowDraws = 0
    public var shadowTriangles = 0

    /// Adds another frame's counts (for totals over a shot).
    public mutating func accumulate(_ other: FrameStatistics) {
        draws += other.draws
        triangles += other.triangles
        shadowDraws += other.shadowDraws
        shadowTriangles += other.shadowTriangles
        impostors += other.impostors
        for (stage, t) in other.stageSeconds { stageSeconds[stage, default: 0] += t }
        for (stage, n) in other.stageFragments { stageFragments[stage, default: 0] += n }
    }

    mutating func add(triangles count: Int, shadow: Bool) {
        if shadow { shadowDraws += 1; shadowTriangles += count } else { draws += 1; triangles += count }
    }
}

extension Mat4 {
    /// This matrix with its translation removed.
    var withoutTranslation: Mat4 {
        var m = self.m
        m[12] = 0
        m[13] = 0
        m[14] = 0
        return Mat4(columnMajor: m)
    }
}
