import OysterCore

/// A texture statement of an MTL library, with the library it is in (for checks of its file).
struct MTLReference {
    var map: MTLMap
    /// The library's folder, relative to the model's.
    var folder: String
    /// The library's path, relative to the model's folder (for diagnostics).
    var file: String
}

// MARK: - Validation mode

extension OBJReader {
    /// Checks the OBJ file at `path` and the MTL libraries and texture files it names, with the
    /// reader's own parser: every problem is a diagnostic with file:line and reading goes on.
    ///
    /// What converting would refuse — a malformed statement (`OBJ_MALFORMED_STATEMENT`), an
    /// index that is 0 or names no element (`OBJ_INDEX_OUT_OF_RANGE`, the face is dropped) — is
    /// an error; what converting would work around (degenerate faces, skipped statements,
    /// missing or refused libraries and textures, undefined materials, MTL syntax and unknown
    /// statements, corners mixing present and absent vt/vn) keeps its reader severity. Nothing is
    /// built: no vertex data is kept, texture files are located but not read, and no primitive
    /// is assembled, so checking is faster than converting. The result is the same for any
    /// thread count and slice size. `Options.maxDiagnosticsPerCode` bounds what is kept.
    ///
    /// - Throws: `OBJError` only when the file itself cannot be opened.
    public func validate(path: String) throws -> DiagnosticLog {
        let file = try MappedFile(path: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let folder = AtomicFile.parentDirectory(of: path)
        return validate(base: file.base, count: file.count, file: file, name: name, folder: folder.isEmpty ? "." : folder)
    }

    /// Checks OBJ text from memory (see `validate(path:)`); `folder` (if given) is where MTL
    /// libraries and textures are.
    public func validate(bytes: [UInt8], name: String = "model.obj", folder: String? = nil) -> DiagnosticLog {
        bytes.withUnsafeBytes { raw in
            validate(base: raw.baseAddress, count: raw.count, file: nil, name: name, folder: folder)
        }
    }

    /// Checks an MTL library on its own: its statements and whether the texture files it names
    /// exist (relative to `folder`, if given). Diagnostics about the library itself carry no
    /// `file`; those about its statements carry their line.
    public func validateMTL(bytes: [UInt8], name: String = "model.mtl", folder: String? = nil) -> DiagnosticLog {
        var parser = MTLParser(fileName: name, strict: true)
        let materials = parser.parse(bytes)
        var resolver = MTLMaterialResolver(root: folder, loadTextures: false, maxTextureBytes: options.maxFileBytes)
        for map in parser.mapStatements { resolver.checkFile(map, mtlFolder: "", mtlFile: name) }
        var seen = Set<String>()
        var duplicates: [Diagnostic] = []
        for m in materials where !seen.insert(m.name).inserted {
            duplicates.append(DiagnosticCode.mtlDuplicateMaterial.diagnostic(
                "material '\(m.name)' defined again; the first definition is used", at: .line(m.line)))
        }
        var log = DiagnosticLog(limitPerCode: options.maxDiagnosticsPerCode)
        for var d in parser.diagnostics + duplicates + resolver.diagnostics {
            if d.file == name { d.file = nil }
            log.append(d)
        }
        log.stableSort { ($0.location.lineNumber ?? .max) < ($1.location.lineNumber ?? .max) }
        return log
    }

    // MARK: - Pipeline

    private func validate(base: UnsafeRawPointer?, count: Int, file: MappedFile?, name: String, folder: String?) -> DiagnosticLog {
        var assembler = OBJAssembler(fileName: name, byteCount: count, validating: true,
                                     diagnosticLimit: options.maxDiagnosticsPerCode)
        if let base, count > 0 {
            let runner = OBJSliceRunner(base: base.assumingMemoryBound(to: UInt8.self), count: count,
                                        sliceSize: options.sliceSize, file: file, assembler: assembler)
            assembler = OBJAssembler(fileName: name, byteCount: 0)
            // Validating, merging records problems instead of throwing.
            try? runner.run(threads: options.threads > 0 ? options.threads : OBJReader.onlineCores())
            swap(&assembler, &runner.assembler)
        }
        assembler.finishValidation()
        var log = assembler.log
        guard options.loadMaterials else { return log }

        var libraryDiagnostics: [Diagnostic] = []
        var references: [MTLReference] = []
        let libraries = loadLibraries(assembler.libraries, folder: folder, diagnostics: &libraryDiagnostics,
                                      validating: true, references: &references)
        log.append(contentsOf: libraryDiagnostics)
        var resolver = MTLMaterialResolver(root: folder, loadTextures: false, maxTextureBytes: options.maxFileBytes)
        for r in references { resolver.checkFile(r.map, mtlFolder: r.folder, mtlFile: r.file) }
        log.append(contentsOf: resolver.diagnostics)

        checkAttributesMaterialsNeed(assembler, libraries, into: &log)

        for use in assembler.materialUses where libraries[use.name] == nil {
            if assembler.libraries.isEmpty {
                // One finding for the file, as converting gives.
                log.append(.objMaterialUndefined, "usemtl without mtllib: '\(use.name)' and any other material get default factors",
                           at: .line(use.line))
                break
            }
            log.append(.objMaterialUndefined, "material '\(use.name)' is not defined in any loaded MTL library; default factors used",
                       at: .line(use.line))
        }
        return log
    }

    /// Converting adds zero texture coordinates to textured primitives whose faces have no
    /// `vt`, and smooth normals where a normal map meets faces without `vn`; the same warnings
    /// here, from the material definitions (a map whose file is missing is reported already).
    private func checkAttributesMaterialsNeed(_ a: OBJAssembler, _ libraries: [String: (material: MTLMaterial, folder: String, file: String)],
                                              into log: inout DiagnosticLog) {
        var texcoords = 0, normals = 0
        for b in a.primitives where b.corners > 0 {
            guard let m = b.material, let def = libraries[a.materials[m]]?.material else { continue }
            if b.withTexcoord == 0 && !def.maps.keys.filter(MTLParser.glTFMapKeywords.contains).isEmpty { texcoords += 1 }
            if b.withNormal == 0 && (def.maps["norm"] != nil || def.maps["map_bump"] != nil) { normals += 1 }
        }
        if texcoords > 0 {
            log.append(.objPartialAttribute, "\(texcoords) textured primitive(s) had no texture coordinates (faces without vt); zero TEXCOORD_0 added")
        }
        if normals > 0 {
            log.append(.objPartialAttribute, "\(normals) primitive(s) with a normal map had no normals (faces without vn); smooth normals generated")
        }
    }
}

extension DiagnosticLocation {
    /// The line, for text-file locations.
    var lineNumber: Int? {
        if case .line(let l) = self { return l }
        return nil
    }
}
