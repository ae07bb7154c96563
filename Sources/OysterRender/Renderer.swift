#if canImport(Glibc)
import Glibc
#endif
import CGL
import OysterCore
import OysterImage

/// Renders a `Scene` headless with OpenGL (EGL surfaceless) into a `PixelImage`.
///
/// This first slice draws every triangle primitive of the default scene (instances included)
/// with base colour (factor, vertex colour, texture), alpha mask and blend, a sun from the
/// scene's first directional light (or the typed environment), sky/ground ambient and
/// emissive. A renderer owns its GL context and must be used on the thread that made it.
public final class Renderer {
    private let context: GLContext
    private let program: GLProgram
    /// GL_RENDERER of the device drawing (llvmpipe on a CPU).
    public var deviceName: String { context.renderer }

    public init() throws(RenderError) {
        context = try GLContext()
        program = try GLProgram(vertex: Shaders.vertex, fragment: Shaders.fragment)
    }

    /// The scene's camera names (node name, else camera name), in node order.
    public static func cameraNames(_ scene: Scene) -> [String] {
        scene.nodes.compactMap { n -> String? in
            guard let c = n.camera else { return nil }
            return n.name ?? (scene.cameras.indices.contains(c) ? scene.cameras[c].name : nil) ?? "Camera\(c)"
        }
    }

    /// One frame of `scene` as RGBA, top row first.
    public func render(_ scene: Scene, options: RenderOptions = RenderOptions()) throws(RenderError) -> PixelImage {
        let (w, h) = (options.width, options.height)
        guard (1...RenderOptions.maxSide).contains(w), (1...RenderOptions.maxSide).contains(h) else { throw .badSize(width: w, height: h) }
        let world = scene.worldMatrices()
        let (viewProjection, eye) = try Self.view(scene, world: world, options: options, aspect: Float(w) / Float(h))

        let target = try Framebuffer(width: w, height: h)
        defer { target.delete() }
        let sky = scene.asset.environment?.skyColor ?? Vec3(0.55, 0.7, 0.9)
        glViewport(0, 0, GLsizei(w), GLsizei(h))
        glClearColor(powf(sky.x, 1 / 2.2), powf(sky.y, 1 / 2.2), powf(sky.z, 1 / 2.2), 1)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT) | GLbitfield(GL_DEPTH_BUFFER_BIT))
        glEnable(GLenum(GL_DEPTH_TEST))
        glDisable(GLenum(GL_CULL_FACE))
        glUseProgram(program.id)
        setUniform(program.uniform("uViewProjection"), viewProjection)
        setLighting(scene, world: world, sky: sky)
        setLocalLights(scene, world: world, camera: eye)

        let resources = GPUResources(scene: scene)
        defer { resources.delete() }
        let draws = Self.drawList(scene, world: world)
        // Opaque and masked first, then blended ones without depth writes (unsorted in this slice).
        for pass in [false, true] {
            if pass {
                glEnable(GLenum(GL_BLEND))
                glBlendFunc(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA))
                glDepthMask(GLboolean(GL_FALSE))
            }
            for d in draws {
                let material = scene.primitiveMaterial(d.mesh, d.primitive)
                guard (material?.alphaMode == .blend) == pass, let gpu = resources.primitive(d.mesh, d.primitive) else { continue }
                setMaterial(material, resources)
                setUniform(program.uniform("uModel"), d.model)
                setNormalMatrix(program.uniform("uNormalMatrix"), d.model)
                glBindVertexArray(gpu.vertexArray)
                glDrawElements(GLenum(GL_TRIANGLES), GLsizei(gpu.indexCount), GLenum(GL_UNSIGNED_INT), nil)
            }
        }
        glDisable(GLenum(GL_BLEND))
        glDepthMask(GLboolean(GL_TRUE))
        glFinish()
        return target.read()
    }

    // MARK: - Draw list

    struct Draw {
        var mesh: Int
        var primitive: Int
        var model: Mat4
    }

    /// Every triangle primitive of the nodes the default scene reaches, GPU instances expanded.
    static func drawList(_ scene: Scene, world: [Mat4]) -> [Draw] {
        var out: [Draw] = []
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
            let instances = node.instancing == nil ? [Mat4.identity] : node.instanceMatrices()
            for (p, prim) in scene.meshes[m].primitives.enumerated() where prim.triangleCount > 0 {
                for i in instances { out.append(Draw(mesh: m, primitive: p, model: world[n] * i)) }
            }
        }
        return out
    }

    // MARK: - Camera

    /// The view-projection matrix and the eye's world position.
    static func view(_ scene: Scene, world: [Mat4], options: RenderOptions, aspect: Float) throws(RenderError) -> (Mat4, Vec3) {
        let bounds = scene.worldBounds(worldMatrices: world)
        let radius = bounds.isEmpty ? 1 : max(0.01, length(bounds.max - bounds.min) * 0.5)
        if let eye = options.eye {
            let target = options.target ?? (bounds.isEmpty ? .zero : bounds.center)
            let distance = length(target - eye) + radius
            return (Mat4.perspective(yfov: 0.8, aspectRatio: aspect, znear: max(0.01, distance * 0.0005), zfar: distance * 2)
                * Mat4.lookAt(eye: eye, target: target), eye)
        }
        let cameraNodes = scene.nodes.indices.filter { scene.nodes[$0].camera.map { scene.cameras.indices.contains($0) } ?? false }
        var chosen: Int? = cameraNodes.first
        if let name = options.camera {
            chosen = cameraNodes.first { n in scene.nodes[n].name == name || scene.cameras[scene.nodes[n].camera!].name == name }
            guard chosen != nil else { throw .unknownCamera(name, available: cameraNames(scene)) }
        }
        if let n = chosen, let c = scene.nodes[n].camera, let view = world[n].inverse {
            return (scene.cameras[c].projectionMatrix(aspectRatio: aspect) * view, world[n].transformPoint(.zero))
        }
        // No camera: look at the bounds from above and to the side.
        let center = bounds.isEmpty ? Vec3.zero : bounds.center
        let eye = center + normalize(Vec3(0.6, 0.45, 1)) * radius * 2.2
        return (Mat4.perspective(yfov: 0.8, aspectRatio: aspect, znear: radius * 0.01, zfar: radius * 6) * Mat4.lookAt(eye: eye, target: center), eye)
    }

    // MARK: - Uniforms

    private func setLighting(_ scene: Scene, world: [Mat4], sky: Vec3) {
        // The first directional light of the scene; glTF lights shine down their local −Z.
        var direction = scene.asset.environment?.sunDirection ?? normalize(Vec3(0.4, 0.8, 0.3))
        var color = Vec3(1, 0.96, 0.9)
        // A scene without any light gets a default sun so it is seen at all; one with only
        // point and spot lights is lit by them alone.
        var strength: Float = scene.lights.isEmpty ? 1 : 0
        if let n = scene.nodes.indices.first(where: { i in scene.nodes[i].light.map { scene.lights.indices.contains($0) && scene.lights[$0].kind == .directional } ?? false }),
           let l = scene.nodes[n].light {
            direction = normalize(world[n].transformDirection(Vec3(0, 0, 1)))
            color = scene.lights[l].color
            // A noon sun (3,415 lux photometric, 5 unitless) shades at full strength.
            strength = min(1.5, max(0, scene.lights[l].intensity / Self.referenceIlluminance(scene)))
        }
        glUniform3f(program.uniform("uSunDirection"), direction.x, direction.y, direction.z)
        glUniform3f(program.uniform("uSunColor"), color.x * strength, color.y * strength, color.z * strength)
        let ambient = 0.25 + 0.2 * strength
        glUniform3f(program.uniform("uSkyAmbient"), sky.x * ambient, sky.y * ambient, sky.z * ambient)
        glUniform3f(program.uniform("uGroundAmbient"), 0.12 * ambient, 0.11 * ambient, 0.1 * ambient)
    }

    /// Illuminance the shader calls 1 (a noon sun): 3,415 lux photometric, 5 unitless.
    static func referenceIlluminance(_ scene: Scene) -> Float {
        scene.lightUnits == .unitless ? 5 : (scene.lightUnits == .photometric ? 3415 : 3)
    }

    /// The point and spot lights nearest the camera (at most `Shaders.maxLocalLights`; ties
    /// by node order, so frames are deterministic), in the sun's scale: candela over the
    /// reference illuminance, so a 13,660 cd torch lights a wall 2 m away like a noon sun.
    private func setLocalLights(_ scene: Scene, world: [Mat4], camera: Vec3) {
        let scale = 1 / Self.referenceIlluminance(scene)
        var local: [(distance: Float, node: Int, light: Int)] = []
        for (n, node) in scene.nodes.enumerated() {
            guard let l = node.light, scene.lights.indices.contains(l), scene.lights[l].kind != .directional else { continue }
            local.append((length(world[n].transformPoint(.zero) - camera), n, l))
        }
        local.sort { ($0.distance, $0.node) < ($1.distance, $1.node) }
        let chosen = local.prefix(Shaders.maxLocalLights)
        glUniform1i(program.uniform("uLocalCount"), GLint(chosen.count))
        for (i, c) in chosen.enumerated() {
            let light = scene.lights[c.light]
            let p = world[c.node].transformPoint(.zero)
            let color = light.color * (light.intensity * scale)
            let d = normalize(world[c.node].transformDirection(Vec3(0, 0, -1)))
            var cone = Vec2(2, 2)
            if case .spot(let inner, let outer) = light.kind { cone = Vec2(cosf(inner), cosf(outer)) }
            glUniform3f(program.uniform("uLocalPosition[\(i)]"), p.x, p.y, p.z)
            glUniform3f(program.uniform("uLocalColor[\(i)]"), color.x, color.y, color.z)
            glUniform1f(program.uniform("uLocalRange[\(i)]"), light.range ?? 0)
            glUniform3f(program.uniform("uLocalDirection[\(i)]"), d.x, d.y, d.z)
            glUniform2f(program.uniform("uLocalCone[\(i)]"), cone.x, cone.y)
        }
    }

    private func setMaterial(_ material: Material?, _ resources: GPUResources) {
        let m = material ?? Material()
        glUniform4f(program.uniform("uBaseColor"), m.baseColorFactor.x, m.baseColorFactor.y, m.baseColorFactor.z, m.baseColorFactor.w)
        glUniform1f(program.uniform("uAlphaCutoff"), m.alphaMode == .mask ? m.alphaCutoff : -1)
        let e = m.emissiveFactor * (m.emissiveStrength ?? 1)
        glUniform3f(program.uniform("uEmissive"), e.x, e.y, e.z)
        if let ref = m.baseColorTexture, let texture = resources.texture(ref.texture) {
            glActiveTexture(GLenum(GL_TEXTURE0))
            glBindTexture(GLenum(GL_TEXTURE_2D), texture)
            glUniform1i(program.uniform("uBaseTexture"), 0)
            glUniform1i(program.uniform("uHasTexture"), 1)
        } else {
            glUniform1i(program.uniform("uHasTexture"), 0)
        }
    }

    private func setUniform(_ location: GLint, _ matrix: Mat4) {
        matrix.m.withUnsafeBufferPointer { glUniformMatrix4fv(location, 1, GLboolean(GL_FALSE), $0.baseAddress) }
    }

    /// The inverse transpose of the model's upper 3×3, so normals stay perpendicular under
    /// non-uniform scale.
    private func setNormalMatrix(_ location: GLint, _ model: Mat4) {
        let inv = model.inverse ?? .identity
        var n = [Float](repeating: 0, count: 9)
        for c in 0..<3 { for r in 0..<3 { n[c * 3 + r] = inv[c, r] } }
        n.withUnsafeBufferPointer { glUniformMatrix3fv(location, 1, GLboolean(GL_FALSE), $0.baseAddress) }
    }
}

extension Scene {
    /// The material a primitive draws with, when it names one that exists.
    func primitiveMaterial(_ mesh: Int, _ primitive: Int) -> Material? {
        guard let m = meshes[mesh].primitives[primitive].material, materials.indices.contains(m) else { return nil }
        return materials[m]
    }
}
