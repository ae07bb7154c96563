import CGL
import OysterCore
import OysterImage
import OysterProcess

/// Vertex arrays, morph target buffers and textures of one scene on the GPU, uploaded once
/// (textures decoded in parallel) and deleted together.
final class GPUResources {
    /// Vertex attribute locations shared by every vertex shader (`Shaders.vertex`).
    enum Location {
        static let position: GLuint = 0, normal: GLuint = 1, uv0: GLuint = 2, color: GLuint = 3
        static let tangent: GLuint = 4, uv1: GLuint = 5, joints: GLuint = 6, weights: GLuint = 7
        /// Four consecutive locations for the per-instance model matrix.
        static let model: GLuint = 8
    }

    struct PrimitiveBuffers {
        let vertexArray: GLuint
        let buffers: [GLuint]
        let indexCount: Int
        let vertexCount: Int
        /// Attributes the primitive lacks, which take constant values at draw time (constant
        /// attribute values are context state in GL 3.3, not vertex array state).
        let hasNormals: Bool, hasColors: Bool, hasTangents: Bool, hasUV1: Bool
        let isSkinned: Bool
        /// Morph target displacements (POSITION, NORMAL, TANGENT per target, RGBA32F texels)
        /// as a buffer texture; 0 without targets.
        let morphTexture: GLuint
        let morphBuffer: GLuint
        let morphTargets: Int
        /// TEXCOORD_0 units per unit of the mesh's space, low for the primitive (a tenth of
        /// its triangles have less): how much of a texture's repeat one pixel covers at a
        /// distance (`DrawList`'s averaged materials). Measured on level 0 only; nil on the
        /// simplified levels and without TEXCOORD_0.
        let uvPerMetre: Float?
    }

    /// A piece of a primitive drawn on its own: the whole primitive, or one tile of a large
    /// one, with its levels of detail.
    struct Part {
        /// Level 0 is the geometry as authored; nil where it has nothing to draw.
        var levels: [PrimitiveBuffers?]
        /// Per level, its largest deviation from level 0 in the mesh's units (0 for level 0).
        var errors: [Float]
        /// Box around the part's positions in the mesh's space.
        var bounds: AABB
    }

    private let scene: Scene
    /// Per mesh, per primitive: its parts.
    private var parts: [[[Part]]] = []
    /// Joint matrices of the skinned draw being made (a buffer texture).
    let jointBuffer: GLuint
    let jointTexture: GLuint
    /// Per (texture, sRGB): the GL texture, absent when its image cannot be decoded.
    private var textures: [TextureKey: GLuint] = [:]
    /// Textures uploaded for this scene alone (deleted with it).
    private var ownTextures: [GLuint] = []
    /// Textures of shared pixels this scene holds in the renderer's table (released on delete).
    private var sharedKeys: [SharedTextureTable.Key] = []
    private let sharedTable: SharedTextureTable
    /// Per material index: the material drawn with its textures' averages, where it can be
    /// (`AveragedMaterial`).
    private(set) var averagedMaterials: [Int: AveragedMaterial] = [:]

    struct TextureKey: Hashable {
        let texture: Int
        let sRGB: Bool
    }

    /// Uploads a staged scene: its parts with their levels of detail (see `levels`) and its
    /// textures, those of shared pixels through `shared`, so they are uploaded once.
    init(staged: StagedScene, shared: SharedTextureTable) {
        scene = staged.scene
        sharedTable = shared
        var id: GLuint = 0
        glGenBuffers(1, &id)
        jointBuffer = id
        var t: GLuint = 0
        glGenTextures(1, &t)
        jointTexture = t
        parts = staged.pieces.map { $0.map { $0.map { piece in
            // Only the authored level's UV density is read (`uvPerMetre`).
            Part(levels: piece.chain.enumerated().map { upload($1.0, measuresUV: $0 == 0) }, errors: piece.chain.map(\.1), bounds: piece.bounds)
        } } }
        uploadTextures(staged.pixels)
    }

    /// The parts of `mesh`'s primitive `index` (empty when there is no such primitive).
    func parts(_ mesh: Int, _ index: Int) -> [Part] {
        guard parts.indices.contains(mesh), parts[mesh].indices.contains(index) else { return [] }
        return parts[mesh][index]
    }

    /// The buffers of part `part` of `mesh`'s primitive `index` at level of detail `level`;
    /// nil when it has no triangles or positions.
    func primitive(_ mesh: Int, _ index: Int, part: Int = 0, level: Int = 0) -> PrimitiveBuffers? {
        let all = parts(mesh, index)
        guard all.indices.contains(part), all[part].levels.indices.contains(level) else { return nil }
        return all[part].levels[level]
    }

    /// A part before upload: its bounds and its chain of (geometry, error) levels.
    struct Piece: Sendable {
        var bounds: AABB
        var chain: [(Primitive, Float)]
    }

    /// Per mesh, per primitive, the parts to upload and their levels of detail: simplified
    /// copies at about 30 %, 8 % and 2 % of the triangles (each allowed more error: 3 %, 15 %
    /// and 50 % of the part's size), each with its error in mesh units; a level that saves
    /// less than a fifth of the previous one's triangles is left out.
    /// Blended and morphing primitives are drawn as authored. A skinned primitive's levels keep
    /// each vertex's joints and weights (collapses and clustering keep the vertices' own
    /// attributes) and it is never tiled: its level is chosen at its posed joints, as a whole.
    /// Ground and water (terrain, water and ice roles) keep their open borders, so a tile of a
    /// streamed world still meets its neighbours at any level.
    /// With `cache`, geometry staged before (in this or another scene) is not simplified again;
    /// ground and water, unique to their tile, are not cached.
    static func levels(_ scene: Scene, cache: LevelCache? = nil) -> [[[Piece]]] {
        var meets = Set<Int>()
        for (node, role) in zip(scene.nodes, scene.effectiveRoles()) {
            if let m = node.mesh, role == .terrain || role == .water || role == .ice { meets.insert(m) }
        }
        let flat = scene.meshes.enumerated().flatMap { m, mesh in mesh.primitives.map { (p: $0, borders: meets.contains(m)) } }
        let materials = scene.materials
        let pieces = Parallel.map(flat.count) { i -> [Piece] in
            let (p, borders) = flat[i]
            let blended = p.material.map { materials.indices.contains($0) && materials[$0].alphaMode == .blend } ?? false
            guard !blended, p.targets.isEmpty, p.triangleCount >= 64 else {
                return [Piece(bounds: p.localBounds, chain: [(p, 0)])]
            }
            // Ground and water are each tile's own: kept in the cache they were never used
            // again and held every tile a long walk visited (the cache's key is the geometry).
            guard let cache, !borders else { return GPUResources.pieces(p, keepsBorder: borders) }
            var geometry = p
            geometry.material = nil
            return cache.pieces(LevelCache.Key(primitive: geometry, keepsBorder: borders)) { GPUResources.pieces(p, keepsBorder: borders) }
        }
        var out: [[[Piece]]] = []
        var i = 0
        for mesh in scene.meshes {
            out.append(mesh.primitives.map { _ in defer { i += 1 }; return pieces[i] })
        }
        return out
    }

    /// The parts of a primitive worth simplifying and their levels (see `levels`).
    static func pieces(_ p: Primitive, keepsBorder: Bool) -> [Piece] {
        // A piece's level is chosen by its distance, so big ground is cut small enough that the
        // part of it a walker stands on is not what holds its far side at full detail: a
        // streamed world's 64 m tile (8,192 triangles) is four pieces. Measured on a walk
        // through "a village": 191 k → 160 k triangles a frame at the same error; smaller
        // pieces saved little more and cost draws.
        let tiles = p.triangleCount > 4096 && p.attributes["JOINTS_0"] == nil ? p.tiled(triangles: 2048) : [p]
        return tiles.map { tile in
            let bounds = tile.localBounds
            // The simplifier's errors are fractions of the longest side (not the diagonal,
            // which overstated them by up to √3 and kept finer levels than needed).
            let side = max(bounds.size.x, bounds.size.y, bounds.size.z)
            var chain = [(tile, Float(0))]
            var last = tile.triangleCount
            for (ratio, maxError) in [(Float(0.3), Float(0.03)), (0.08, 0.15), (0.02, 0.5)] {
                let (level, result) = tile.simplified(SimplifyOptions(targetRatio: ratio, maxError: maxError, lockBorder: tiles.count > 1 || keepsBorder))
                // A level that saves too little is skipped; the next, allowed more error, may not.
                guard level.triangleCount > 0, Double(level.triangleCount) <= Double(last) * 0.8 else { continue }
                chain.append((level, max(result.error * side, chain.last!.1)))
                last = level.triangleCount
            }
            // Where collapsing stalls on separate pieces (a crown of leaf clumps), vertex
            // clustering goes on: a grid of 8, then 4 cells over the longest side. Not for
            // pieces that must meet others edge to edge (clustering moves border vertices).
            if tiles.count == 1, !keepsBorder {
                for cells in [Float(8), 4] where last > 48 {
                    let (level, result) = tile.clustered(cellSize: side / cells)
                    guard level.triangleCount > 0, Double(level.triangleCount) <= Double(last) * 0.6 else { continue }
                    chain.append((level, max(result.error * side, chain.last!.1)))
                    last = level.triangleCount
                }
            }
            return Piece(bounds: bounds, chain: chain)
        }
    }

    /// The GL texture of glTF texture `index` for a slot that is sRGB or linear.
    func texture(_ index: Int, sRGB: Bool) -> GLuint? { textures[TextureKey(texture: index, sRGB: sRGB)] }

    func delete() {
        for case let p? in parts.joined().joined().flatMap(\.levels) {
            var vao = p.vertexArray
            glDeleteVertexArrays(1, &vao)
            var ids = p.buffers
            if p.morphBuffer != 0 { ids.append(p.morphBuffer) }
            glDeleteBuffers(GLsizei(ids.count), &ids)
            if p.morphTexture != 0 {
                var t = p.morphTexture
                glDeleteTextures(1, &t)
            }
        }
        // Only this scene's own textures: shared ones belong to the table, and another scene
        // may still draw with them.
        var ids = ownTextures + [jointTexture]
        glDeleteTextures(GLsizei(ids.count), &ids)
        ownTextures = []
        var buffer = jointBuffer
        glDeleteBuffers(1, &buffer)
        for key in sharedKeys { sharedTable.release(key) }
        sharedKeys = []
    }

    // MARK: - Textures

    /// Uploads each texture once per colour space its slots need (base colour and emissive
    /// are sRGB, the others linear), from pixels staged off the GL thread.
    private func uploadTextures(_ pixels: [Int: StagedScene.StagedPixels]) {
        var averages: [TextureKey: SIMD4<Float>] = [:]
        var keys = Set<TextureKey>()
        for m in scene.materials {
            for slot in TextureSlot.allCases {
                if let ref = m[slot], scene.textures.indices.contains(ref.texture) { keys.insert(TextureKey(texture: ref.texture, sRGB: slot.isSRGB)) }
            }
        }
        for key in keys.sorted(by: { ($0.texture, $0.sRGB ? 1 : 0) < ($1.texture, $1.sRGB ? 1 : 0) }) {
            let texture = scene.textures[key.texture]
            guard let source = texture.source, let staged = pixels[source] else { continue }
            let sampler = texture.sampler.flatMap { scene.samplers.indices.contains($0) ? scene.samplers[$0] : nil } ?? Sampler()
            switch staged {
            case .own(let chains?):
                guard let levels = chains.levels[key.sRGB ? .sRGB : .linear] else { continue }
                let id = Self.uploadTexture(levels, sRGB: key.sRGB, sampler: sampler)
                textures[key] = id
                averages[key] = AveragedMaterial.average(levels: levels, sRGB: key.sRGB)
                ownTextures.append(id)
            case .own(nil):
                continue
            case .shared(let shared):
                let sharedKey = SharedTextureTable.Key(pixels: shared, sRGB: key.sRGB, sampler: sampler)
                let texture = sharedTable.acquire(sharedKey)
                textures[key] = texture.id
                averages[key] = texture.average
                sharedKeys.append(sharedKey)
            }
        }
        for (i, m) in scene.materials.enumerated() { averagedMaterials[i] = AveragedMaterial(m, averages: averages) }
    }

    /// An RGBA8 mip chain (level 0 first, down to 1×1) as a GL texture with `sampler`'s
    /// wrapping and filters.
    static func uploadTexture(_ levels: [PixelImage], sRGB: Bool, sampler: Sampler) -> GLuint {
        var id: GLuint = 0
        glGenTextures(1, &id)
        glBindTexture(GLenum(GL_TEXTURE_2D), id)
        glPixelStorei(GLenum(GL_UNPACK_ALIGNMENT), 1)
        for (level, pixels) in levels.enumerated() {
            pixels.samples8.withUnsafeBytes {
                glTexImage2D(GLenum(GL_TEXTURE_2D), GLint(level), sRGB ? GL_SRGB8_ALPHA8 : GL_RGBA8, GLsizei(pixels.width), GLsizei(pixels.height), 0,
                             GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), $0.baseAddress)
            }
        }
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAX_LEVEL), GLint(max(levels.count - 1, 0)))
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_S), GLint(wrap(sampler.wrapS)))
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_T), GLint(wrap(sampler.wrapT)))
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GLint(minFilter(sampler.minFilter)))
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GLint(sampler.magFilter == Sampler.nearest ? Sampler.nearest : Sampler.linear))
        return id
    }

    /// A glTF wrap mode GL accepts (an invalid value in a file falls back to repeat).
    static func wrap(_ mode: Int) -> Int {
        [Sampler.clampToEdge, Sampler.mirroredRepeat, Sampler.repeatWrap].contains(mode) ? mode : Sampler.repeatWrap
    }

    /// A glTF minification filter GL accepts; unset means trilinear (what viewers choose).
    static func minFilter(_ filter: Int?) -> Int {
        guard let filter else { return Sampler.linearMipmapLinear }
        let valid = [Sampler.nearest, Sampler.linear, Sampler.nearestMipmapNearest, Sampler.linearMipmapNearest,
                     Sampler.nearestMipmapLinear, Sampler.linearMipmapLinear]
        return valid.contains(filter) ? filter : Sampler.linearMipmapLinear
    }

    // MARK: - Geometry

    private func upload(_ p: Primitive, measuresUV: Bool) -> PrimitiveBuffers? {
        guard let positions = p.attributes["POSITION"], positions.elementType == .vec3 else { return nil }
        let vertexCount = positions.count
        // Indices past the vertex arrays would read outside them; such a primitive is skipped.
        let indices = p.triangleIndices()
        guard !indices.isEmpty, indices.allSatisfy({ Int($0) < vertexCount }) else { return nil }
        var vao: GLuint = 0
        glGenVertexArrays(1, &vao)
        glBindVertexArray(vao)
        var buffers: [GLuint] = []
        /// Uploads an attribute's values, returning them; nil when it is absent or malformed.
        func attribute(_ location: GLuint, _ data: DataArray?, _ types: [ElementType]) -> [Float]? {
            guard let data, types.contains(data.elementType), data.count == vertexCount else { return nil }
            var id: GLuint = 0
            glGenBuffers(1, &id)
            glBindBuffer(GLenum(GL_ARRAY_BUFFER), id)
            let values = data.floats()
            values.withUnsafeBytes { glBufferData(GLenum(GL_ARRAY_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STATIC_DRAW)) }
            glEnableVertexAttribArray(location)
            glVertexAttribPointer(location, GLint(data.elementType.componentCount), GLenum(GL_FLOAT), GLboolean(GL_FALSE), 0, nil)
            buffers.append(id)
            return values
        }
        let points = attribute(Location.position, positions, [.vec3]) ?? []
        let hasNormals = attribute(Location.normal, p.attributes["NORMAL"], [.vec3]) != nil
        let uv0 = attribute(Location.uv0, p.attributes["TEXCOORD_0"], [.vec2])
        let hasColors = attribute(Location.color, p.attributes["COLOR_0"], [.vec3, .vec4]) != nil
        let hasTangents = attribute(Location.tangent, p.attributes["TANGENT"], [.vec4]) != nil
        let hasUV1 = attribute(Location.uv1, p.attributes["TEXCOORD_1"], [.vec2]) != nil
        var isSkinned = false
        if let joints = p.attributes["JOINTS_0"], joints.elementType == .vec4, joints.count == vertexCount,
           attribute(Location.weights, p.attributes["WEIGHTS_0"], [.vec4]) != nil {
            var id: GLuint = 0
            glGenBuffers(1, &id)
            glBindBuffer(GLenum(GL_ARRAY_BUFFER), id)
            joints.uints().withUnsafeBytes { glBufferData(GLenum(GL_ARRAY_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STATIC_DRAW)) }
            glEnableVertexAttribArray(Location.joints)
            glVertexAttribIPointer(Location.joints, 4, GLenum(GL_UNSIGNED_INT), 0, nil)
            buffers.append(id)
            isSkinned = true
        }
        // The per-instance model matrix: pointers are set per draw into the instance stream.
        for c in 0..<GLuint(4) {
            glEnableVertexAttribArray(Location.model + c)
            glVertexAttribDivisor(Location.model + c, 1)
        }
        var ebo: GLuint = 0
        glGenBuffers(1, &ebo)
        glBindBuffer(GLenum(GL_ELEMENT_ARRAY_BUFFER), ebo)
        indices.withUnsafeBytes { glBufferData(GLenum(GL_ELEMENT_ARRAY_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STATIC_DRAW)) }
        buffers.append(ebo)
        glBindVertexArray(0)
        let (morphBuffer, morphTexture) = uploadMorphTargets(p, vertexCount: vertexCount)
        return PrimitiveBuffers(vertexArray: vao, buffers: buffers, indexCount: indices.count, vertexCount: vertexCount,
                                hasNormals: hasNormals, hasColors: hasColors, hasTangents: hasTangents, hasUV1: hasUV1,
                                isSkinned: isSkinned, morphTexture: morphTexture, morphBuffer: morphBuffer,
                                morphTargets: morphTexture == 0 ? 0 : min(p.targets.count, Shaders.maxMorphTargets),
                                uvPerMetre: measuresUV ? uv0.flatMap { Self.uvPerMetre(points, $0, indices: indices) } : nil)
    }

    /// TEXCOORD_0 units per unit of length over a primitive's surface, a low figure for it: per
    /// triangle the square root of its UV area over its area (its mean stretch), the tenth
    /// lowest of a hundred; triangles with no area (in space or in UV) do not count. Nil when
    /// none counts.
    static func uvPerMetre(_ positions: [Float], _ uvs: [Float], indices: [UInt32]) -> Float? {
        var stretch: [Float] = []
        stretch.reserveCapacity(indices.count / 3)
        var t = 0
        while t + 2 < indices.count {
            let (a, b, c) = (Int(indices[t]), Int(indices[t + 1]), Int(indices[t + 2]))
            t += 3
            let pa = Vec3(positions[a * 3], positions[a * 3 + 1], positions[a * 3 + 2])
            let area = length(cross(Vec3(positions[b * 3], positions[b * 3 + 1], positions[b * 3 + 2]) - pa,
                                    Vec3(positions[c * 3], positions[c * 3 + 1], positions[c * 3 + 2]) - pa))
            let (ub, vb) = (uvs[b * 2] - uvs[a * 2], uvs[b * 2 + 1] - uvs[a * 2 + 1])
            let (uc, vc) = (uvs[c * 2] - uvs[a * 2], uvs[c * 2 + 1] - uvs[a * 2 + 1])
            let uvArea = abs(ub * vc - uc * vb)
            guard area > 1e-12, uvArea > 0, area.isFinite, uvArea.isFinite else { continue }
            stretch.append((uvArea / area).squareRoot())
        }
        guard !stretch.isEmpty else { return nil }
        let k = stretch.count / 10
        return stretch.withUnsafeMutableBufferPointer { buffer in
            // The k-th smallest, without sorting them all.
            var (lo, hi) = (0, buffer.count - 1)
            while lo < hi {
                let pivot = buffer[(lo + hi) / 2]
                var (i, j) = (lo, hi)
                while i <= j {
                    while buffer[i] < pivot { i += 1 }
                    while buffer[j] > pivot { j -= 1 }
                    if i <= j { buffer.swapAt(i, j); i += 1; j -= 1 }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { break }
            }
            return buffer[k]
        }
    }

    /// Morph displacements as one RGBA32F buffer texture: texel `(t * 3 + k) * vertexCount + v`
    /// holds target t's POSITION (k 0), NORMAL (1) or TANGENT (2) displacement of vertex v.
    private func uploadMorphTargets(_ p: Primitive, vertexCount: Int) -> (GLuint, GLuint) {
        let targets = p.targets.prefix(Shaders.maxMorphTargets)
        guard !targets.isEmpty else { return (0, 0) }
        var texels = [Float](repeating: 0, count: targets.count * 3 * vertexCount * 4)
        for (t, target) in targets.enumerated() {
            for (k, name) in ["POSITION", "NORMAL", "TANGENT"].enumerated() {
                guard let data = target[name], data.elementType == .vec3, data.count == vertexCount else { continue }
                let values = data.floats()
                let base = (t * 3 + k) * vertexCount * 4
                for v in 0..<vertexCount {
                    texels[base + v * 4] = values[v * 3]
                    texels[base + v * 4 + 1] = values[v * 3 + 1]
                    texels[base + v * 4 + 2] = values[v * 3 + 2]
                }
            }
        }
        var buffer: GLuint = 0
        glGenBuffers(1, &buffer)
        glBindBuffer(GLenum(GL_TEXTURE_BUFFER), buffer)
        texels.withUnsafeBytes { glBufferData(GLenum(GL_TEXTURE_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STATIC_DRAW)) }
        var texture: GLuint = 0
        glGenTextures(1, &texture)
        glBindTexture(GLenum(GL_TEXTURE_BUFFER), texture)
        glTexBuffer(GLenum(GL_TEXTURE_BUFFER), GLenum(GL_RGBA32F), buffer)
        return (buffer, texture)
    }
}
