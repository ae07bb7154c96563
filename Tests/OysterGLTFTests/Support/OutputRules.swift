import OysterCore
import OysterJSON
@testable import OysterGLTF

/// Checks written glTF against the glTF 2.0 rules a writer controls (the ones the Khronos
/// validator reports as errors or warnings for writers): layout, alignment, required bounds,
/// declared extensions, no empty arrays. Returns one line per problem.
enum OutputRules {
    static func problems(glb: [UInt8]) -> [String] {
        let container = GLB.read(glb)
        guard container.json != nil else { return ["GLB container unreadable"] }
        // Every container finding (length, alignment, chunk order) is a writer's mistake.
        var out = container.diagnostics.map { "GLB: \($0.code) \($0.message)" }
        if let json = container.json, json.startIndex % 4 != 0 { out.append("GLB JSON chunk unaligned") }
        if let bin = container.bin, bin.startIndex % 4 != 0 { out.append("GLB BIN chunk unaligned") }
        guard let doc = try? GLTFDocument.parse(glb) else { return out + ["GLB JSON unreadable"] }
        let binLength = container.bin?.count ?? 0
        if let bytes = doc.array("buffers").first?["byteLength"]?.intValue, bytes > binLength || binLength - bytes > 3 {
            out.append("buffer 0 byteLength \(bytes) vs BIN chunk \(binLength)")
        }
        return out + problems(json: .object(doc.json), bufferLengths: [binLength])
    }

    static func problems(json root: JSONValue, bufferLengths: [Int]) -> [String] {
        var out: [String] = []
        noEmptyArrays(root, "", &out)
        let views = root["bufferViews"]?.arrayValue ?? []
        let accessors = root["accessors"]?.arrayValue ?? []
        for (i, v) in views.enumerated() {
            let offset = v["byteOffset"]?.intValue ?? 0, length = v["byteLength"]?.intValue ?? -1
            let buffer = v["buffer"]?.intValue ?? -1
            if !bufferLengths.indices.contains(buffer) || offset + length > bufferLengths[buffer] { out.append("bufferView \(i) outside its buffer") }
            if length < 1 { out.append("bufferView \(i) byteLength < 1") }
            if let s = v["byteStride"]?.intValue, s % 4 != 0 || s < 4 || s > 252 { out.append("bufferView \(i) bad byteStride \(s)") }
            if v["byteStride"] != nil && v["target"]?.intValue == 34963 { out.append("bufferView \(i) index view with byteStride") }
        }
        var vertexAccessors = Set<Int>(), indexAccessors = Set<Int>(), boundedAccessors = Set<Int>()
        for mesh in root["meshes"]?.arrayValue ?? [] {
            for p in mesh["primitives"]?.arrayValue ?? [] {
                for set in [p["attributes"]] + (p["targets"]?.arrayValue ?? []).map({ Optional($0) }) {
                    for m in set?.objectValue?.members ?? [] {
                        guard let a = m.value.intValue else { continue }
                        vertexAccessors.insert(a)
                        if m.key == "POSITION" { boundedAccessors.insert(a) }
                    }
                }
                if let i = p["indices"]?.intValue { indexAccessors.insert(i) }
            }
        }
        for anim in root["animations"]?.arrayValue ?? [] {
            for s in anim["samplers"]?.arrayValue ?? [] { if let i = s["input"]?.intValue { boundedAccessors.insert(i) } }
        }
        for (i, a) in accessors.enumerated() {
            guard let ct = a["componentType"]?.intValue, let type = a["type"]?.stringValue.flatMap(ElementType.init(rawValue:)),
                  let component = ComponentType(rawValue: ct), let count = a["count"]?.intValue else {
                out.append("accessor \(i) malformed")
                continue
            }
            if count < 1 { out.append("accessor \(i) count < 1") }
            if boundedAccessors.contains(i) && (a["min"] == nil || a["max"] == nil) { out.append("accessor \(i) needs min/max") }
            if let mn = a["min"]?.arrayValue, mn.count != type.componentCount { out.append("accessor \(i) min length") }
            if indexAccessors.contains(i) && (type != .scalar || ct == 5121 || ct == 5126) { out.append("accessor \(i) index type \(ct)") }
            guard let vi = a["bufferView"]?.intValue else { continue }
            guard views.indices.contains(vi) else { out.append("accessor \(i) view missing"); continue }
            let view = views[vi]
            let offset = a["byteOffset"]?.intValue ?? 0
            let total = (view["byteOffset"]?.intValue ?? 0) + offset
            if total % component.byteSize != 0 { out.append("accessor \(i) misaligned") }
            let layout = ElementLayout(component, type)
            let stride = view["byteStride"]?.intValue ?? layout.paddedSize
            if offset + stride * (count - 1) + layout.paddedSize > (view["byteLength"]?.intValue ?? 0) { out.append("accessor \(i) too long") }
            let target = view["target"]?.intValue
            if vertexAccessors.contains(i) {
                if total % 4 != 0 || stride % 4 != 0 { out.append("accessor \(i) vertex data not 4-byte aligned") }
                if target != 34962 { out.append("accessor \(i) vertex view target \(String(describing: target))") }
            } else if indexAccessors.contains(i) {
                if target != 34963 { out.append("accessor \(i) index view target") }
            } else if target != nil {
                out.append("accessor \(i) non-vertex view has a target")
            }
        }
        // Every extension object must be declared.
        var names = Set<String>()
        collectExtensionNames(root, isExtensions: false, &names)
        let used = Set((root["extensionsUsed"]?.arrayValue ?? []).compactMap(\.stringValue))
        for n in names.subtracting(used) { out.append("extension \(n) not in extensionsUsed") }
        for r in (root["extensionsRequired"]?.arrayValue ?? []).compactMap(\.stringValue) where !used.contains(r) {
            out.append("required \(r) not used")
        }
        if root["asset"]?["version"] != "2.0" { out.append("asset.version") }
        if let images = root["images"]?.arrayValue {
            for (i, im) in images.enumerated() where im["bufferView"] != nil && im["mimeType"] == nil { out.append("image \(i) lacks mimeType") }
        }
        return out
    }

    static func noEmptyArrays(_ v: JSONValue, _ path: String, _ out: inout [String]) {
        switch v {
        case .array(let a):
            // A scene may legitimately list no nodes only by omitting "nodes"; empty arrays are never needed.
            if a.isEmpty { out.append("empty array at \(path)") }
            for (i, e) in a.enumerated() { noEmptyArrays(e, "\(path)/\(i)", &out) }
        case .object(let o):
            // Carried extensions and extras are the source's business.
            for m in o.members where m.key != "extras" && m.key != "extensions" { noEmptyArrays(m.value, "\(path)/\(m.key)", &out) }
        default: break
        }
    }

    static func collectExtensionNames(_ v: JSONValue, isExtensions: Bool, _ names: inout Set<String>) {
        switch v {
        case .object(let o):
            for m in o.members {
                if isExtensions { names.insert(m.key) }
                collectExtensionNames(m.value, isExtensions: m.key == "extensions", &names)
            }
        case .array(let a):
            for e in a { collectExtensionNames(e, isExtensions: false, &names) }
        default: break
        }
    }
}
