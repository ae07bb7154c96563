#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore

/// Reads Wavefront OBJ + MTL into a `Scene`.
///
/// Each distinct (`o`, `g`) pair becomes a node with one mesh, named after the group, else
/// the object, else the file; each mesh holds one triangle primitive per material. Vertices
/// are welded per primitive by their (v, vt, vn) triple; polygons are triangulated (ear
/// clipping for concave ones); texture V is flipped for glTF; normals are normalized and
/// 0–255 colours scaled. Textured primitives without `vt`/`vn` get the attributes glTF
/// requires (see `Scene.addAttributesRequiredByMaterials`). Textures are loaded as encoded
/// bytes into `Scene.images` (MTL → PBR rules: `MTLMaterialResolver`). Problems that leave a
/// usable scene (missing MTL or texture, skipped `l`/`p` elements) are diagnostics; malformed
/// geometry (index 0 or out of range, unparseable numbers) throws `OBJError` with file:line.
/// `validate(path:)` is the same reader as a checker: every problem is a diagnostic with its
/// line and reading goes on (see `OBJReader+Validation.swift`).
///
/// Speed: the file is memory-mapped and cut into line-aligned slices parsed on every core
/// with a byte-level scanner (SWAR digits, no String per line); slices merge in file order
/// as they finish, so the result is identical for any thread count.
public struct OBJReader: Sendable {
    /// Reader settings.
    public struct Options: Sendable {
        /// Worker threads for parsing; 0 uses every online core.
        public var threads = 0
        /// Bytes per parsing slice (each ends at a line boundary).
        public var sliceSize = 1 << 20
        /// Load MTL libraries and texture files beside the model.
        public var loadMaterials = true
        public var loadTextures = true
        /// Largest texture or MTL file read.
        public var maxFileBytes = 512 << 20
        /// Validating: diagnostics kept per code (the rest are counted); 0 keeps every one.
        public var maxDiagnosticsPerCode = 0

        public init(threads: Int = 0, sliceSize: Int = 1 << 20) {
            self.threads = threads
            self.sliceSize = sliceSize
        }
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Reads the OBJ file at `path`; MTL libraries and textures are looked up beside it.
    public func read(path: String) throws -> (scene: Scene, diagnostics: [Diagnostic]) {
        let file = try MappedFile(path: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let folder = AtomicFile.parentDirectory(of: path)
        return try read(base: file.base, count: file.count, file: file, name: name, folder: folder.isEmpty ? "." : folder)
    }

    /// Reads OBJ text from memory; `folder` (if given) is where MTL libraries and textures are.
    public func read(bytes: [UInt8], name: String = "model.obj", folder: String? = nil) throws -> (scene: Scene, diagnostics: [Diagnostic]) {
        try bytes.withUnsafeBytes { raw in
            try read(base: raw.baseAddress, count: raw.count, file: nil, name: name, folder: folder)
        }
    }

    // MARK: - Pipeline

    private func read(base: UnsafeRawPointer?, count: Int, file: MappedFile?, name: String, folder: String?) throws -> (scene: Scene, diagnostics: [Diagnostic]) {
        var assembler = OBJAssembler(fileName: name, byteCount: count)
        if let base, count > 0 {
            let runner = OBJSliceRunner(base: base.assumingMemoryBound(to: UInt8.self), count: count,
                                        sliceSize: options.sliceSize, file: file, assembler: assembler)
            assembler = OBJAssembler(fileName: name, byteCount: 0)
            try runner.run(threads: options.threads > 0 ? options.threads : OBJReader.onlineCores())
            swap(&assembler, &runner.assembler)
        }
        try assembler.finish()
        var diagnostics = assembler.log.diagnostics
        var scene = Scene()
        var resolver = MTLMaterialResolver(root: folder, loadTextures: options.loadTextures, maxTextureBytes: options.maxFileBytes)
        var references: [MTLReference] = []
        let libraries = options.loadMaterials ? loadLibraries(assembler.libraries, folder: folder, diagnostics: &diagnostics,
                                                              validating: false, references: &references) : [:]
        var reportedMissingLibrary = false
        for materialName in assembler.materials {
            if let def = libraries[materialName] {
                scene.materials.append(resolver.material(def.material, mtlFolder: def.folder, mtlFile: def.file))
            } else {
                scene.materials.append(Material(name: materialName))
                if assembler.libraries.isEmpty {
                    if !reportedMissingLibrary {
                        diagnostics.append(Diagnostic(code: DiagnosticCode.objMaterialUndefined.id, severity: .warning,
                            message: "usemtl without mtllib: '\(materialName)' and any other material get default factors"))
                        reportedMissingLibrary = true
                    }
                } else {
                    diagnostics.append(Diagnostic(code: DiagnosticCode.objMaterialUndefined.id, severity: .warning,
                        message: "material '\(materialName)' is not defined in any loaded MTL library; default factors used"))
                }
            }
        }
        diagnostics += resolver.diagnostics
        scene.images = resolver.images
        scene.textures = resolver.textures
        scene.samplers = resolver.samplers
        scene.extensionsUsed = resolver.extensionsUsed
        buildGraph(&assembler, name: name, into: &scene, diagnostics: &diagnostics)
        let fixed = scene.addAttributesRequiredByMaterials()
        if fixed.texcoords > 0 {
            diagnostics.append(Diagnostic(code: DiagnosticCode.objPartialAttribute.id, severity: .warning,
                message: "\(fixed.texcoords) textured primitive(s) had no texture coordinates (faces without vt); zero TEXCOORD_0 added"))
        }
        if fixed.normals > 0 {
            diagnostics.append(Diagnostic(code: DiagnosticCode.objPartialAttribute.id, severity: .warning,
                message: "\(fixed.normals) primitive(s) with a normal map had no normals (faces without vn); smooth normals generated"))
        }
        return (scene, diagnostics)
    }

    /// Nodes and meshes: one per o/g segment, one primitive per material within it. Consumes
    /// the assembler's buffers as it goes, so they and the scene's copies overlap little.
    private func buildGraph(_ a: inout OBJAssembler, name: String, into scene: inout Scene, diagnostics: inout [Diagnostic]) {
        let stem = OBJPaths.stem(name)
        var bySegment = [[Int]](repeating: [], count: a.segments.count)
        var partial = [Bool](repeating: false, count: a.primitives.count)
        for (i, b) in a.primitives.enumerated() where !b.indices.isEmpty {
            bySegment[b.segment].append(i)
            partial[i] = (b.withNormal > 0 && b.withNormal < b.vertexCount) || (b.withTexcoord > 0 && b.withTexcoord < b.vertexCount)
        }
        var builders: [OBJAssembler.PrimitiveBuilder] = []
        swap(&builders, &a.primitives)
        let built = OBJReader.buildPrimitives(&builders, from: a)
        let segments = a.segments
        a = OBJAssembler(fileName: a.fileName, byteCount: 0)
        var root = SceneRoot()
        for (s, prims) in bySegment.enumerated() where !prims.isEmpty {
            let seg = segments[s]
            let label = seg.group ?? seg.object ?? stem
            var mesh = Mesh(name: label)
            for p in prims {
                mesh.primitives.append(built[p])
                if partial[p] {
                    diagnostics.append(Diagnostic(code: DiagnosticCode.objPartialAttribute.id, severity: .warning,
                        message: "'\(label)': some face corners lack normals or texture coordinates that others have; filled with defaults"))
                }
            }
            scene.meshes.append(mesh)
            root.nodes.append(scene.nodes.count)
            scene.nodes.append(Node(name: label, mesh: scene.meshes.count - 1))
        }
        scene.roots = [root]
        scene.defaultRoot = 0
    }

    /// Builds every primitive's buffers, in parallel across primitives; each builder is
    /// emptied as soon as its primitive exists.
    private static func buildPrimitives(_ builders: inout [OBJAssembler.PrimitiveBuilder], from a: OBJAssembler) -> [Primitive] {
        builders.withUnsafeMutableBufferPointer { slots in
            let shared = BuilderSlots(slots: slots)
            return Parallel.map(slots.count) { i in
                let primitive = a.makePrimitive(shared.slots[i])
                shared.slots[i] = OBJAssembler.PrimitiveBuilder(segment: -1, material: nil)
                return primitive
            }
        }
    }

    static func onlineCores() -> Int { Parallel.coreCount }

    // MARK: - MTL libraries

    /// Reads the `mtllib` files (once each), by material name; the first definition wins.
    /// Validating, MTL parsing is strict and every texture statement is listed in `references`.
    func loadLibraries(_ libs: [(name: String, line: Int)], folder: String?, diagnostics: inout [Diagnostic],
                       validating: Bool, references: inout [MTLReference]) -> [String: (material: MTLMaterial, folder: String, file: String)] {
        var result: [String: (material: MTLMaterial, folder: String, file: String)] = [:]
        var loaded = Set<String>()
        for lib in libs {
            // `mtllib a.mtl b.mtl` names two files, unless the whole text is one file name.
            var names = [lib.name]
            if let folder, lib.name.contains(" "),
               !(OBJPaths.resolve(lib.name, in: "").map { FileIO.isFile(OBJPaths.join(folder, $0)) } ?? false) {
                names = lib.name.split(separator: " ").map(String.init)
            }
            for raw in names {
                guard let relative = OBJPaths.resolve(raw, in: "") else {
                    diagnostics.append(Diagnostic(code: DiagnosticCode.objPathRefused.id, severity: .warning,
                        message: "material library path '\(raw)' leaves the model's folder (absolute or '..'); not read",
                        location: .line(lib.line)))
                    continue
                }
                guard !loaded.contains(relative) else { continue }
                loaded.insert(relative)
                guard let folder else {
                    diagnostics.append(Diagnostic(code: DiagnosticCode.objMaterialLibraryMissing.id, severity: .warning,
                        message: "material library '\(raw)' not loaded (no folder to read it from)", location: .line(lib.line)))
                    continue
                }
                let bytes: [UInt8]
                do {
                    // Case-insensitive fallback for assets made on Windows.
                    let existing = OBJPaths.locate(relative, root: folder) ?? relative
                    bytes = try FileIO.readOBJ(OBJPaths.join(folder, existing), limit: options.maxFileBytes)
                } catch {
                    diagnostics.append(Diagnostic(code: DiagnosticCode.objMaterialLibraryMissing.id, severity: .warning,
                        message: "material library '\(raw)' could not be read (\((error as? OBJError)?.message ?? "\(error)")); its materials get default factors",
                        location: .line(lib.line)))
                    continue
                }
                var parser = MTLParser(fileName: relative, strict: validating)
                let materials = parser.parse(bytes)
                diagnostics += parser.diagnostics
                references += parser.mapStatements.map { MTLReference(map: $0, folder: OBJPaths.folder(of: relative), file: relative) }
                for m in materials {
                    if result[m.name] != nil {
                        diagnostics.append(Diagnostic(code: DiagnosticCode.mtlDuplicateMaterial.id, severity: .information,
                            message: "material '\(m.name)' defined again; the first definition is used", location: .line(m.line), file: relative))
                        continue
                    }
                    result[m.name] = (m, OBJPaths.folder(of: relative), relative)
                }
            }
        }
        return result
    }
}

// MARK: - Small concurrency helpers

/// Builder slots shared by the workers of `buildPrimitives` (each index touched by one worker).
struct BuilderSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<OBJAssembler.PrimitiveBuilder>
}

