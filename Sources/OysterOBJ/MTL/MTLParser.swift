import OysterCore

/// One `newmtl` block of an MTL file, as written.
struct MTLMaterial {
    var name: String
    var line: Int
    var values: [String: [Float]] = [:]
    var maps: [String: MTLMap] = [:]

    func scalar(_ key: String) -> Float? { values[key]?.first }

    /// A colour statement (`Kd r g b`; one value means grey).
    func color(_ key: String) -> Vec3? {
        guard let v = values[key], let r = v.first else { return nil }
        return v.count >= 3 ? Vec3(r, v[1], v[2]) : Vec3(repeating: r)
    }
}

/// A texture statement (`map_Kd -s 2 2 1 -clamp on tex.png`) with its options.
struct MTLMap {
    var path: String
    var line: Int
    var scale = Vec3(1, 1, 1)
    var offset = Vec3(0, 0, 0)
    var bumpMultiplier: Float?
    var clamp = false
    var channel: String?
}

/// Reads MTL text. Reference: http://paulbourke.net/dataformats/mtl/ and the PBR extension
/// (http://exocortex.com/blog/extending_wavefront_mtl_to_support_pbr).
struct MTLParser {
    let fileName: String
    /// Validating: unknown statements are reported and every texture statement is kept in
    /// `mapStatements` (converting needs only the maps it maps to glTF).
    let strict: Bool
    var diagnostics: [Diagnostic] = []
    /// Strict: every texture statement in file order, duplicates and maps glTF has no use for
    /// included, so a checker can look for each file.
    var mapStatements: [MTLMap] = []

    init(fileName: String, strict: Bool = false) {
        self.fileName = fileName
        self.strict = strict
    }

    /// Statements other than texture maps that MTL files use (lower-cased): classic MTL and the
    /// PBR extension. Only strict parsing looks at this list.
    static let valueKeywords: Set<String> = [
        "ka", "kd", "ks", "ke", "ns", "ni", "d", "tr", "tf", "illum", "sharpness",
        "pr", "pm", "ps", "pc", "pcr", "aniso", "anisor",
    ]
    /// The maps that become glTF textures (`MTLMaterialResolver`): a material with one of these
    /// needs texture coordinates.
    static let glTFMapKeywords: Set<String> = ["map_kd", "map_d", "map_pr", "map_pm", "map_ke", "norm", "map_bump"]
    /// PBR-extension maps the reader has no glTF use for; strict parsing still checks their files.
    static let unusedMapKeywords: Set<String> = ["map_pc", "map_pcr", "map_ni", "map_aniso", "map_anisor"]

    /// Keywords naming texture maps (lower-cased); `bump` is an alias of `map_bump`.
    static let mapKeywords: Set<String> = [
        "map_kd", "map_ka", "map_ks", "map_ke", "map_ns", "map_d", "map_bump", "bump", "norm", "disp", "decal",
        "map_pr", "map_pm", "map_ps", "map_rma", "map_orm", "refl", "map_tr", "map_ao",
    ]
    /// Options of map statements and how many arguments each takes (-1: one to three numbers).
    static let mapOptions: [String: Int] = [
        "-blendu": 1, "-blendv": 1, "-boost": 1, "-mm": 2, "-o": -1, "-s": -1, "-t": -1, "-texres": 1,
        "-clamp": 1, "-bm": 1, "-imfchan": 1, "-type": 1, "-cc": 1,
    ]

    mutating func parse(_ bytes: [UInt8]) -> [MTLMaterial] {
        var materials: [MTLMaterial] = []
        var lineNumber = 0
        var lines: [[UInt8]] = []
        // Lines with continuations joined, CR dropped.
        var current: [UInt8] = []
        var joined = 0
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == asciiBackslash && i + 1 < bytes.count && (bytes[i + 1] == asciiLF || (bytes[i + 1] == asciiCR && i + 2 < bytes.count && bytes[i + 2] == asciiLF)) {
                i += bytes[i + 1] == asciiLF ? 2 : 3
                joined += 1
                current.append(asciiSpace)
                continue
            }
            if c == asciiLF {
                lines.append(current)
                // Keep numbering: a joined line is followed by empty ones for its continuations.
                for _ in 0..<joined { lines.append([]) }
                joined = 0
                current = []
            } else if c != asciiCR {
                current.append(c == asciiTab ? asciiSpace : c)
            }
            i += 1
        }
        if !current.isEmpty { lines.append(current) }
        for raw in lines {
            lineNumber += 1
            var text = String(decoding: raw, as: UTF8.self)
            if let hash = commentStart(text) { text = String(text[..<hash]) }
            let trimmed = text.trimmingSpaces()
            guard !trimmed.isEmpty else { continue }
            let keywordEnd = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
            let keyword = trimmed[..<keywordEnd].lowercased()
            let rest = String(trimmed[keywordEnd...]).trimmingSpaces()
            if keyword == "newmtl" {
                materials.append(MTLMaterial(name: rest, line: lineNumber))
                continue
            }
            if strict && !MTLParser.valueKeywords.contains(keyword) && !MTLParser.mapKeywords.contains(keyword)
                && !MTLParser.unusedMapKeywords.contains(keyword) {
                note(lineNumber, "unknown MTL statement '\(trimmed[..<keywordEnd])' ignored")
                continue
            }
            guard !materials.isEmpty else {
                note(lineNumber, "'\(keyword)' before any newmtl ignored")
                continue
            }
            if MTLParser.mapKeywords.contains(keyword) || (strict && MTLParser.unusedMapKeywords.contains(keyword)) {
                let key = keyword == "bump" ? "map_bump" : keyword
                if let map = parseMap(rest, line: lineNumber) {
                    materials[materials.count - 1].maps[key] = map
                    if strict { mapStatements.append(map) }
                }
                continue
            }
            let tokens = rest.split(separator: " ")
            var values: [Float] = []
            for t in tokens {
                guard let v = Float(t), v.isFinite else {
                    if keyword == "illum" || keyword.hasPrefix("k") || keyword.hasPrefix("t") {
                        break  // `Kd spectral file.rfl`, `Tf xyz …`: not modelled
                    }
                    break
                }
                values.append(v)
            }
            if values.isEmpty {
                if !tokens.isEmpty {
                    diagnostics.append(Diagnostic(code: DiagnosticCode.mtlSyntax.id, severity: .warning,
                                                  message: "unparseable value in '\(keyword) \(rest)' ignored",
                                                  location: .line(lineNumber), file: fileName))
                }
                continue
            }
            materials[materials.count - 1].values[keyword] = values
        }
        return materials
    }

    /// The index of a `#` that starts a comment (at the start or after a space).
    func commentStart(_ s: String) -> String.Index? {
        var previous: Character = " "
        for i in s.indices {
            if s[i] == "#" && previous == " " { return i }
            previous = s[i]
        }
        return nil
    }

    mutating func parseMap(_ text: String, line: Int) -> MTLMap? {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var map = MTLMap(path: "", line: line)
        var i = 0
        while i < tokens.count, tokens[i].hasPrefix("-"), Float(tokens[i]) == nil {
            let option = tokens[i].lowercased()
            i += 1
            guard let arity = MTLParser.mapOptions[option] else {
                note(line, "unknown map option '\(option)' ignored")
                continue
            }
            if arity == -1 {
                var numbers: [Float] = []
                while i < tokens.count, numbers.count < 3, let v = Float(tokens[i]) {
                    numbers.append(v)
                    i += 1
                }
                let x = numbers.first ?? (option == "-s" ? 1 : 0)
                let v = Vec3(x, numbers.count > 1 ? numbers[1] : (option == "-s" ? 1 : 0), numbers.count > 2 ? numbers[2] : (option == "-s" ? 1 : 0))
                if option == "-s" { map.scale = v } else if option == "-o" { map.offset = v }
                continue
            }
            let args = Array(tokens[i..<min(tokens.count, i + arity)])
            i += args.count
            switch option {
            case "-bm": map.bumpMultiplier = args.first.flatMap { Float($0) }
            case "-clamp": map.clamp = args.first?.lowercased() == "on"
            case "-imfchan": map.channel = args.first
            default: break
            }
        }
        map.path = tokens[i...].joined(separator: " ")
        guard !map.path.isEmpty else {
            diagnostics.append(Diagnostic(code: DiagnosticCode.mtlSyntax.id, severity: .warning,
                                          message: "texture statement without a file name ignored", location: .line(line), file: fileName))
            return nil
        }
        return map
    }

    mutating func note(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(code: DiagnosticCode.mtlUnsupported.id, severity: .information,
                                      message: message, location: .line(line), file: fileName))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (tabs are already spaces here).
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
