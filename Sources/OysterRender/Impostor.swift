#if canImport(Glibc)
import Glibc
#endif
import CGL
import OysterCore

/// A far mesh drawn as one quad: views of the mesh baked from around it (base colour and
/// coverage; normal and roughness; occlusion, metallic and depth) into small atlases, of which
/// the quad shows the view nearest to the viewer's direction, lit by the frame's lights like
/// any surface. A tree a few dozen pixels tall is two triangles instead of hundreds, which is
/// most of what llvmpipe spends on a forest.
///
/// The quad faces the viewer through the centre of the mesh's bounds; the baked depth puts the
/// shaded point back on the mesh's surface, so a crown's far side falls in its own shadow. In
/// shadow maps the quad faces the sun.
final class Impostor {
    /// The views baked: azimuths round the mesh's +Y axis, then elevations from the horizon
    /// up in `elevationStep` steps; each view is `cell` texels square.
    enum Layout {
        static let azimuths = 8
        static let elevations = 3
        static let elevationStep: Float = .pi / 6
        static let cell = 64
        /// Texels left round each view, so filtering and the two mip levels below it do not
        /// reach the next view.
        static let margin = 4
        static let mipLevels = 2
        static var width: Int { azimuths * cell }
        static var height: Int { elevations * cell }

        /// The direction from the mesh's centre towards the viewer of view (a, e), mesh space.
        static func direction(azimuth a: Int, elevation e: Int) -> Vec3 {
            let az = Float(a) * 2 * .pi / Float(azimuths), el = Float(e) * elevationStep
            return Vec3(sinf(az) * cosf(el), sinf(el), cosf(az) * cosf(el))
        }
    }

    /// Drawn as an impostor where its bounding sphere is under this many pixels across (about
    /// a view's texels: the atlas is never magnified much).
    static let pixels: Float = 48

    /// The mesh's bounding sphere in its own space.
    struct Shape: Sendable, Equatable {
        var centre: Vec3
        var radius: Float
        /// Half the side of a baked view: the radius with the margin round it.
        var viewRadius: Float { radius * Float(Layout.cell) / Float(Layout.cell - 2 * Layout.margin) }
    }

    let shape: Shape
    /// Base colour and coverage (sRGB), normal and roughness, occlusion-metallic-depth.
    let albedo: GLuint
    let normal: GLuint
    let material: GLuint

    init(shape: Shape, albedo: GLuint, normal: GLuint, material: GLuint) {
        self.shape = shape
        self.albedo = albedo
        self.normal = normal
        self.material = material
    }

    func delete() {
        var t = [albedo, normal, material]
        glDeleteTextures(3, &t)
    }

    /// The meshes of `scene` worth an impostor, with their shapes: meshes placed at least four
    /// times (trees, bushes, rocks of a world's kits) with at least 64 triangles, that nothing
    /// animates or deforms, opaque or masked, neither unlit nor emissive (a baked view holds
    /// no light of its own).
    static func candidates(_ scene: Scene, drawables: [PreparedScene.Drawable]) -> [Int: Shape] {
        var placements: [Int: Int] = [:]
        var still = Set<Int>(), moving = Set<Int>()
        for d in drawables {
            placements[d.mesh, default: 0] += max(d.instances.count, 1)
            if d.moves || d.skin != nil || d.morphed { moving.insert(d.mesh) } else { still.insert(d.mesh) }
        }
        var out: [Int: Shape] = [:]
        for mesh in still.subtracting(moving).sorted() where placements[mesh, default: 0] >= 4 {
            let prims = scene.meshes[mesh].primitives
            guard prims.reduce(0, { $0 + $1.triangleCount }) >= 64 else { continue }
            let suitable = prims.allSatisfy { p in
                guard [.triangles, .triangleStrip, .triangleFan].contains(p.mode), p.targets.isEmpty, p.attributes["JOINTS_0"] == nil else { return false }
                guard let i = p.material, scene.materials.indices.contains(i) else { return true }
                let m = scene.materials[i]
                return m.alphaMode != .blend && !m.unlit && m.emissiveTexture == nil && m.emissiveFactor == .zero
            }
            guard suitable else { continue }
            var bounds = AABB.empty
            for p in prims where p.triangleCount > 0 { bounds.add(p.localBounds) }
            guard !bounds.isEmpty else { continue }
            let radius = length(bounds.size) / 2
            guard radius > 0, radius.isFinite else { continue }
            out[mesh] = Shape(centre: bounds.center, radius: radius)
        }
        return out
    }
}
