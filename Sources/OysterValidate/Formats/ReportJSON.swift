import OysterCore
import OysterJSON

// MARK: - JSON report (the Khronos glTF-Validator's report shape)

extension ValidationReport {
    /// The report as a Khronos-shaped JSON object, pretty-printed with stable key order.
    public func jsonText(indent: Int = 0) -> String {
        var w = JSONTextWriter(level: indent)
        writeJSON(&w)
        return w.out
    }

    func writeJSON(_ w: inout JSONTextWriter) {
        w.open("{")
        w.key("uri"); w.string(uri)
        w.key("mimeType"); w.string(mimeType)
        w.key("validatorVersion"); w.string(Validator.version)
        w.key("issues"); w.open("{")
        w.key("numErrors"); w.raw(String(numErrors))
        w.key("numWarnings"); w.raw(String(numWarnings))
        w.key("numInfos"); w.raw(String(numInfos))
        w.key("numHints"); w.raw(String(numHints))
        w.key("messages"); w.open("[")
        for d in issues {
            w.element(); w.open("{")
            w.key("code"); w.string(d.code)
            w.key("message"); w.string(d.message)
            w.key("severity"); w.raw(String(d.severity.rawValue))
            switch d.location {
            case .pointer(let p): w.key("pointer"); w.string(p)
            case .offset(let o): w.key("offset"); w.raw(String(o))
            case .line(let l): w.key("line"); w.raw(String(l))
            case .none: break
            }
            if let f = d.file { w.key("file"); w.string(f) }
            w.close("}")
        }
        w.close("]")
        w.key("truncated"); w.raw(truncated ? "true" : "false")
        w.close("}")
        if let info {
            w.key("info"); w.open("{")
            if let v = info.version { w.key("version"); w.string(v) }
            if let v = info.minVersion { w.key("minVersion"); w.string(v) }
            if let g = info.generator { w.key("generator"); w.string(g) }
            if !info.extensionsUsed.isEmpty {
                w.key("extensionsUsed"); w.open("[")
                for e in info.extensionsUsed { w.element(); w.string(e) }
                w.close("]")
            }
            w.key("resources"); w.open("[")
            for r in info.resources {
                w.element(); w.open("{")
                w.key("pointer"); w.string(r.pointer)
                if let m = r.mimeType { w.key("mimeType"); w.string(m) }
                if let s = r.storage { w.key("storage"); w.string(s) }
                if let u = r.uri { w.key("uri"); w.string(u) }
                if let b = r.byteLength { w.key("byteLength"); w.raw(String(b)) }
                if let width = r.imageWidth, let height = r.imageHeight {
                    w.key("image"); w.open("{")
                    w.key("width"); w.raw(String(width))
                    w.key("height"); w.raw(String(height))
                    if let f = r.imageFormat { w.key("format"); w.string(f) }
                    if let b = r.imageBits { w.key("bits"); w.raw(String(b)) }
                    w.close("}")
                }
                w.close("}")
            }
            w.close("]")
            w.key("animationCount"); w.raw(String(info.animationCount))
            w.key("materialCount"); w.raw(String(info.materialCount))
            w.key("hasMorphTargets"); w.raw(String(info.hasMorphTargets))
            w.key("hasSkins"); w.raw(String(info.hasSkins))
            w.key("hasTextures"); w.raw(String(info.hasTextures))
            w.key("hasDefaultScene"); w.raw(String(info.hasDefaultScene))
            w.key("drawCallCount"); w.raw(String(info.drawCallCount))
            w.key("totalVertexCount"); w.raw(String(info.totalVertexCount))
            w.key("totalTriangleCount"); w.raw(String(info.totalTriangleCount))
            w.key("maxUVs"); w.raw(String(info.maxUVs))
            w.key("maxInfluences"); w.raw(String(info.maxInfluences))
            w.key("maxAttributes"); w.raw(String(info.maxAttributes))
            w.close("}")
        }
        w.close("}")
    }
}

/// Several reports as one JSON array.
public func jsonText(of reports: [ValidationReport]) -> String {
    var w = JSONTextWriter(level: 0)
    w.open("[")
    for r in reports { w.element(); r.writeJSON(&w) }
    w.close("]")
    return w.out
}

/// A small pretty-printing JSON writer with RFC 8259 string escaping.
struct JSONTextWriter {
    var out = ""
    var level: Int
    private var first = [true]

    init(level: Int) { self.level = level }

    mutating func open(_ c: String) { out += c; level += 1; first.append(true) }
    mutating func close(_ c: String) {
        level -= 1
        let empty = first.removeLast()
        if !empty { newline() }
        out += c
    }
    private mutating func newline() { out += "\n" + String(repeating: "    ", count: level) }
    private mutating func separate() {
        if first[first.count - 1] { first[first.count - 1] = false } else { out += "," }
        newline()
    }
    mutating func key(_ k: String) { separate(); string(k); out += ": " }
    mutating func element() { separate() }
    mutating func raw(_ s: String) { out += s }
    mutating func string(_ s: String) { out += JSONWriter.quoted(s) }
}

