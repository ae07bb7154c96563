import OysterCore
import OysterImage
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
        let stream = try StreamingAtomicFile(path: path)
        let files = encode(scene, mtlName: mtlName) { chunk in
            stream.write(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
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
        try stream.commit()
        written.append(path)
        return written
    }

    /// The OBJ text, the MTL text (nil without materials) and texture files.
    public func encode(_ scene: Scene, mtlName: String) -> Files {
        var obj: [UInt8] = []
        let rest = encode(scene, mtlName: mtlName) { chunk in
            obj.append(contentsOf: chunk)
            chunk.removeAll(keepingCapacity: true)
        }
        return Files(obj: obj, mtl: rest.mtl, textures: rest.textures)
    }

    /// Streams the OBJ text through `flush` (called with about a megabyte at a time; it must
    /// empty the buffer) and returns the MTL text and texture files.
    func encode(_ input: Scene, mtlName: String, flush: (inout [UInt8]) -> Void) -> (mtl: [UInt8]?, textures: [(name: String, bytes: [UInt8])]) {
        // Images made as pixels are encoded here, when written, not where they were made.
        let scene = input.encodingPixelImages()
        var textureFiles = TextureFileNamer(scene: scene, writeFiles: options.writeTextures, reserved: [mtlName.lowercased()])
        let materialNames = OBJWriter.uniqueNames(scene.materials.enumerated().map { TextFormatting.objName($0.element.name, fallback: "material\($0.offset)") })
        var needsDefault = false
        var out: [UInt8] = []
        out.reserveCapacity(OBJWriter.flushSize + 4096)
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
                let counts = writeVertices(primitive, positions: positions, matrix: matrix, to: &out, flush: flush)
                writeFaces(primitive, base: base, counts: counts, mirrored: matrix.determinant3x3 < 0, to: &out, flush: flush)
                base.v += counts.v
                base.vt += counts.vt
                base.vn += counts.vn
            }
        }
        var mtl: [UInt8]?
        if usesMaterials || !scene.materials.isEmpty {
            mtl = encodeMTL(scene, names: materialNames, needsDefault: needsDefault, textures: &textureFiles)
        }
        flush(&out)
        return (mtl, textureFiles.files)
    }

    static let defaultMaterialName = "oyster_default"
    /// Text is handed on in pieces of about this size.
    static let flushSize = 1 << 20

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

    private func writeVertices(_ p: Primitive, positions: DataArray, matrix: Mat4, to out: inout [UInt8],
                               flush: (inout [UInt8]) -> Void) -> (v: Int, vt: Int, vn: Int) {
        let count = positions.count
        let pos = OBJWriter.components(positions, 3)
        let colors = p.attributes["COLOR_0"].flatMap { $0.count == count ? OBJWriter.components($0, 3) : nil }
        let m = matrix.m
        for i in 0..<count {
            let x = pos[i * 3], y = pos[i * 3 + 1], z = pos[i * 3 + 2]
            out.append(0x76)
            out.append(0x20)
            appendVec3(Vec3(m[0] * x + m[4] * y + m[8] * z + m[12],
                            m[1] * x + m[5] * y + m[9] * z + m[13],
                            m[2] * x + m[6] * y + m[10] * z + m[14]), to: &out)
            if let colors {
                out.append(0x20)
                appendVec3(Vec3(colors[i * 3], colors[i * 3 + 1], colors[i * 3 + 2]), to: &out)
            }
            out.append(0x0A)
            if out.count >= OBJWriter.flushSize { flush(&out) }
        }
        var vt = 0
        if let uv = p.attributes["TEXCOORD_0"], uv.count == count {
            let t = OBJWriter.components(uv, 2)
            for i in 0..<count {
                out.append(0x76)
                out.append(0x74)
                out.append(0x20)
                TextFormatting.appendFloat(t[i * 2], to: &out)
                out.append(0x20)
                TextFormatting.appendFloat(1 - t[i * 2 + 1], to: &out)
                out.append(0x0A)
                if out.count >= OBJWriter.flushSize { flush(&out) }
            }
            vt = count
        }
        var vn = 0
        if let normals = p.attributes["NORMAL"], normals.count == count {
            let n = OBJWriter.components(normals, 3)
            let nm = (matrix.inverse.map(OBJWriter.transposed) ?? matrix).m
            for i in 0..<count {
                let x = n[i * 3], y = n[i * 3 + 1], z = n[i * 3 + 2]
                out.append(0x76)
                out.append(0x6E)
                out.append(0x20)
                appendVec3(normalize(Vec3(nm[0] * x + nm[4] * y + nm[8] * z,
                                          nm[1] * x + nm[5] * y + nm[9] * z,
                                          nm[2] * x + nm[6] * y + nm[10] * z)), to: &out)
                out.append(0x0A)
                if out.count >= OBJWriter.flushSize { flush(&out) }
            }
            vn = count
        }
        return (count, vt, vn)
    }

    /// The first `width` components of every element, as floats (de-normalized).
    static func components(_ a: DataArray, _ width: Int) -> [Float] {
        let all = a.floats()
        let n = a.componentsPerElement
        if n == width { return all }
        var out = [Float](repeating: 0, count: a.count * width)
        for i in 0..<a.count { for c in 0..<min(n, width) { out[i * width + c] = all[i * n + c] } }
        return out
    }

    private func writeFaces(_ p: Primitive, base: (v: Int, vt: Int, vn: Int), counts: (v: Int, vt: Int, vn: Int),
                            mirrored: Bool, to out: inout [UInt8], flush: (inout [UInt8]) -> Void) {
        let indices = p.triangleIndices()
        var t = 0
        while t + 2 < indices.count {
            let a = Int(indices[t]), b = Int(indices[mirrored ? t + 2 : t + 1]), c = Int(indices[mirrored ? t + 1 : t + 2])
            t += 3
            guard a < counts.v, b < counts.v, c < counts.v else { continue }
            out.append(0x66)
            appendCorner(a, base, counts, &out)
            appendCorner(b, base, counts, &out)
            appendCorner(c, base, counts, &out)
            out.append(0x0A)
            if out.count >= OBJWriter.flushSize { flush(&out) }
        }
    }

    /// ` v`, ` v/vt`, ` v//vn` or ` v/vt/vn` for vertex `k` of the current primitive.
    @inline(__always) private func appendCorner(_ k: Int, _ base: (v: Int, vt: Int, vn: Int), _ counts: (v: Int, vt: Int, vn: Int), _ out: inout [UInt8]) {
        out.append(0x20)
        TextFormatting.appendInt(base.v + k + 1, to: &out)
        if counts.vt > 0 || counts.vn > 0 { out.append(0x2F) }
        if counts.vt > 0 { TextFormatting.appendInt(base.vt + k + 1, to: &out) }
        if counts.vn > 0 {
            out.append(0x2F)
            TextFormatting.appendInt(base.vn + k + 1, to: &out)
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
