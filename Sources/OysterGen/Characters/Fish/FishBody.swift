import OysterCore

/// Builds a fish's one skinned mesh: a body (an ellipsoid flattened side to side, skinned
/// along the whole spine chain so it bends smoothly), a forked tail fin, a dorsal fin,
/// pectoral fins and eyes. Scales are vertex colours over `skin`: a dark back fading through
/// the flank's band to a pale belly, the trout's spots on its back.
struct FishBody {
    let skeleton: FishSkeleton
    let look: FishLook
    let out: SkinSink<FishSkeleton>

    init(skeleton: FishSkeleton, look: FishLook) {
        self.skeleton = skeleton
        self.look = look
        out = SkinSink(skeleton: skeleton)
    }

    var p: FishProportions { skeleton.proportions }

    /// The colour of the body at `q`: back above, band on the flank, belly below.
    func scale(_ q: Vec3) -> Vec4 {
        let h = q.y / (p.depth / 2)
        var c = h > 0.25 ? look.back : (h > -0.25 ? look.band : look.belly)
        if h > 0.15 && look.species == .trout {
            let cell = Vec3((q.x * 60).rounded(), (q.y * 60).rounded(), (q.z * 60).rounded())
            let hash = UInt64(bitPattern: Int64(cell.x * 73 + cell.y * 151 + cell.z * 313)) &* 0x9E3779B97F4A7C15 ^ look.spotSeed
            if (hash >> 40) % 5 == 0 { c = look.spots }
        }
        return c
    }

    mutating func build() -> SkinnedMeshBuilder<FishSkeleton> {
        let L = p.length, d = p.depth, w = p.width
        let paint = scale
        out.add(FishBone.allCases) { b in
            b.ellipsoid(.skin, center: Vec3(0, 0, 0.04 * L), radii: Vec3(w / 2, d / 2, 0.44 * L), subdivisions: 3, paint: paint)
        }
        let fins = look.fins
        // The caudal fin: two thin lobes spread up and down from the tail's end.
        let root = skeleton.position(.tailFin)
        out.add([.tail, .tailFin], color: fins) { b in
            for s: Float in [-1, 1] {
                let dir = normalize(Vec3(0, s * 0.55, -1))
                b.ellipsoid(.skin, center: root + dir * (0.11 * L), axes: (Vec3(1, 0, 0), cross(dir, Vec3(1, 0, 0)), dir),
                            radii: Vec3(0.006 * L, 0.045 * L, 0.12 * L), subdivisions: 1) { _ in fins }
            }
        }
        // The dorsal fin on the back, mid-body; pectoral fins behind the gills.
        out.add([.head, .spine], color: fins) { b in
            b.ellipsoid(.skin, center: Vec3(0, 0.5 * d, 0.02 * L), axes: (Vec3(1, 0, 0), normalize(Vec3(0, 1, -0.8)), normalize(Vec3(0, 0.8, 1))),
                        radii: Vec3(0.005 * L, 0.06 * L, 0.07 * L), subdivisions: 1) { _ in fins }
            for s: Float in [-1, 1] {
                let dir = normalize(Vec3(s, -0.4, -1))
                b.ellipsoid(.skin, center: Vec3(s * 0.45 * w, -0.25 * d, 0.24 * L) + dir * (0.04 * L), axes: axes(along: dir),
                            radii: Vec3(0.035 * L, 0.004 * L, 0.05 * L), subdivisions: 0) { _ in fins }
            }
        }
        let eye = Vec4(0.03, 0.03, 0.03, 1)
        out.add([.head], color: eye) { b in
            for s: Float in [-1, 1] {
                b.ellipsoid(.skin, center: Vec3(s * 0.36 * w, 0.12 * d, 0.4 * L), radii: Vec3(repeating: 0.022 * L), subdivisions: 0) { _ in eye }
            }
        }
        return out.builder
    }
}
