import Foundation
import OysterCLI
import OysterCore
import OysterGLTF
import OysterJSON
import OysterOBJ
import OysterProcess
import OysterValidate

/// What an export wrote and the figures it reports.
struct ExportResult {
    var before: ProcessStatistics
    var after: ProcessStatistics
    /// Package-relative paths, sorted; manifest.json last.
    var files: [String]
    var warnings: [String]
}

extension ExportRun {
    /// Processes `input`, writes every file into a staging folder beside the output, validates
    /// them, then moves them into place (each rename atomic) and writes manifest.json last.
    func run(_ input: Scene) throws -> ExportResult {
        let before = ProcessStatistics(input)
        let processed = try process(input)
        let after = ProcessStatistics(processed.final)

        // MARK: Files, in memory first (deterministic bytes; nothing on disk yet)
        var files: [(path: String, bytes: [UInt8])] = []
        var textureNames: [Int: String] = [:]
        for (i, image) in processed.base.images.enumerated() {
            guard let data = image.data, !data.isEmpty else { continue }
            let ext = Image.fileExtension(forMimeType: image.mimeType ?? Image.sniffMimeType(data))
            let file = "textures/\(image.name ?? "image\(i)").\(ext)"
            textureNames[i] = file
            files.append((file, data))
        }
        if settings.obj {
            let objFiles = OBJWriter().encode(processed.base, mtlName: "\(name).mtl")
            files.append(("obj/\(name).obj", objFiles.obj))
            if let mtl = objFiles.mtl { files.append(("obj/\(name).mtl", mtl)) }
            for t in objFiles.textures { files.append(("obj/\(t.name)", t.bytes)) }
        }
        // The writer's structural check names the broken object; a failure here is a pass bug.
        do { try GLTFWriter.check(processed.final) } catch {
            throw ToolFailure(.inputHasErrors, file: outputFolder + "/\(name).glb", "processed scene is invalid: \(error)")
        }
        files.append(("\(name).glb", GLTFWriter().encodeGLB(processed.final)))
        files.sort { $0.path < $1.path }

        // MARK: Stage, validate, commit
        let staging = Self.stagingFolder(for: outputFolder)
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        do {
            for f in files {
                let path = staging + "/" + f.path
                try AtomicFile.write(f.bytes, to: path)
            }
        } catch { throw ToolFailure.unwritable(outputFolder, "\(error)") }
        var warnings: [String] = []
        var validation: [(String, JSONValue)] = []
        for f in files {
            let report: ValidationReport
            do { report = try Validator.validate(path: staging + "/" + f.path) } catch {
                throw ToolFailure(.inputHasErrors, file: outputFolder + "/" + f.path, "cannot be validated: \(error)")
            }
            if report.numErrors > 0 {
                let first = report.issues.first { $0.severity == .error }
                throw ToolFailure(.inputHasErrors, file: outputFolder + "/" + f.path,
                                  "\(report.numErrors) validation error(s); first: \(first.map { "\($0.code): \($0.message)" } ?? "?")")
            }
            if report.numWarnings > 0 { warnings.append("\(outputFolder)/\(f.path): \(report.numWarnings) validation warning(s)") }
            validation.append((f.path, .object(JSONObject([("errors", .int(0)), ("warnings", .int(Int64(report.numWarnings))),
                                                          ("infos", .int(Int64(report.numInfos)))]))))
        }
        do {
            try AtomicFile.makeDirectories(outputFolder)
            for f in files {
                let destination = outputFolder + "/" + f.path
                try AtomicFile.makeDirectories(AtomicFile.parentDirectory(of: destination))
                guard rename(staging + "/" + f.path, destination) == 0 else {
                    throw ToolFailure.unwritable(destination, String(cString: strerror(errno)))
                }
            }
            let manifest = manifestJSON(files: files, processed: processed, before: before, after: after, validation: validation)
            try AtomicFile.write(JSONWriter.write(manifest, pretty: true) + [0x0A], to: outputFolder + "/manifest.json")
        } catch let failure as ToolFailure { throw failure } catch { throw ToolFailure.unwritable(outputFolder, "\(error)") }
        return ExportResult(before: before, after: after, files: files.map(\.path) + ["manifest.json"], warnings: warnings)
    }

    /// A folder beside the output (same file system, so renames are atomic).
    static func stagingFolder(for output: String) -> String {
        var trimmed = output
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + ".oyster-export-partial"
    }

    // MARK: - Manifest

    func manifestJSON(files: [(path: String, bytes: [UInt8])], processed: Processed, before: ProcessStatistics,
                      after: ProcessStatistics, validation: [(String, JSONValue)]) -> JSONValue {
        let fileList: [JSONValue] = files.map { f in
            .object(JSONObject([("path", .string(f.path)), ("size", .int(Int64(f.bytes.count))), ("sha256", .string(SHA256.hex(f.bytes)))]))
        }
        var afterFigures = after.jsonValue.objectValue ?? JSONObject()
        afterFigures["renderedDrawCalls"] = .int(Int64(processed.rendered.drawCalls))
        afterFigures["renderedTriangles"] = .int(Int64(processed.rendered.triangles))
        let atlasFiles = files.map(\.path).filter { $0.hasPrefix("textures/atlas-") }
        return .object(JSONObject([
            ("generator", .string("oyster-export")),
            ("name", .string(name)),
            ("target", .string(settings.target.rawValue)),
            ("options", .object(JSONObject([("lods", .int(Int64(settings.lods))), ("atlas", .bool(settings.atlas)),
                                            ("maxTexture", .int(Int64(settings.maxTexture))), ("obj", .bool(settings.obj))]))),
            ("conventions", .array(settings.conventions.map { .string($0) })),
            ("atlas", .object(JSONObject([("pages", .int(Int64(processed.atlasPages))), ("files", .array(atlasFiles.map { .string($0) }))]))),
            ("statistics", .object(JSONObject([("before", before.jsonValue), ("after", .object(afterFigures))]))),
            ("passes", .array(processed.passes.map(\.jsonValue))),
            ("notes", .array(processed.notes.map { .string($0) })),
            ("validation", .object(JSONObject(validation))),
            ("files", .array(fileList)),
        ]))
    }
}
