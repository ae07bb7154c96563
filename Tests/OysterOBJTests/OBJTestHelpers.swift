import OysterCore
@testable import OysterOBJ

/// Reads OBJ text from memory.
func readOBJ(_ text: String, threads: Int = 1, sliceSize: Int = 4 << 20) throws -> (scene: Scene, diagnostics: [Diagnostic]) {
    try OBJReader(options: .init(threads: threads, sliceSize: sliceSize)).read(bytes: Array(text.utf8), name: "model.obj")
}

/// The error message a malformed OBJ text throws, or nil when it reads.
func objError(_ text: String) -> String? {
    do {
        _ = try readOBJ(text)
        return nil
    } catch let e as OBJError {
        return e.description
    } catch {
        return "\(error)"
    }
}

extension Primitive {
    /// The triangle-list positions, three Vec3 per triangle.
    var trianglePositions: [Vec3] {
        guard let pos = attributes["POSITION"] else { return [] }
        return triangleIndices().map { pos.vec3(Int($0)) }
    }
}

/// Sum of triangle areas of every primitive of a scene.
func totalArea(_ scene: Scene) -> Float {
    var area: Float = 0
    for mesh in scene.meshes {
        for p in mesh.primitives {
            let t = p.trianglePositions
            for i in stride(from: 0, to: t.count - 2, by: 3) {
                area += length(cross(t[i + 1] - t[i], t[i + 2] - t[i])) / 2
            }
        }
    }
    return area
}
