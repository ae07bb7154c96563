import CGL
import OysterCore

/// The framebuffer impostors are baked through: three colour attachments set per mesh, and a
/// depth buffer of an atlas's size, made once per `bakeImpostors` call that needs it.
final class ImpostorBakeTarget {
    private var framebuffer: GLuint = 0
    private var depth: GLuint = 0

    init() throws(RenderError) {
        let (w, h) = (Impostor.Layout.width, Impostor.Layout.height)
        glGenFramebuffers(1, &framebuffer)
        glGenRenderbuffers(1, &depth)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffer)
        glBindRenderbuffer(GLenum(GL_RENDERBUFFER), depth)
        glRenderbufferStorage(GLenum(GL_RENDERBUFFER), GLenum(GL_DEPTH_COMPONENT24), GLsizei(w), GLsizei(h))
        glFramebufferRenderbuffer(GLenum(GL_FRAMEBUFFER), GLenum(GL_DEPTH_ATTACHMENT), GLenum(GL_RENDERBUFFER), depth)
        var buffers: [GLenum] = [GLenum(GL_COLOR_ATTACHMENT0), GLenum(GL_COLOR_ATTACHMENT1), GLenum(GL_COLOR_ATTACHMENT2)]
        glDrawBuffers(3, &buffers)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
    }

    deinit {
        glDeleteRenderbuffers(1, &depth)
        glDeleteFramebuffers(1, &framebuffer)
    }

    func bind() { glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffer) }
}

/// Baking impostor atlases when a scene is prepared, and drawing far meshes with them.
extension Renderer {
    /// Gives a prepared scene the impostors of `shapes`' meshes: those another scene holds
    /// with the same geometry, materials and textures are shared (`ImpostorTable`), the others
    /// baked (see `Impostor.Layout`) with the scene's own materials, on this renderer's thread.
    /// Throws when the bake target cannot be made (the meshes then stay meshes).
    func bakeImpostors(_ prepared: PreparedScene, shapes: [Int: Impostor.Shape]) throws(RenderError) {
        prepared.impostorTable = impostorTable
        var target: ImpostorBakeTarget?
        for (mesh, shape) in shapes.sorted(by: { $0.key < $1.key }) {
            let key = ImpostorTable.key(prepared, mesh: mesh)
            let impostor = try impostorTable.acquire(key) { () throws(RenderError) in
                if target == nil { target = try ImpostorBakeTarget() }
                return try bake(prepared, mesh: mesh, shape: shape, into: target!)
            }
            prepared.impostors[mesh] = impostor
            prepared.impostorKeys.append(key)
        }
    }

    /// Bakes one mesh's views into new atlases through `target`.
    func bake(_ prepared: PreparedScene, mesh: Int, shape: Impostor.Shape, into target: ImpostorBakeTarget) throws(RenderError) -> Impostor {
        typealias L = Impostor.Layout
        let (w, h) = (L.width, L.height)
        target.bind()
        let textures = [GL_SRGB8_ALPHA8, GL_RGBA8, GL_RGBA8].map { Self.atlasTexture(format: $0, width: w, height: h) }
        for (i, t) in textures.enumerated() {
            glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT0 + Int32(i)), GLenum(GL_TEXTURE_2D), t, 0)
        }
        var baked = false
        defer {
            glDisable(GLenum(GL_FRAMEBUFFER_SRGB))
            glDisable(GLenum(GL_CULL_FACE))
            glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
            if !baked {
                var ids = textures
                glDeleteTextures(3, &ids)
            }
        }
        guard glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER)) == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
            throw .gl("the impostor bake target is incomplete")
        }
        // Base colour is written as sRGB (what the atlas stores), the rest as values.
        glEnable(GLenum(GL_FRAMEBUFFER_SRGB))
        glViewport(0, 0, GLsizei(w), GLsizei(h))
        glClearColor(0, 0, 0, 0)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT) | GLbitfield(GL_DEPTH_BUFFER_BIT))
        glEnable(GLenum(GL_DEPTH_TEST))
        glDepthFunc(GLenum(GL_LEQUAL))
        let batches = Self.bakeBatches(prepared, mesh: mesh)
        let r = shape.viewRadius
        for e in 0..<L.elevations {
            for a in 0..<L.azimuths {
                glViewport(GLsizei(a * L.cell), GLsizei(e * L.cell), GLsizei(L.cell), GLsizei(L.cell))
                // Orthographic along the view, the centre at depth 0.5 of four radii.
                let eye = shape.centre + L.direction(azimuth: a, elevation: e) * (2 * r)
                let viewProjection = Mat4.orthographic(xmag: r, ymag: r, znear: 0, zfar: 4 * r)
                    * Mat4.lookAt(eye: eye, target: shape.centre, up: Vec3(0, 1, 0))
                try draw(batches, [prepared], poses: [nil], pass: .bake) { program in
                    program.set("uViewProjection", viewProjection)
                    program.set("uEye", eye)
                }
            }
        }
        Self.dilate(textures, width: w, height: h)
        baked = true
        return Impostor(shape: shape, albedo: textures[0], normal: textures[1], material: textures[2])
    }

    /// Every part of `mesh`'s primitives at full detail, drawn once with an identity model.
    static func bakeBatches(_ prepared: PreparedScene, mesh: Int) -> [DrawList.Batch] {
        let scene = prepared.scene
        var out: [DrawList.Batch] = []
        for (p, prim) in scene.meshes[mesh].primitives.enumerated() {
            let material = prim.material.flatMap { scene.materials.indices.contains($0) ? scene.materials[$0] : nil }
            for k in prepared.resources.parts(mesh, p).indices {
                out.append(DrawList.Batch(scene: 0, mesh: mesh, primitive: p, part: k, level: 0, material: material,
                                          models: Mat4.identity.m, node: nil, skin: nil))
            }
        }
        return out
    }

    /// An atlas texture with `Impostor.Layout.mipLevels` levels below the first.
    static func atlasTexture(format: Int32, width: Int, height: Int) -> GLuint {
        var t: GLuint = 0
        glGenTextures(1, &t)
        glBindTexture(GLenum(GL_TEXTURE_2D), t)
        glTexImage2D(GLenum(GL_TEXTURE_2D), 0, format, GLsizei(width), GLsizei(height), 0, GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), nil)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAX_LEVEL), GLint(Impostor.Layout.mipLevels))
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GL_LINEAR_MIPMAP_NEAREST)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GL_LINEAR)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_S), GL_CLAMP_TO_EDGE)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_T), GL_CLAMP_TO_EDGE)
        return t
    }

    /// Spreads each view's edge texels into the empty texels round it (colour only; coverage
    /// stays 0), so filtering and mip levels at a silhouette blend with the surface's own
    /// colour and normal rather than with black, then builds the mip levels.
    static func dilate(_ textures: [GLuint], width: Int, height: Int) {
        let count = width * height * 4
        var layers: [[UInt8]] = []
        for (i, _) in textures.enumerated() {
            var bytes = [UInt8](repeating: 0, count: count)
            glReadBuffer(GLenum(GL_COLOR_ATTACHMENT0 + Int32(i)))
            glPixelStorei(GLenum(GL_PACK_ALIGNMENT), 1)
            bytes.withUnsafeMutableBytes { glReadPixels(0, 0, GLsizei(width), GLsizei(height), GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), $0.baseAddress) }
            layers.append(bytes)
        }
        var filled = (0..<(width * height)).map { layers[0][$0 * 4 + 3] > 0 }
        for _ in 0..<Impostor.Layout.margin {
            var next = filled
            for y in 0..<height {
                for x in 0..<width where !filled[y * width + x] {
                    // The first covered neighbour in a fixed order: the same bytes every run.
                    for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                        let (nx, ny) = (x + dx, y + dy)
                        guard nx >= 0, ny >= 0, nx < width, ny < height, filled[ny * width + nx] else { continue }
                        let (to, from) = ((y * width + x) * 4, (ny * width + nx) * 4)
                        for l in layers.indices {
                            for c in 0..<(l == 0 ? 3 : 4) { layers[l][to + c] = layers[l][from + c] }
                        }
                        next[y * width + x] = true
                        break
                    }
                }
            }
            filled = next
        }
        glPixelStorei(GLenum(GL_UNPACK_ALIGNMENT), 1)
        for (t, bytes) in zip(textures, layers) {
            glBindTexture(GLenum(GL_TEXTURE_2D), t)
            bytes.withUnsafeBytes { glTexSubImage2D(GLenum(GL_TEXTURE_2D), 0, 0, 0, GLsizei(width), GLsizei(height), GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), $0.baseAddress) }
            glGenerateMipmap(GLenum(GL_TEXTURE_2D))
        }
    }
}

extension Renderer {
    /// Draws impostor batches as quads facing `viewer` (a point with w 0, or a direction with
    /// w 1: the sun, in shadow maps), in the colour or depth pass.
    func drawImpostors(_ batches: [DrawList.ImpostorBatch], _ scenes: [PreparedScene], pass: Pass, viewer: Vec4,
                       setup: (GLProgram) -> Void) throws(RenderError) {
        guard !batches.isEmpty else { return }
        var variant = Shaders.Variant()
        variant.impostor = true
        let depth: Bool
        switch pass {
        case .color(let frame):
            variant.shadows = frame.shadows
            variant.localLights = frame.localLights
            variant.toneMapping = frame.toneMapping
            depth = false
        case .depth:
            variant = variant.depthOnly
            depth = true
        case .gBuffer:
            variant.gBuffer = true
            depth = false
        case .bake:
            return
        }
        let program = try self.program(variant, depth: depth)
        program.use()
        setup(program)
        program.set("uImpostorViewer", viewer)
        program.set("uImpostorGrid", Vec2(Float(Impostor.Layout.azimuths), Float(Impostor.Layout.elevations)))
        program.set("uImpostorElevationStep", Impostor.Layout.elevationStep)

        let offsets = uploadInstances(batches.map(\.models))
        glBindVertexArray(impostorVertexArray)
        glDisable(GLenum(GL_CULL_FACE))
        for (i, b) in batches.enumerated() {
            guard let impostor = scenes[b.scene].impostors[b.mesh] else { continue }
            program.set("uImpostorCentre", impostor.shape.centre)
            program.set("uImpostorRadius", impostor.shape.viewRadius)
            // The atlases on the units of the slots whose samplers the shader reads them with.
            for (unit, texture) in [(0, impostor.albedo), (1, impostor.material), (2, impostor.normal)] where !depth || unit == 0 {
                glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
                glBindTexture(GLenum(GL_TEXTURE_2D), texture)
            }
            pointInstances(at: offsets[i])
            glDrawArraysInstanced(GLenum(GL_TRIANGLES), 0, 6, GLsizei(b.instanceCount))
            statistics.add(triangles: 2 * b.instanceCount, shadow: depth)
            statistics.impostors += depth ? 0 : b.instanceCount
        }
        glBindVertexArray(0)
    }
}
