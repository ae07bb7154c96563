import Foundation
import OysterCore
import OysterImage
import OysterGLTF
import OysterJSON
import OysterOBJ

/// Validates glTF/GLB, OBJ/MTL and image files, producing Khronos-shaped reports.
public enum Validator {
    /// The version written into reports.
    public static let version = "oyster-validate 0.1 (Khronos glTF-Validator 2.0.0-dev.3.11 rules and codes)"

    /// File kinds the validator knows, by extension.
    public static let supportedExtensions: Set<String> = ["gltf", "glb", "obj", "mtl", "png", "jpg", "jpeg"]

    /// Unreadable input (missing file, permission, a folder).
    public struct ReadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Validates the file at `path`.
    public static func validate(path: String, options: ValidationOptions = ValidationOptions()) throws(ReadError) -> ValidationReport {
        if (path as NSString).pathExtension.lowercased() == "obj" {
            // The OBJ reader maps the file and checks it in parallel slices: no copy in memory.
            guard FileIO.entryExists(path) else { throw ReadError(path: path, reason: "no such file") }
            let log: DiagnosticLog
            do { log = try objReader(options).validate(path: path) } catch {
                throw ReadError(path: path, reason: (error as? OBJError)?.message ?? "\(error)")
            }
            return report(uri: path, mimeType: "model/obj", log: log, options: options)
        }
        let data: [UInt8]
        do { data = try FileIO.read(path) } catch { throw ReadError(path: path, reason: error.missing ? "no such file" : error.reason) }
        let base = (path as NSString).deletingLastPathComponent
        return validate(bytes: data, uri: path, baseDirectory: base.isEmpty ? "." : base, options: options)
    }

    /// Validates in-memory bytes; `uri`'s extension picks the format (GLB is also sniffed).
    public static func validate(bytes: [UInt8], uri: String, baseDirectory: String? = nil, options: ValidationOptions = ValidationOptions()) -> ValidationReport {
        let ext = (uri as NSString).pathExtension.lowercased()
        let ctx = IssueContext()
        let loader = ExternalResources(baseDirectory: baseDirectory)
        var report: ValidationReport
        let isGLB = ext == "glb" || (bytes.count >= 4 && bytes[0..<4] == [0x67, 0x6C, 0x54, 0x46])
        switch ext {
        case "obj", "mtl":
            let name = (uri as NSString).lastPathComponent
            let reader = objReader(options)
            let log = ext == "obj" ? reader.validate(bytes: bytes, name: name, folder: baseDirectory)
                                   : reader.validateMTL(bytes: bytes, name: name, folder: baseDirectory)
            return Self.report(uri: uri, mimeType: ext == "obj" ? "model/obj" : "model/mtl", log: log, options: options)
        case "png", "jpg", "jpeg", "webp":
            report = ValidationReport(uri: uri, mimeType: OysterCore.Image.sniffMimeType(Array(bytes.prefix(16))) ?? "application/octet-stream")
            checkStandaloneImage(bytes, ctx, options)
        default:
            report = ValidationReport(uri: uri, mimeType: isGLB ? "model/gltf-binary" : "model/gltf+json")
            report.info = validateGLTF(bytes, isGLB: isGLB, ctx: ctx, loader: loader, options: options)
        }
        options.shape(ctx.issues, into: &report)
        return report
    }

    // MARK: - OBJ and MTL (the OBJ reader's validation mode)

    /// The OBJ reader set up for checking: it keeps at most `maxIssues` diagnostics of each code
    /// (counting the rest), which is all a report of `maxIssues` issues can list.
    static func objReader(_ options: ValidationOptions) -> OBJReader {
        var o = OBJReader.Options(threads: options.threads)
        o.loadTextures = false
        o.maxDiagnosticsPerCode = options.maxIssues
        return OBJReader(options: o)
    }

    static func report(uri: String, mimeType: String, log: DiagnosticLog, options: ValidationOptions) -> ValidationReport {
        var report = ValidationReport(uri: uri, mimeType: mimeType)
        options.shape(log.diagnostics, omitted: log.omitted, into: &report)
        return report
    }

    static func validateGLTF(_ bytes: [UInt8], isGLB: Bool, ctx: IssueContext, loader: ExternalResources, options: ValidationOptions) -> AssetInfo? {
        var json: ArraySlice<UInt8> = bytes[...]
        var container: GLB.Container?
        if isGLB {
            // The one GLB container parser (OysterGLTF), with the Khronos codes it reports.
            let glb = GLB.read(bytes)
            ctx.issues += glb.diagnostics
            guard let j = glb.json else { return nil }
            json = j
            container = glb
        }
        let root: JSONValue
        do {
            // The one JSON parser, read as the reference's Dart decoder reads: strict UTF-8,
            // out-of-range numbers as infinity (reported later where the schema limits them).
            var limits = JSONLimits(maxDepth: 512)
            limits.infiniteNumbers = true
            root = try JSONParser.parse(json, limits: limits)
        } catch {
            ctx.add(.invalidJson, "", "Invalid JSON data. Parser output: \(Self.khronosWording(error))")
            return nil
        }
        guard case .object(let object) = root else {
            ctx.add(.typeMismatch, "", "Property value \(describe(root)) is not a 'object'.")
            return nil
        }
        let document = GLTFDocument(json: object, glb: container, binChunk: container?.bin)
        return GLTFValidator(ctx: ctx, options: options, loader: loader, document: document).run()
    }

    /// Validates a glTF document another tool already parsed (the reader's raw form): every
    /// stage after JSON syntax, over the same structures the reader resolves a Scene from.
    /// GLB container findings the document carries are reported as they are.
    public static func validate(document: GLTFDocument, uri: String, baseDirectory: String? = nil,
                                options: ValidationOptions = ValidationOptions()) -> ValidationReport {
        let ctx = IssueContext()
        ctx.issues += document.glb?.diagnostics ?? []
        var report = ValidationReport(uri: uri, mimeType: document.glb != nil ? "model/gltf-binary" : "model/gltf+json")
        report.info = GLTFValidator(ctx: ctx, options: options, loader: ExternalResources(baseDirectory: baseDirectory), document: document).run()
        options.shape(ctx.issues, into: &report)
        return report
    }

    /// A syntax error in the words of the reference validator's report (Dart's
    /// FormatException), with the offset relative to the JSON text.
    static func khronosWording(_ error: JSONError) -> String {
        switch error.kind {
        case .byteOrderMark: return "BOM found at the beginning of UTF-8 stream."
        case .unexpectedEnd: return "FormatException: Unexpected end of input (at offset \(error.offset))"
        case .invalidUTF8: return "FormatException: Invalid UTF-8 byte (at offset \(error.offset))"
        case .depthExceeded, .sizeExceeded, .stringTooLong: return "\(error.message) (at offset \(error.offset))"
        default: return "FormatException: Unexpected character (at offset \(error.offset))"
        }
    }
}
