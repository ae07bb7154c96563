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

    init(resolution: Int, count: Int) {
        self.resolution = resolution
        self.count = count
        (texture, framebuffers) = Self.makeArray(resolution: resolution, count: count, compare: true)
        (cacheTexture, cacheFramebuffers) = Self.makeArray(resolution: resolution, count: count, compare: false)
        cachedViews = Array(repeating: nil, count: count)
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

    /// Whether cascade `layer`'s cache holds the still casters of the prepared scenes `owner`
    /// (their serials, in draw order) seen through `view`.
    func isCached(layer: Int, view: Mat4, owner: [Int]) -> Bool {
        cacheOwner == owner && cachedViews[layer] == view
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

    /// Makes cascade `layer` the render target, starting from its cache.
    func beginFromCache(layer: Int) {
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), cacheFramebuffers[layer])
        glBindFramebuffer(GLenum(GL_DRAW_FRAMEBUFFER), framebuffers[layer])
        let r = GLint(resolution)
        glBlitFramebuffer(0, 0, r, r, 0, 0, r, r, GLbitfield(GL_DEPTH_BUFFER_BIT), GLenum(GL_NEAREST))
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffers[layer])
        glViewport(0, 0, GLsizei(resolution), GLsizei(resolution))
    }

    /// Binds the depth array to texture `unit`.
    func bind(unit: Int) {
        glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
        glBindTexture(GLenum(GL_TEXTURE_2D_ARRAY), texture)
    }

    /// The cascades covering `camera` out to `distance` metres for a sun shining from
    /// `towardsSun`, deep enough to catch every caster inside `scene` bounds.
    func cascades(camera: FrameCamera, distance: Float, towardsSun: Vec3, scene: AABB) -> [Cascade] {
        let near = max(camera.near, 0.05)
        let far = max(near * 2, min(camera.far, distance))
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
