import Foundation
import OysterCore
import OysterOBJ

// MARK: - OBJ/MTL line checks (statements, indices, referenced files)
// OBJ: Wavefront "Object Files (.obj)" appendix B1; MTL: appendix B1 "Material Library File".

private let objStatements: Set<String> = ["v", "vt", "vn", "vp", "f", "l", "p", "o", "g", "s", "usemtl", "mtllib", "cstype", "deg", "bmat", "step", "curv", "curv2", "surf", "parm", "trim", "hole", "scrv", "sp", "end", "con", "mg", "bevel", "c_interp", "d_interp", "lod", "shadow_obj", "trace_obj", "ctech", "stech", "maplib", "usemap"]
/// MTL statements other than texture maps, lower-cased (MTL keywords are case-insensitive).
private let mtlStatements: Set<String> = ["newmtl", "ka", "kd", "ks", "ke", "ns", "ni", "d", "tr", "tf", "illum", "sharpness", "pr", "pm", "ps", "pc", "pcr", "aniso", "anisor"]
/// Texture-map statements: the OBJ reader's own list (so the validator never calls a map the
/// reader uses "unknown") plus the PBR extension's maps it does not load.
private let mtlMapStatements: Set<String> = OBJReader.mtlMapKeywords.union(["map_pc", "map_pcr", "map_ni", "map_aniso", "map_anisor"])

struct OBJChecker {
    let ctx: IssueContext
    let loader: ResourceLoader

    private func add(_ code: DiagnosticCode, _ line: Int, _ msg: String, file: String? = nil) {
        ctx.issues.append(code.diagnostic(msg, at: .line(line), file: file))
    }

    func check(_ bytes: [UInt8], isMTL: Bool) {
        if isMTL { _ = checkMTL(bytes, file: nil); return }
        var counts = (v: 0, vt: 0, vn: 0)
        var materials: Set<String>? = nil
        var usedMaterials: [(String, Int)] = []
        forEachLine(bytes) { lineNo, words in
            guard let head = words.first else { return }
            switch head {
            case "v", "vn", "vt":
                let need = head == "vt" ? 1 : 3
                if words.count - 1 < need || words.dropFirst().contains(where: { Double($0) == nil }) {
                    add(.objMalformedStatement, lineNo, "'\(head)' needs \(need) numbers.")
                }
                if head == "v" { counts.v += 1 } else if head == "vt" { counts.vt += 1 } else { counts.vn += 1 }
            case "f", "l", "p":
                var seen = Set<Int>()
                var broken = false
                let refs = words.dropFirst()
                for r in refs {
                    let parts = r.split(separator: "/", omittingEmptySubsequences: false)
                    for (k, part) in parts.enumerated() where !part.isEmpty {
                        let limit = k == 0 ? counts.v : k == 1 ? counts.vt : counts.vn
                        guard let i = Int(part) else { add(.objMalformedStatement, lineNo, "'\(r)' is not a vertex reference."); broken = true; continue }
                        let resolved = i < 0 ? limit + i + 1 : i
                        if i == 0 || resolved < 1 || resolved > limit {
                            add(.objIndexOutOfRange, lineNo, "Index \(i) in '\(r)' is out of range (1...\(limit)).")
                            broken = true
                        } else if k == 0 {
                            seen.insert(resolved)
                        }
                    }
                }
                if head == "f" && !broken && (refs.count < 3 || seen.count < 3) {
                    add(.objDegenerateFace, lineNo, "Face has \(seen.count) distinct vertices.")
                }
            case "mtllib":
                for name in words.dropFirst() {
                    guard let data = readReferenced(name, lineNo, missing: .objMaterialLibraryMissing) else { continue }
                    materials = (materials ?? []).union(checkMTL(data, file: name))
                }
            case "usemtl":
                if words.count > 1 { usedMaterials.append((words[1], lineNo)) }
            default:
                if !objStatements.contains(head) { add(.objUnsupportedStatement, lineNo, "Unknown statement '\(head)'.") }
            }
        }
        if let materials {
            for (m, line) in usedMaterials where !materials.contains(m) {
                add(.objMaterialUndefined, line, "Material '\(m)' is not defined by the MTL files.")
            }
        }
    }

    /// Checks an MTL file; returns the material names it defines.
    private func checkMTL(_ bytes: [UInt8], file: String?) -> Set<String> {
        var names = Set<String>()
        forEachLine(bytes) { lineNo, words in
            guard let head = words.first else { return }
            if head == "newmtl" {
                if words.count > 1 { names.insert(words[1]) }
            } else if mtlStatements.contains(head.lowercased()) {
                return
            } else if !mtlMapStatements.contains(head.lowercased()) {
                add(.mtlUnsupported, lineNo, "Unknown MTL statement '\(head)'.", file: file)
            } else {
                // The texture path is the last word; options (-bm 1, -o u v) come first.
                if let path = words.last, words.count > 1, !path.hasPrefix("-") { _ = readReferenced(path, lineNo, file: file, load: false, missing: .objTextureMissing) }
            }
        }
        return names
    }

    private func readReferenced(_ name: String, _ line: Int, file: String? = nil, load: Bool = true, missing: DiagnosticCode) -> [UInt8]? {
        do throws(ResourceLoader.Failure) {
            let p = try loader.path(for: name)
            if !load {
                // Texture references only need to exist.
                guard FileManager.default.fileExists(atPath: p) else { throw ResourceLoader.Failure.missing(name) }
                return []
            }
            return try loader.read(name)
        } catch .outside {
            add(.objPathRefused, line, "'\(name)' leaves the asset's folder; not read.", file: file)
        } catch {
            add(missing, line, "'\(name)' not found.", file: file)
        }
        return nil
    }

    private func forEachLine(_ bytes: [UInt8], _ body: (Int, [String]) -> Void) {
        var lineNo = 0
        var pending = ""
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            var s = String(decoding: raw, as: UTF8.self)
            if s.hasSuffix("\r") { s.removeLast() }
            if let hash = s.firstIndex(of: "#") { s = String(s[..<hash]) }
            if s.hasSuffix("\\") { pending += s.dropLast() + " "; continue }
            let words = (pending + s).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            pending = ""
            body(lineNo, words)
        }
    }
}
