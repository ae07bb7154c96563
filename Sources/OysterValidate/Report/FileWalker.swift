import Foundation

/// Expands paths: files are kept, folders are walked recursively for supported extensions,
/// sorted by their path inside the folder — so the order (which `--shard` splits) is the same
/// wherever the folder is mounted.
public func collectInputs(_ paths: [String]) -> [String] {
    var out: [String] = []
    for p in paths {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue else { out.append(p); continue }
        var found: [String] = []
        if let e = FileManager.default.enumerator(atPath: p) {
            while let rel = e.nextObject() as? String {
                let ext = (rel as NSString).pathExtension.lowercased()
                if Validator.supportedExtensions.contains(ext) { found.append(rel) }
            }
        }
        out += found.sorted().map { (p as NSString).appendingPathComponent($0) }
    }
    return out
}

/// Validates many files in parallel; results keep the input order.
public func validateAll(_ paths: [String], options: ValidationOptions) -> [Result<ValidationReport, Validator.ReadError>] {
    let results = UnsafeResults(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
        let r: Result<ValidationReport, Validator.ReadError>
        do throws(Validator.ReadError) { r = .success(try Validator.validate(path: paths[i], options: options)) } catch { r = .failure(error) }
        results.set(i, r)
    }
    return results.values.map { $0! }
}

/// Per-index slots written once each from concurrent workers.
private final class UnsafeResults: @unchecked Sendable {
    var values: [Result<ValidationReport, Validator.ReadError>?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<ValidationReport, Validator.ReadError>) { lock.lock(); values[i] = r; lock.unlock() }
}
