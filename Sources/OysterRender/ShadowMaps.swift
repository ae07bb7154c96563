#if canImport(Glibc)
import Glibc
#endif
import CGL
import OysterCore

/// Cascaded shadow maps for the sun: what the camera sees is cut into shells by distance from
/// the eye, each covered by an orthographic depth map seen from the sun. Each cascade is a
/// sphere round the eye whose centre moves in whole-texel steps, so shadows do not shimmer as
/// the camera turns or moves, and a cascade is redrawn only when the eye leaves its step.
final class ShadowMaps {
    struct Cascade {
        /// World → shadow map texture space ([0, 1]³).
        var matrix: Mat4
        /// World → clip space of the sun's view (for rendering and culling).
        var viewProjection: Mat4
        /// Distance along the view direction where this cascade ends.
        var end: Float
        /// World size of one texel.
        var texel: Float
    }

    let resolution: Int
    let count: Int
    private let texture: GLuint
    private let framebuffers: [GLuint]
    /// The still casters' depth per cascade, kept while the cascade's view holds, so a frame
    /// whose camera and sun have not moved redraws only what animations move.
    private let cacheTexture: GLuint
    private let cacheFramebuffers: [GLuint]
    /// Per cascade: the view the cache was drawn for, and for which prepared scenes.
    private var cachedViews: [Mat4?]
    private var cacheOwner: [Int]?
    /// Per cascade: the cached view the live map was last filled from, and the texels where
    /// moving casters drew over it since (the only part to restore from the cache). A still
    /// frame copies nothing; a windmill's sails copy their own corner, not the whole map.
    private var liveFrom: [Mat4?]
    private var dirty: [TexelRect?]
    /// Per cascade: the view and owner of the frame before, and whether the cache last built
    /// was used again (`fill`).
    private var lastViews: [(view: Mat4, owner: [Int])?]
    private var reused: [Bool]

    /// Texels [x0, x1) × [y0, y1) of a cascade's map.
    struct TexelRect: Equatable {
        var x0, y0, x1, y1: Int

        func union(_ o: TexelRect) -> TexelRect {
            TexelRect(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1))
        }
    }

    init(resolution: Int, count: Int) {
        self.resolution = resolution
        self.count = count
        (texture, framebuffers) = Self.makeArray(resolution: resolution, count: count, compare: true)
        (cacheTexture, cacheFramebuffers) = Self.makeArray(resolution: resolution, count: count, compare: false)
        cachedViews = Array(repeating: nil, count: count)
        liveFrom = Array(repeating: nil, count: count)
        dirty = Array(repeating: nil, count: count)
        lastViews = Array(repeating: nil, count: count)
        reused = Array(repeating: true, count: count)
    }

    /// A depth texture array and one framebuffer per layer.
    private static func makeArray(resolution: Int, count: Int, compare: Bool) -> (GLuint, [GLuint]) {
        var t: GLuint = 0
        glGenTextures(1, &t)
        glBindTexture(GLenum(GL_TEXTURE_2D_ARRAY), t)
        glTexImage3D(GLenum(GL_TEXTURE_2D_ARRAY), 0, GL_DEPTH_COMPONENT24, GLsizei(resolution), GLsizei(resolution), GLsizei(count), 0,
                     GLenum(GL_DEPTH_COMPONENT), GLenum(GL_UNSIGNED_INT), nil)
        glTexParameteri(GLenum(GL_TEXTURE_2D_ARRAY), GLenum(GL_TEXTURE_MIN_FILTER), GL_LINEAR)
        glTexParameteri(GLenum(GL_TEXTURE_2D_ARRAY), GLenum(GL_TEXTURE_MAG_FILTER), GL_LINEAR)
        glTexParameteri(GLenum(GL_TEXTURE_2D_ARRAY), GLenum(GL_TEXTURE_WRAP_S), GL_CLAMP_TO_EDGE)
        glTexParameteri(GLenum(GL_TEXTURE_2D_ARRAY), GLenum(GL_TEXTURE_WRAP_T), GL_CLAMP_TO_EDGE)
        if compare {
            glTexParameteri(GLenum(GL_TEXTURE_2D_ARRAY), GLenum(GL_TEXTURE_COMPARE_MODE), GL_COMPARE_REF_TO_TEXTURE)
            glTexParameteri(GLenum(GL_TEXTURE_2D_ARRAY), GLenum(GL_TEXTURE_COMPARE_FUNC), GL_LEQUAL)
        }
        var fbs = [GLuint](repeating: 0, count: count)
        glGenFramebuffers(GLsizei(count), &fbs)
        for (layer, fb) in fbs.enumerated() {
            glBindFramebuffer(GLenum(GL_FRAMEBUFFER), fb)
            glFramebufferTextureLayer(GLenum(GL_FRAMEBUFFER), GLenum(GL_DEPTH_ATTACHMENT), t, 0, GLint(layer))
            glDrawBuffer(GLenum(GL_NONE))
            glReadBuffer(GLenum(GL_NONE))
        }
        return (t, fbs)
    }

    deinit {
        var t = [texture, cacheTexture]
        glDeleteTextures(2, &t)
        var fbs = framebuffers + cacheFramebuffers
        glDeleteFramebuffers(GLsizei(fbs.count), &fbs)
    }

    /// How a cascade's map is filled this frame.
    enum Fill {
        /// Its cache holds the still casters: restore them, draw what moves.
        case fromCache
        /// Draw the still casters into the cache, copy it in, draw what moves.
        case buildCache
        /// Draw every caster straight into the map, no cache.
        case direct
    }

    /// How to fill cascade `layer` for the still casters of the prepared scenes `owner` (their
    /// serials, in draw order) seen through `view`. A cache pays only when its view holds for
    /// another frame: one built for a view that changes every frame (a turntable's orbiting
    /// camera) costs a clear and a whole-map copy for nothing. So a new view is cached while
    /// caches are being reused (a walk, whose cascades hold for many frames); once one was
    /// never reused, new views are drawn straight into the map until a view holds again.
    func fill(layer: Int, view: Mat4, owner: [Int]) -> Fill {
        defer { lastViews[layer] = (view, owner) }
        if cacheOwner == owner && cachedViews[layer] == view {
            reused[layer] = true
            return .fromCache
        }
        let held = lastViews[layer].map { $0.view == view && $0.owner == owner } ?? false
        guard held || reused[layer] else { return .direct }
        reused[layer] = false
        return .buildCache
    }

    /// Makes cascade `layer`'s map the render target, cleared, for every caster (`Fill.direct`).
    func beginDirect(layer: Int) {
        liveFrom[layer] = nil
        dirty[layer] = nil
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffers[layer])
        glViewport(0, 0, GLsizei(resolution), GLsizei(resolution))
        glClear(GLbitfield(GL_DEPTH_BUFFER_BIT))
    }

    /// Makes cascade `layer`'s cache the render target, cleared, and records what it will hold.
    func beginCache(layer: Int, view: Mat4, owner: [Int]) {
        if cacheOwner != owner {
            cacheOwner = owner
            cachedViews = Array(repeating: nil, count: count)
        }
        cachedViews[layer] = view
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), cacheFramebuffers[layer])
        glViewport(0, 0, GLsizei(resolution), GLsizei(resolution))
        glClear(GLbitfield(GL_DEPTH_BUFFER_BIT))
    }

    /// Makes cascade `layer` the render target holding its cache: copied whole after the
    /// cache was redrawn, else only where moving casters drew since.
    func beginFromCache(layer: Int) {
        let copy: TexelRect?
        if liveFrom[layer] == nil || liveFrom[layer] != cachedViews[layer] {
            copy = TexelRect(x0: 0, y0: 0, x1: resolution, y1: resolution)
        } else {
            copy = dirty[layer]
        }
        if let c = copy {
            glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), cacheFramebuffers[layer])
            glBindFramebuffer(GLenum(GL_DRAW_FRAMEBUFFER), framebuffers[layer])
            glBlitFramebuffer(GLint(c.x0), GLint(c.y0), GLint(c.x1), GLint(c.y1), GLint(c.x0), GLint(c.y0), GLint(c.x1), GLint(c.y1),
                              GLbitfield(GL_DEPTH_BUFFER_BIT), GLenum(GL_NEAREST))
        }
        liveFrom[layer] = cachedViews[layer]
        dirty[layer] = nil
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffers[layer])
        glViewport(0, 0, GLsizei(resolution), GLsizei(resolution))
    }

    /// Records that moving casters drew into `rect` of cascade `layer`'s live map.
    func drewMoving(layer: Int, in rect: TexelRect) {
        dirty[layer] = dirty[layer].map { $0.union(rect) } ?? rect
    }

    /// The texels a box covers in a cascade seen through `viewProjection`, a texel wider each
    /// way (filtering, polygon offset); nil when it is off the map.
    func texels(of box: AABB, viewProjection: Mat4) -> TexelRect? {
        var lo = Vec2(repeating: .infinity), hi = Vec2(repeating: -.infinity)
        for i in 0..<8 {
            let p = Vec3(i & 1 == 0 ? box.min.x : box.max.x, i & 2 == 0 ? box.min.y : box.max.y, i & 4 == 0 ? box.min.z : box.max.z)
            let c = viewProjection.projectPoint(p)
            let t = (Vec2(c.x, c.y) * 0.5 + 0.5) * Float(resolution)
            lo = pointwiseMin(lo, t)
            hi = pointwiseMax(hi, t)
        }
        let r = TexelRect(x0: max(0, Int(lo.x.rounded(.down)) - 1), y0: max(0, Int(lo.y.rounded(.down)) - 1),
                          x1: min(resolution, Int(hi.x.rounded(.up)) + 1), y1: min(resolution, Int(hi.y.rounded(.up)) + 1))
        return r.x0 < r.x1 && r.y0 < r.y1 ? r : nil
    }

    /// The whole of a cascade's map.
    var everyTexel: TexelRect { TexelRect(x0: 0, y0: 0, x1: resolution, y1: resolution) }

    /// Binds the depth array to texture `unit`.
    func bind(unit: Int) {
        glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
        glBindTexture(GLenum(GL_TEXTURE_2D_ARRAY), texture)
    }

    /// The cascades covering `camera` out to `distance` metres for a sun shining from
    /// `towardsSun`, deep enough to catch every caster inside `scene` bounds.
    func cascades(camera: FrameCamera, distance: Float, towardsSun: Vec3, scene: AABB) -> [Cascade] {
        // Splits from fixed distances, not the camera's clip planes (which follow the eye's
        // distance to the scene): the cascades' sizes hold while the camera moves, so their
        // views, and the cache, hold too.
        let near: Float = 0.5
        let far = max(near * 2, (distance * 16).rounded(.up) / 16)
        // Practical split scheme: between logarithmic and uniform (λ = 0.75).
        var ends: [Float] = []
        for i in 1...count {
            let f = Float(i) / Float(count)
            let logarithmic = near * powf(far / near, f)
            let uniform = near + (far - near) * f
            ends.append(0.75 * logarithmic + 0.25 * uniform)
        }
        let sun = normalize(towardsSun)
        let up = abs(sun.y) > 0.99 ? Vec3(0, 0, 1) : Vec3(0, 1, 0)
        let orientation = Mat4.lookAt(eye: .zero, target: -sun, up: up)
        let toWorld = orientation.inverse ?? .identity
        return ends.map { end in
            // A sphere round the eye, not round the slice of the view: it is the same whichever
            // way the camera turns, and its centre moves in steps of an eighth of its radius
            // (whole texels), so while the eye stays within a step the cascade's view is
            // unchanged and its still casters come from the cache. The radius covers `end`
            // from anywhere within half a step of the centre.
            let margin: Float = 1 - Float(0.5).squareRoot() / 8
            let radius = (end / margin * 16).rounded(.up) / 16
            let texel = 2 * radius / Float(resolution)
            let step = texel * Float(max(resolution / 16, 1))
            var local = orientation.transformPoint(camera.eye)
            local = Vec3((local.x / step).rounded() * step, (local.y / step).rounded() * step, (local.z / step).rounded() * step)
            let centre = toWorld.transformPoint(local)
            // Back off towards the sun far enough to include every caster of the scene.
            var reach = radius
            if !scene.isEmpty {
                for i in 0..<8 {
                    let p = Vec3(i & 1 == 0 ? scene.min.x : scene.max.x, i & 2 == 0 ? scene.min.y : scene.max.y, i & 4 == 0 ? scene.min.z : scene.max.z)
                    reach = max(reach, dot(p - centre, sun))
                }
            }
            reach = (reach / step).rounded(.up) * step
            let eye = centre + sun * (reach + 1)
            let view = Mat4.lookAt(eye: eye, target: centre, up: up)
            let projection = Mat4.orthographic(xmag: radius, ymag: radius, znear: 0, zfar: reach + 1 + radius)
            let viewProjection = projection * view
            let bias = Mat4(columnMajor: [0.5, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0.5, 0, 0.5, 0.5, 0.5, 1])
            return Cascade(matrix: bias * viewProjection, viewProjection: viewProjection, end: end, texel: texel)
        }
    }
}
