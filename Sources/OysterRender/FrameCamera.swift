#if canImport(Glibc)
import Glibc
#endif
import OysterCore

/// The viewpoint of one frame: matrices, the eye, and the view volume's shape, which the
/// shadow cascades slice.
struct FrameCamera {
    enum Lens {
        /// Half-height of the view volume per metre of depth, and width over height.
        case perspective(tanHalfHeight: Float, aspect: Float)
        case orthographic(halfWidth: Float, halfHeight: Float)
    }

    var view: Mat4
    var projection: Mat4
    var eye: Vec3
    /// Unit view direction in world space.
    var forward: Vec3
    var near: Float
    /// Far plane, finite (an infinite projection gets the far side of the scene).
    var far: Float
    var lens: Lens

    var viewProjection: Mat4 { projection * view }

    /// How sizes in the world map to pixels in a frame `pixelsHigh` tall (levels of detail,
    /// impostors and averaged materials choose by it).
    func screenScale(pixelsHigh: Int) -> ScreenScale {
        switch lens {
        case .perspective(let t, _): return .perspective(pixelsPerRadian: Float(pixelsHigh) / (2 * t))
        case .orthographic(_, let halfHeight): return .orthographic(pixelsPerMetre: Float(pixelsHigh) / (2 * halfHeight))
        }
    }

    /// The camera `options` ask for: an explicit eye, a named or the first scene camera, else
    /// a view framing `bounds` from above and to the side.
    static func resolve(_ scene: Scene, world: [Mat4], bounds: AABB, options: RenderOptions, aspect: Float) throws(RenderError) -> FrameCamera {
        let radius = bounds.isEmpty ? 1 : max(0.01, length(bounds.max - bounds.min) * 0.5)
        let centre = bounds.isEmpty ? Vec3.zero : bounds.center
        func lookAt(_ eye: Vec3, _ target: Vec3, yfov: Float) -> FrameCamera {
            let far = max(length(centre - eye) + radius, 1) * 1.05
            let near = max(0.05, min(0.5, far * 0.0002))
            let view = Mat4.lookAt(eye: eye, target: target)
            let forward = length(target - eye) > 0 ? normalize(target - eye) : Vec3(0, 0, -1)
            return FrameCamera(view: view, projection: .perspective(yfov: yfov, aspectRatio: aspect, znear: near, zfar: far),
                               eye: eye, forward: forward, near: near, far: far,
                               lens: .perspective(tanHalfHeight: tanf(yfov / 2), aspect: aspect))
        }
        if let eye = options.eye {
            return lookAt(eye, options.target ?? centre, yfov: options.fieldOfView)
        }
        let cameraNodes = scene.nodes.indices.filter { scene.nodes[$0].camera.map { scene.cameras.indices.contains($0) } ?? false }
        var chosen: Int? = cameraNodes.first
        if let name = options.camera {
            chosen = cameraNodes.first { n in scene.nodes[n].name == name || scene.cameras[scene.nodes[n].camera!].name == name }
            guard chosen != nil else { throw .unknownCamera(name, available: Renderer.cameraNames(scene)) }
        }
        if let n = chosen, let c = scene.nodes[n].camera, let view = world[n].inverse {
            // Drop scale from the camera's node so the view stays rigid.
            let eye = world[n].transformPoint(.zero)
            let forward = normalize(world[n].transformDirection(Vec3(0, 0, -1)))
            let up = normalize(world[n].transformDirection(Vec3(0, 1, 0)))
            let rigid = length(forward) > 0 && length(up) > 0 ? Mat4.lookAt(eye: eye, target: eye + forward, up: up) : view
            let camera = scene.cameras[c]
            switch camera.projection {
            case .perspective(let yfov, let cameraAspect, let znear, let zfar):
                let a = cameraAspect ?? aspect
                let far = zfar ?? max(length(centre - eye) + radius, znear * 2)
                return FrameCamera(view: rigid, projection: camera.projectionMatrix(aspectRatio: aspect), eye: eye, forward: forward,
                                   near: znear, far: far, lens: .perspective(tanHalfHeight: tanf(yfov / 2), aspect: a))
            case .orthographic(let xmag, let ymag, let znear, let zfar):
                return FrameCamera(view: rigid, projection: camera.projectionMatrix(aspectRatio: aspect), eye: eye, forward: forward,
                                   near: znear, far: zfar, lens: .orthographic(halfWidth: abs(xmag), halfHeight: abs(ymag)))
            }
        }
        return lookAt(centre + normalize(Vec3(0.6, 0.45, 1)) * radius * 2.2, centre, yfov: options.fieldOfView)
    }
}

/// The six planes of a view volume (from a view-projection matrix), for culling boxes.
struct Frustum {
    /// (normal, distance): a point p is inside when dot(normal, p) + distance ≥ 0 for all.
    private var planes: [(Vec3, Float)] = []

    init(_ m: Mat4) {
        func row(_ r: Int) -> Vec4 { Vec4(m[r, 0], m[r, 1], m[r, 2], m[r, 3]) }
        let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3)
        for p in [r3 + r0, r3 - r0, r3 + r1, r3 - r1, r3 + r2, r3 - r2] {
            let n = Vec3(p.x, p.y, p.z)
            let l = length(n)
            // An infinite far plane has no normal: it culls nothing.
            guard l > 1e-6 else { continue }
            planes.append((n / l, p.w / l))
        }
    }

    /// Whether any part of `box` may be inside.
    func intersects(_ box: AABB) -> Bool {
        guard !box.isEmpty else { return false }
        for (n, d) in planes {
            // The box corner farthest along the plane's normal.
            let p = Vec3(n.x >= 0 ? box.max.x : box.min.x, n.y >= 0 ? box.max.y : box.min.y, n.z >= 0 ? box.max.z : box.min.z)
            if dot(n, p) + d < 0 { return false }
        }
        return true
    }
}
