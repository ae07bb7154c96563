import OysterCore
import OysterJSON

/// A loaded buffer, or why it is not available. A GLB BIN chunk is a slice of the file's
/// bytes (indices start at `startIndex`); other buffers are whole arrays.
public typealias GLTFResource = Result<ArraySlice<UInt8>, GLTFError>

extension GLTFDocument {
    /// Loads every `buffers[i]`: the GLB BIN chunk, a data URI, or a file through `loader`.
    ///
    /// A buffer that cannot be used (refused or missing file, bad data URI, less data than its
    /// `byteLength`) becomes a `.failure`; reading fails only when an accessor needs it.
    /// Refused URIs are reported as warnings in `diagnostics`.
    public func loadBuffers(loader: ResourceLoader?, options: GLTFReadOptions, diagnostics: inout [Diagnostic]) -> [GLTFResource] {
        array("buffers").enumerated().map { index, value in
            loadBuffer(index, value, loader: loader, options: options, diagnostics: &diagnostics)
        }
    }

    func loadBuffer(_ index: Int, _ value: JSONValue, loader: ResourceLoader?, options: GLTFReadOptions, diagnostics: inout [Diagnostic]) -> GLTFResource {
        let label = "buffer \(index)"
        let pointer = "/buffers/\(index)"
        guard let object = value.objectValue else {
            return .failure(GLTFError("\(label): is not an object", code: .typeMismatch, pointer: pointer))
        }
        guard let byteLength = object["byteLength"]?.intValue, byteLength >= 1 else {
            return .failure(GLTFError("\(label): byteLength is missing or not a positive integer", code: .undefinedProperty, pointer: pointer))
        }
        let data: ArraySlice<UInt8>
        if let uri = object["uri"] {
            guard let uriString = uri.stringValue else {
                return .failure(GLTFError("\(label): uri is not a string", code: .typeMismatch, pointer: pointer + "/uri"))
            }
            switch loadURI(uriString, label: label, pointer: pointer + "/uri", loader: loader, options: options, diagnostics: &diagnostics) {
            case .success(let (bytes, _)): data = bytes[...]
            case .failure(let error): return .failure(error)
            }
        } else if index == 0, let bin = binChunk {
            data = bin
        } else if glb == nil {
            // A .gltf buffer without uri is valid glTF (the Khronos validator accepts it): its
            // bytes were never written. Read them as zeros so what refers to them still
            // converts, and say so; a claimed size over the resource limit is not allocated.
            guard byteLength <= options.maxResourceSize else {
                return .failure(GLTFError("\(label): has no uri and claims \(byteLength) bytes, over the limit of \(options.maxResourceSize)",
                    code: .bufferMissingGlbData, pointer: pointer))
            }
            diagnostics.append(Diagnostic(code: DiagnosticCode.bufferWithoutData.id, severity: .warning,
                message: "\(label): has no uri, so its \(byteLength) bytes are read as zeros", location: .pointer(pointer)))
            data = ArraySlice(repeatElement(0, count: byteLength))
        } else {
            let why = glb == nil ? "has no uri" : "has no uri and the GLB has no BIN chunk for it"
            return .failure(GLTFError("\(label): \(why)", code: .bufferMissingGlbData, pointer: pointer))
        }
        guard data.count >= byteLength else {
            return .failure(GLTFError("\(label): byteLength is \(byteLength) but only \(data.count) bytes are available",
                code: .bufferByteLengthMismatch, pointer: pointer + "/byteLength"))
        }
        return .success(data)
    }

    /// The bytes a URI refers to (and the data URI's media type), after the safety checks.
    /// Refused URIs add a warning; missing files fail.
    public func loadURI(_ uri: String, label: String, pointer: String, loader: ResourceLoader?, options: GLTFReadOptions,
                        diagnostics: inout [Diagnostic]) -> Result<([UInt8], String?), GLTFError> {
        let resolved: ResourceURI
        do {
            resolved = try URIPolicy.resolve(uri, allowUnsafe: options.allowUnsafeURIs)
        } catch let error as GLTFError {
            diagnostics.append(Diagnostic(code: error.code, severity: .warning, message: "\(label): \(error.message)", location: .pointer(pointer)))
            return .failure(GLTFError("\(label): \(error.message)", codeID: error.code, pointer: pointer))
        } catch {
            return .failure(GLTFError("\(label): \(error)", code: .invalidUri, pointer: pointer))
        }
        switch resolved {
        case .data(let mime, let bytes):
            return .success((bytes, mime))
        case .relativePath(let path):
            guard let loader else {
                return .failure(GLTFError("\(label): '\(path)' cannot be read without a folder", code: .ioError, pointer: pointer))
            }
            let found: Int?
            do {
                found = try loader.size(of: path)
            } catch {
                let message = "\(label): \((error as? GLTFError)?.message ?? "\(error)")"
                let code = (error as? GLTFError)?.code ?? DiagnosticCode.ioError.id
                diagnostics.append(Diagnostic(code: code, severity: .warning, message: message, location: .pointer(pointer)))
                return .failure(GLTFError(message, codeID: code, pointer: pointer))
            }
            guard let size = found else {
                diagnostics.append(Diagnostic(code: DiagnosticCode.ioError.id, severity: .warning, message: "\(label): file '\(path)' not found", location: .pointer(pointer)))
                return .failure(GLTFError("\(label): file '\(path)' not found", code: .ioError, pointer: pointer))
            }
            guard size <= options.maxResourceSize else {
                return .failure(GLTFError("\(label): file '\(path)' is \(size) bytes, over the limit of \(options.maxResourceSize)", code: .ioError, pointer: pointer))
            }
            do {
                return .success((try loader.read(path), nil))
            } catch {
                return .failure(GLTFError("\(label): file '\(path)': \(error)", code: .ioError, pointer: pointer))
            }
        }
    }
}
