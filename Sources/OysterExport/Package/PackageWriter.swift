import Foundation
import OysterCore
import OysterJSON
import OysterProcess
import OysterValidate

/// What a package write did: the files and the validation warnings.
public struct PackageWriteResult: Sendable {
    /// Package-relative paths, sorted; `manifest.json` last.
    public var files: [String]
    /// One line per file with validation warnings.
    public var warnings: [String]
}

/// Writes a package: every file into a staging folder beside the output, validates each
/// there, then moves them into place (each rename atomic) and writes `manifest.json` last, so
/// a failed export leaves no half-written package and a package with a manifest is complete.
public struct PackageWriter: Sendable {
    /// The package folder.
    public var folder: String

    public init(folder: String) { self.folder = folder }

    public func write(_ package: ExportPackage) throws -> PackageWriteResult {
        let staging = Self.stagingFolder(for: folder)
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        do {
            for f in package.files { try AtomicFile.write(f.bytes, to: staging + "/" + f.path) }
        } catch { throw ExportError.unwritable(path: folder, message: "\(error)") }

        // MARK: Validate what was staged
        var warnings: [String] = []
        var validation: [(String, JSONValue)] = []
        for f in package.files {
            let report: ValidationReport
            do { report = try Validator.validate(path: staging + "/" + f.path) } catch {
                throw ExportError.invalidOutput(file: folder + "/" + f.path, message: "cannot be validated: \(error)")
            }
            if report.numErrors > 0 {
                let first = report.issues.first { $0.severity == .error }
                throw ExportError.invalidOutput(file: folder + "/" + f.path,
                    message: "\(report.numErrors) validation error(s); first: \(first.map { "\($0.code): \($0.message)" } ?? "?")")
            }
            if report.numWarnings > 0 { warnings.append("\(folder)/\(f.path): \(report.numWarnings) validation warning(s)") }
            validation.append((f.path, .object(JSONObject([("errors", .int(0)), ("warnings", .int(Int64(report.numWarnings))),
                                                          ("infos", .int(Int64(report.numInfos)))]))))
        }

        // MARK: Commit
        do {
            try AtomicFile.makeDirectories(folder)
            for f in package.files {
                let destination = folder + "/" + f.path
                try AtomicFile.makeDirectories(AtomicFile.parentDirectory(of: destination))
                guard rename(staging + "/" + f.path, destination) == 0 else {
                    throw ExportError.unwritable(path: destination, message: String(cString: strerror(errno)))
                }
            }
            let manifest = ExportManifest(package: package, validation: validation).json
            try AtomicFile.write(JSONWriter.write(manifest, pretty: true) + [0x0A], to: folder + "/manifest.json")
        } catch let error as ExportError { throw error } catch { throw ExportError.unwritable(path: folder, message: "\(error)") }
        return PackageWriteResult(files: package.files.map(\.path) + ["manifest.json"], warnings: warnings)
    }

    /// A folder beside the output (same file system, so renames are atomic).
    static func stagingFolder(for output: String) -> String {
        var trimmed = output
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + ".oyster-export-partial"
    }
}
