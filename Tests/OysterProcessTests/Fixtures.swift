import OysterCore

// MARK: - Small scenes the tests build

/// A regular grid in the XZ plane: (n+1)² vertices, 2n² triangles, with UVs and normals.
func gridPrimitive(_ n: Int, size: Float = 1, material: Int? = nil, height: (Float, Float) -> Float = { _, _ in 0 }) -> Primitive {
    var pos: [Vec3] = [], uv: [Vec2] = [], nrm: [Vec3] = []
    for j in 0...n {
        for i in 0...n {
            let x = Float(i) / Float(n) * size, z = Float(j) / Float(n) * size
            pos.append(Vec3(x, height(x, z), z))
            uv.append(Vec2(Float(i) / Float(n), Float(j) / Float(n)))
            nrm.append(Vec3(0, 1, 0))
        }
    }
    var idx: [UInt32] = []
    let w = UInt32(n + 1)
    for j in 0..<UInt32(n) {
        for i in 0..<UInt32(n) {
            let a = j * w + i, b = a + 1, c = a + w, d = c + 1
            idx += [a, c, b, b, c, d]
        }
    }
    return Primitive(attributes: ["POSITION": DataArray(vec3: pos), "NORMAL": DataArray(vec3: nrm), "TEXCOORD_0": DataArray(vec2: uv)],
                     indices: DataArray(indices: idx), material: material)
}

/// A UV sphere with `rings` × `segments` quads, welded except along the UV seam.
func spherePrimitive(rings: Int, segments: Int, radius: Float = 1) -> Primitive {
    var pos: [Vec3] = [], uv: [Vec2] = [], nrm: [Vec3] = []
    for r in 0...rings {
        let v = Float(r) / Float(rings), phi = v * Float.pi
        for s in 0...segments {
            let u = Float(s) / Float(segments), theta = Float(s % segments) / Float(segments) * 2 * Float.pi
            let n = r == 0 ? Vec3(0, 1, 0) : r == rings ? Vec3(0, -1, 0) : Vec3(sinf(phi) * cosf(theta), cosf(phi), sinf(phi) * sinf(theta))
            pos.append(n * radius); nrm.append(n); uv.append(Vec2(u, v))
        }
    }
    var idx: [UInt32] = []
    let w = UInt32(segments + 1)
    for r in 0..<UInt32(rings) {
        for s in 0..<UInt32(segments) {
            let a = r * w + s, b = a + 1, c = a + w, d = c + 1
            if r != 0 { idx += [a, b, c] }
            if r != UInt32(rings) - 1 { idx += [b, d, c] }
        }
    }
    return Primitive(attributes: ["POSITION": DataArray(vec3: pos), "NORMAL": DataArray(vec3: nrm), "TEXCOORD_0": DataArray(vec2: uv)],
                     indices: DataArray(indices: idx))
}

/// A scene with one root node per mesh given.
func sceneWith(_ primitives: [Primitive], transforms: [Transform]? = nil) -> Scene {
    var s = Scene()
    for (i, p) in primitives.enumerated() {
        s.meshes.append(Mesh(name: "m\(i)", primitives: [p]))
        s.nodes.append(Node(name: "n\(i)", transform: transforms?[i] ?? .identity, mesh: i))
    }
    s.roots = [SceneRoot(nodes: Array(s.nodes.indices))]
    return s
}

/// World-space triangles of the scene as sorted position triples (for order-free comparison).
func worldTriangles(_ scene: Scene) -> [[Vec3]] {
    let world = scene.worldMatrices()
    var out: [[Vec3]] = []
    for (i, n) in scene.nodes.enumerated() {
        guard let m = n.mesh else { continue }
        for p in scene.meshes[m].primitives {
            guard let pos = p.attributes["POSITION"] else { continue }
            let idx = p.triangleIndices()
            for t in stride(from: 0, to: idx.count, by: 3) {
                out.append((0..<3).map { world[i].transformPoint(pos.vec3(Int(idx[t + $0]))) })
            }
        }
    }
    return out
}

func close(_ a: Vec3, _ b: Vec3, _ eps: Float = 1e-4) -> Bool {
    abs(a.x - b.x) <= eps && abs(a.y - b.y) <= eps && abs(a.z - b.z) <= eps
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
