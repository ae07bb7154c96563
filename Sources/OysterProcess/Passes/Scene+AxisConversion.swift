import OysterCore

/// Which axis points up. Both are right-handed: Y-up is glTF's frame; Z-up is Blender's and
/// most DCC tools' (glTF +Y becomes +Z and glTF +Z becomes −Y, as Blender's importer maps it).
public enum UpAxis: String, Hashable, Sendable {
    case y, z
}

/// Options for `Scene.convertAxes`.
public struct AxisConversionOptions: Hashable, Sendable {
    /// The up axis of the input. Default Y.
    public var from: UpAxis = .y
    /// The up axis wanted. Default Y.
    public var to: UpAxis = .y
    /// Length multiplier, e.g. `metresToCentimetres` (100) for Unreal; 1 leaves units.
    public var unitScale: Float = 1

    /// Scale from metres to centimetres (Unreal).
    public static let metresToCentimetres: Float = 100
    /// Scale from centimetres to metres.
    public static let centimetresToMetres: Float = 0.01

    /// Options converting `from` → `to` and scaling lengths by `unitScale`.
    public init(from: UpAxis = .y, to: UpAxis = .y, unitScale: Float = 1) {
        self.from = from
        self.to = to
        self.unitScale = unitScale
    }
}

/// Axis and unit conversion.
///
/// The up-axis rotation is applied once at the top: every root node's transform (and the
/// translation/rotation keyframes of animated roots) is pre-multiplied by the rotation, so
/// world positions, cameras and lights all turn together while local frames stay valid.
/// Run `flatten` afterwards to bake it into static geometry. The unit scale is baked
/// everywhere lengths live: node translations, vertex positions and position morph targets,
/// inverse bind matrices, translation keyframes, GPU-instance translations, camera clip
/// distances and orthographic sizes, and light ranges. Light intensities are left alone
/// (KHR_lights_punctual units are photometric, not per length).
extension Scene {
    /// Rotates the scene to the wanted up axis and scales its lengths.
    @discardableResult
    public mutating func convertAxes(_ options: AxisConversionOptions) -> PassReport {
        let k = options.unitScale
        if k != 1 && k.isFinite && k > 0 { scaleUnits(k) }
        var rotated = 0
        if options.from != options.to {
            let angle: Float = options.to == .z ? Float.pi / 2 : -Float.pi / 2
            let q = Quat(angle: angle, axis: Vec3(1, 0, 0))
            let parents = parentIndices()
            var seen = Set<Int>()
            for r in effectiveRootNodes() where parents[r] == nil && seen.insert(r).inserted {
                rotateRoot(r, by: q)
                rotated += 1
            }
        }
        return PassReport(name: "axes", figures: ["rootsRotated": Double(rotated), "unitScale": Double(k)])
    }

    // MARK: - Up axis

    private mutating func rotateRoot(_ n: Int, by q: Quat) {
        switch nodes[n].transform {
        case .trs(let t, let r, let s):
            nodes[n].transform = .trs(translation: q.rotate(t), rotation: (q * r).normalized, scale: s)
        case .matrix(let m):
            nodes[n].transform = .matrix(Mat4(translation: .zero, rotation: q, scale: .one) * m)
        }
        for a in animations.indices {
            for c in animations[a].channels where c.node == n && animations[a].samplers.indices.contains(c.sampler) {
                let out = animations[a].samplers[c.sampler].output
                switch c.path {
                case .translation:
                    animations[a].samplers[c.sampler].output = DataArray(vec3: out.vec3Array().map { q.rotate($0) })
                case .rotation:
                    animations[a].samplers[c.sampler].output = DataArray(vec4: out.vec4Array().map { (q * Quat($0)).vector })
                default: break
                }
            }
        }
    }

    // MARK: - Units

    private mutating func scaleUnits(_ k: Float) {
        for n in nodes.indices {
            switch nodes[n].transform {
            case .trs(let t, let r, let s): nodes[n].transform = .trs(translation: t * k, rotation: r, scale: s)
            case .matrix(var m):
                m.m[12] *= k; m.m[13] *= k; m.m[14] *= k
                nodes[n].transform = .matrix(m)
            }
            if let t = nodes[n].instancing?["TRANSLATION"] {
                nodes[n].instancing?["TRANSLATION"] = DataArray(vec3: t.vec3Array().map { $0 * k })
            }
        }
        for m in meshes.indices {
            for p in meshes[m].primitives.indices {
                if let pos = meshes[m].primitives[p].attributes["POSITION"] {
                    meshes[m].primitives[p].attributes["POSITION"] = DataArray(vec3: pos.vec3Array().map { $0 * k })
                }
                for t in meshes[m].primitives[p].targets.indices {
                    if let d = meshes[m].primitives[p].targets[t]["POSITION"] {
                        meshes[m].primitives[p].targets[t]["POSITION"] = DataArray(vec3: d.vec3Array().map { $0 * k })
                    }
                }
            }
        }
        for s in skins.indices {
            guard let ibm = skins[s].inverseBindMatrices, ibm.elementType == .mat4 else { continue }
            var f = ibm.floats()
            for j in 0..<(f.count / 16) { for c in 12..<15 { f[j * 16 + c] *= k } }
            skins[s].inverseBindMatrices = DataArray(floats: f, elementType: .mat4)
        }
        for a in animations.indices {
            for c in animations[a].channels where c.path == .translation && animations[a].samplers.indices.contains(c.sampler) {
                let out = animations[a].samplers[c.sampler].output
                animations[a].samplers[c.sampler].output = DataArray(floats: out.floats().map { $0 * k }, elementType: out.elementType)
            }
        }
        for c in cameras.indices {
            switch cameras[c].projection {
            case .perspective(let y, let a, let n, let f):
                cameras[c].projection = .perspective(yfov: y, aspectRatio: a, znear: n * k, zfar: f.map { $0 * k })
            case .orthographic(let x, let y, let n, let f):
                cameras[c].projection = .orthographic(xmag: x * k, ymag: y * k, znear: n * k, zfar: f * k)
            }
        }
        for l in lights.indices { lights[l].range = lights[l].range.map { $0 * k } }
    }
}
