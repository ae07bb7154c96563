import OysterCore
import OysterJSON

/// Writes a `Scene` as Wavefront OBJ + MTL with its textures beside them.
///
/// Every node carrying a mesh becomes one `o` block with its world transform baked into the
/// positions (normals through the inverse transpose; mirrored transforms flip the winding).
/// Texture V is flipped back to OBJ's bottom-left origin. Embedded images are written as files
/// named after the image (or its material), sanitized and made unique. Output is
/// deterministic and each file is written atomically.
public struct OBJWriter: Sendable {
    /// Writer settings.
    public struct Options: Sendable {
        /// The up axis of the written file. Scenes are glTF (Y up); `.z` rotates Y-up to Z-up
        /// as CAD tools and 3ds Max expect: (x, y, z) → (x, −z, y).
        public enum UpAxis: Sendable { case y, z }
        public var upAxis: UpAxis = .y
        /// Multiplies positions (unit conversion: 100 turns metres into centimetres).
        public var scale: Float = 1
        /// Write texture files for the images materials use.
        public var writeTextures = true

        public init(upAxis: UpAxis = .y, scale: Float = 1, writeTextures: Bool = true) {
            self.upAxis = upAxis
            self.scale = scale
            self.writeTextures = writeTextures
        }
    }

    /// The files of an OBJ export.
    public struct Files: Sendable {
        public var obj: [UInt8]
        public var mtl: [UInt8]?
        /// Texture files (name relative to the OBJ's folder, bytes).
        public var textures: [(name: String, bytes: [UInt8])]
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Writes `path` (the .obj), its .mtl and textures beside it; returns the paths written,
    /// companions first and `path` last.
    @discardableResult
    public func write(_ scene: Scene, to path: String) throws -> [String] {
        let folder = AtomicFile.parentDirectory(of: path)
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.lowercased().hasSuffix(".obj") ? String(file.dropLast(4)) : file
        let mtlName = TextFormatting.fileName(stem.isEmpty ? "model" : stem) + ".mtl"
        let files = encode(scene, mtlName: mtlName)
        var written: [String] = []
        func target(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
        for texture in files.textures {
            try AtomicFile.write(texture.bytes, to: target(texture.name))
            written.append(target(texture.name))
        }
        if let mtl = files.mtl {
            try AtomicFile.write(mtl, to: target(mtlName))
            written.append(target(mtlName))
        }
        try AtomicFile.write(files.obj, to: path)
        written.append(path)
        return written
    }

    /// The OBJ text, the MTL text (nil without materials) and texture files.
    public func encode(_ scene: Scene, mtlName: String) -> Files {
        var textureFiles = TextureFileNamer(scene: scene, writeFiles: options.writeTextures, reserved: [mtlName.lowercased()])
        let materialNames = OBJWriter.uniqueNames(scene.materials.enumerated().map { TextFormatting.objName($0.element.name, fallback: "material\($0.offset)") })
        var needsDefault = false
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        TextFormatting.append("# Oyster OBJ export\n", to: &out)
        let usesMaterials = scene.meshes.contains { $0.primitives.contains { $0.material != nil } }
        if usesMaterials || !scene.materials.isEmpty { TextFormatting.append("mtllib \(mtlName)\n", to: &out) }

        let world = scene.worldMatrices()
        var objectNames = Set<String>()
        var base = (v: 0, vt: 0, vn: 0)
        for (n, node) in scene.nodes.enumerated() {
            guard let m = node.mesh, scene.meshes.indices.contains(m) else { continue }
            let mesh = scene.meshes[m]
            var name = TextFormatting.objName(node.name ?? mesh.name, fallback: "object\(n)")
            if objectNames.contains(name) { name = OBJWriter.uniqueNames([name], taken: objectNames)[0] }
            objectNames.insert(name)
            TextFormatting.append("o \(name)\n", to: &out)
            let matrix = transformFor(world[n])
            for primitive in mesh.primitives {
                guard [.triangles, .triangleStrip, .triangleFan].contains(primitive.mode),
                      let positions = primitive.attributes["POSITION"] else { continue }
                let material: String
                if let mi = primitive.material, materialNames.indices.contains(mi) {
                    material = materialNames[mi]
                } else {
                    material = OBJWriter.defaultMaterialName
                    needsDefault = true
                }
                TextFormatting.append("usemtl \(material)\n", to: &out)
                let counts = writeVertices(primitive, positions: positions, matrix: matrix, to: &out)
                writeFaces(primitive, base: base, counts: counts, mirrored: matrix.determinant3x3 < 0, to: &out)
                base.v += counts.v
                base.vt += counts.vt
                base.vn += counts.vn
            }
        }
        var mtl: [UInt8]?
        if usesMaterials || !scene.materials.isEmpty {
            mtl = encodeMTL(scene, names: materialNames, needsDefault: needsDefault, textures: &textureFiles)
        }
        return Files(obj: out, mtl: mtl, textures: textureFiles.files)
    }

    static let defaultMaterialName = "oyster_default"

    /// World matrix followed by the axis and unit conversion.
    func transformFor(_ world: Mat4) -> Mat4 {
        var convert = Mat4.identity
        if options.upAxis == .z {
            convert = Mat4(columnMajor: [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1])
        }
        let s = options.scale
        let scale = Mat4(columnMajor: [s, 0, 0, 0, 0, s, 0, 0, 0, 0, s, 0, 0, 0, 0, 1])
        return scale * convert * world
    }

    // MARK: - Geometry

    private func writeVertices(_ p: Primitive, positions: DataArray, matrix: Mat4, to out: inout [UInt8]) -> (v: Int, vt: Int, vn: Int) {
        let count = positions.count
        let colors = p.attributes["COLOR_0"]
        for i in 0..<count {
            let q = matrix.transformPoint(positions.vec3(i))
            TextFormatting.append("v ", to: &out)
            appendVec3(q, to: &out)
            if let colors, i < colors.count {
                let c = colors.vec3(i)
                out.append(0x20)
                appendVec3(c, to: &out)
            }
            out.append(0x0A)
        }
        var vt = 0
        if let uv = p.attributes["TEXCOORD_0"], uv.count == count {
            for i in 0..<count {
                let t = uv.vec2(i)
                TextFormatting.append("vt ", to: &out)
                TextFormatting.appendFloat(t.x, to: &out)
                out.append(0x20)
                TextFormatting.appendFloat(1 - t.y, to: &out)
                out.append(0x0A)
            }
            vt = count
        }
        var vn = 0
        if let normals = p.attributes["NORMAL"], normals.count == count {
            let normalMatrix = (matrix.inverse.map(OBJWriter.transposed) ?? matrix)
            for i in 0..<count {
                let n = normalize(normalMatrix.transformDirection(normals.vec3(i)))
                TextFormatting.append("vn ", to: &out)
                appendVec3(n, to: &out)
                out.append(0x0A)
            }
            vn = count
        }
        return (count, vt, vn)
    }

    private func writeFaces(_ p: Primitive, base: (v: Int, vt: Int, vn: Int), counts: (v: Int, vt: Int, vn: Int),
                            mirrored: Bool, to out: inout [UInt8]) {
        let indices = p.triangleIndices()
        var t = 0
        while t + 2 < indices.count {
            let tri = mirrored ? [indices[t], indices[t + 2], indices[t + 1]] : [indices[t], indices[t + 1], indices[t + 2]]
            t += 3
            guard tri.allSatisfy({ Int($0) < counts.v }) else { continue }
            out.append(0x66)
            for i in tri {
                let k = Int(i)
                out.append(0x20)
                TextFormatting.appendInt(base.v + k + 1, to: &out)
                if counts.vt > 0 || counts.vn > 0 { out.append(0x2F) }
                if counts.vt > 0 { TextFormatting.appendInt(base.vt + k + 1, to: &out) }
                if counts.vn > 0 {
                    out.append(0x2F)
                    TextFormatting.appendInt(base.vn + k + 1, to: &out)
                }
            }
            out.append(0x0A)
        }
    }

    @inline(__always) private func appendVec3(_ v: Vec3, to out: inout [UInt8]) {
        TextFormatting.appendFloat(v.x, to: &out)
        out.append(0x20)
        TextFormatting.appendFloat(v.y, to: &out)
        out.append(0x20)
        TextFormatting.appendFloat(v.z, to: &out)
    }

    static func transposed(_ m: Mat4) -> Mat4 {
        var t = m
        for r in 0..<4 { for c in 0..<4 { t[r, c] = m[c, r] } }
        return t
    }

    /// Names made unique by suffixing `_2`, `_3`, … (case-insensitively, for file systems).
    static func uniqueNames(_ names: [String], taken: Set<String> = []) -> [String] {
        var used = Set(taken.map { $0.lowercased() })
        return names.map { name in
            var candidate = name
            var k = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(name)_\(k)"
                k += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
