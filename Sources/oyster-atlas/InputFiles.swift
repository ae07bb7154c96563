import Foundation

/// Image files named on the command line, folders expanded (recursively, sorted by path so the
/// output is the same on every machine).
struct InputFile {
    /// The path to read.
    var path: String
    /// The frame name: the file name, or the path below the folder that was named.
    var name: String
}

func collectImageFiles(_ inputs: [String]) throws -> [InputFile] {
    let fm = FileManager.default
    let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "jpe"]
    var out: [InputFile] = []
    for input in inputs {
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
            throw ToolError.input(input, "no such file or folder")
        }
        if !isDir.boolValue {
            out.append(InputFile(path: input, name: (input as NSString).lastPathComponent))
            continue
        }
        guard let walker = fm.enumerator(atPath: input) else { throw ToolError.input(input, "cannot list folder") }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
            let ext = (rel as NSString).pathExtension.lowercased()
            guard imageExtensions.contains(ext), !(rel as NSString).lastPathComponent.hasPrefix(".") else { continue }
            found.append(rel)
        }
        found.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let base = input.hasSuffix("/") ? input : input + "/"
        out += found.map { InputFile(path: base + $0, name: $0) }
    }
    return out
}
