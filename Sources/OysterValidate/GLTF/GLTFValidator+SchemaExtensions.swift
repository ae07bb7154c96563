import OysterCore
import OysterJSON

// MARK: - Schema stage: extension objects

/// Where each supported extension may appear.
private let extensionPlaces: [String: Set<ObjectKind>] = [
    "EXT_mesh_gpu_instancing": [.node],
    "EXT_texture_webp": [.texture],
    "KHR_animation_pointer": [.animationChannelTarget],
    "KHR_lights_punctual": [.root, .node],
    "KHR_materials_anisotropy": [.material],
    "KHR_materials_clearcoat": [.material],
    "KHR_materials_dispersion": [.material],
    "KHR_materials_emissive_strength": [.material],
    "KHR_materials_ior": [.material],
    "KHR_materials_iridescence": [.material],
    "KHR_materials_pbrSpecularGlossiness": [.material],
    "KHR_materials_sheen": [.material],
    "KHR_materials_specular": [.material],
    "KHR_materials_transmission": [.material],
    "KHR_materials_unlit": [.material],
    "KHR_materials_variants": [.root, .primitive],
    "KHR_materials_volume": [.material],
    "KHR_mesh_quantization": [],
    "KHR_node_visibility": [.node],
    "KHR_texture_transform": [.textureInfo],
]

extension GLTFValidator {
    /// Checks an object's `extensions`: declared, allowed here, well-typed. Returns the supported
    /// extension objects allowed on this kind, for the caller to read.
    @discardableResult
    func parseExtensions(_ o: Obj, _ kind: ObjectKind) -> [String: Obj] {
        guard let v = o["extensions"] else { return [:] }
        guard case .object(let eo) = v else {
            ctx.add(.typeMismatch, o.at("extensions"), "Property value \(describe(v)) is not a 'object'.")
            return [:]
        }
        var out: [String: Obj] = [:]
        let base = o.at("extensions")
        for m in eo.members {
            let p = ptr(base, m.key)
            if !doc.extensionsUsed.contains(m.key) {
                ctx.add(.undeclaredExtension, p, "Extension '\(m.key)' is not declared in extensionsUsed.")
                continue
            }
            guard case .object(let xo) = m.value else {
                ctx.add(.typeMismatch, p, "Property value \(describe(m.value)) is not a 'object'.")
                continue
            }
            guard let places = extensionPlaces[m.key] else { continue }
            guard places.contains(kind) else {
                ctx.add(.unexpectedExtensionObject, p, "Extension '\(m.key)' is not allowed here.")
                continue
            }
            let x = Obj(xo, p, ctx)
            out[m.key] = x
            if kind == .root { doc.rootExtensions.insert(m.key); parseRootExtension(m.key, x) }
        }
        return out
    }

    // MARK: root extensions

    private func parseRootExtension(_ name: String, _ x: Obj) {
        switch name {
        case "KHR_lights_punctual":
            x.checkMembers(["lights"])
            doc.lights = (x.objects("lights", req: true) ?? []).map { $0.map(parseLight) }
        case "KHR_materials_variants":
            x.checkMembers(["variants"])
            let vs = x.objects("variants", req: true) ?? []
            for v in vs {
                guard let v else { continue }
                v.checkMembers(["name"])
                _ = v.string("name", req: true)
                parseExtensions(v, .other)
            }
            doc.variantsCount = vs.count
        default: break
        }
    }

    private func parseLight(_ o: Obj) -> Light {
        o.checkMembers(["color", "intensity", "spot", "type", "range", "name"])
        _ = o.string("name")
        parseExtensions(o, .other)
        let type = o.string("type", req: true, list: ["directional", "point", "spot"])
        _ = o.numbers("color", lengths: [3], min: 0, max: 1)
        _ = o.number("intensity", min: 0)
        if o.number("range", min: 0, exclusiveMin: true) != nil, type == "directional" {
            ctx.add(.extraProperty, o.at("range"))
        }
        if let s = o.object("spot") {
            s.checkMembers(["innerConeAngle", "outerConeAngle"])
            parseExtensions(s, .other)
            let inner = s.number("innerConeAngle", min: 0, max: Double.pi / 2) ?? 0
            let outer = s.number("outerConeAngle", min: 0, max: Double.pi / 2, exclusiveMin: true) ?? Double.pi / 4
            if type != nil, type != "spot" {
                ctx.add(.extraProperty, o.at("spot"))
            } else if outer <= inner {
                ctx.add(.khrLightsPunctualLightSpotAngles, s.at("outerConeAngle"), "outerConeAngle (\(outer)) is not greater than innerConeAngle (\(inner)).")
            }
        } else if type == "spot" {
            ctx.add(.undefinedProperty, o.here, "Property 'spot' must be defined.")
        }
        return Light(p: o.p, type: type)
    }

    // MARK: material extensions

    func parseMaterialExtensions(_ ext: [String: Obj], into m: inout Material) {
        // unlit and specular-glossiness replace the material model; others may not combine with them.
        if let all = ext.first?.value, let names = ctxExtensionNames(all), names.count > 1 {
            for name in ["KHR_materials_pbrSpecularGlossiness", "KHR_materials_unlit"] where names.contains(name) {
                ctx.add(.multipleExtensions, ptr(String(all.p[..<(all.p.lastIndex(of: "/") ?? all.p.endIndex)]), name))
            }
        }
        for (name, x) in ext.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "KHR_materials_anisotropy":
                x.checkMembers(["anisotropyStrength", "anisotropyRotation", "anisotropyTexture"])
                _ = x.number("anisotropyStrength", min: 0, max: 1)
                _ = x.number("anisotropyRotation")
                if let t = textureInfo(x, "anisotropyTexture") {
                    m.textures.append(t)
                    if let n = m.textures.first(where: { $0.p.hasSuffix("/normalTexture") }), n.texCoord != t.texCoord {
                        ctx.add(.khrMaterialsAnisotropyTextureTexcoord, t.p)
                    }
                }
                m.needsTangentSpace = true
            case "KHR_materials_clearcoat":
                x.checkMembers(["clearcoatFactor", "clearcoatTexture", "clearcoatRoughnessFactor", "clearcoatRoughnessTexture", "clearcoatNormalTexture"])
                _ = x.number("clearcoatFactor", min: 0, max: 1)
                _ = x.number("clearcoatRoughnessFactor", min: 0, max: 1)
                if let t = textureInfo(x, "clearcoatTexture") { m.textures.append(t) }
                if let t = textureInfo(x, "clearcoatRoughnessTexture") { m.textures.append(t) }
                if let t = textureInfo(x, "clearcoatNormalTexture", extra: ["scale"]) {
                    m.textures.append(t)
                    m.needsTangentSpace = true
                    if let n = m.textures.first(where: { $0.p.hasSuffix("/normalTexture") }), n.texCoord != t.texCoord {
                        ctx.add(.khrMaterialsClearcoatNormalTextureTexcoord, t.p)
                    }
                }
            case "KHR_materials_dispersion":
                x.checkMembers(["dispersion"])
                _ = x.number("dispersion", min: 0)
                if ext["KHR_materials_volume"] == nil && !m.hasUnknownExtensions { ctx.add(.khrMaterialsDispersionNoVolume, x.p) }
            case "KHR_materials_emissive_strength":
                x.checkMembers(["emissiveStrength"])
                // A strength other than 1 on a zero factor multiplies nothing (reference:
                // khr_materials_emissive_strength.dart; an invalid strength is not judged).
                let strength = x.has("emissiveStrength") ? x.number("emissiveStrength", min: 0) : 1
                if let strength, strength != 1, m.emissiveFactorIsZero { ctx.add(.khrMaterialsEmissiveStrengthZeroFactor, x.p) }
            case "KHR_materials_ior":
                x.checkMembers(["ior"])
                if let v = x["ior"] {
                    if let d = v.doubleValue {
                        if !(d == 0 || d >= 1) { ctx.add(.valueNotInRange, x.at("ior"), "Value \(d) is out of range.") }
                    } else {
                        _ = x.number("ior")
                    }
                }
            case "KHR_materials_iridescence":
                x.checkMembers(["iridescenceFactor", "iridescenceTexture", "iridescenceIor", "iridescenceThicknessMinimum", "iridescenceThicknessMaximum", "iridescenceThicknessTexture"])
                _ = x.number("iridescenceFactor", min: 0, max: 1)
                _ = x.number("iridescenceIor", min: 1)
                let tmin = x.number("iridescenceThicknessMinimum", min: 0)
                let tmax = x.number("iridescenceThicknessMaximum", min: 0)
                if let t = textureInfo(x, "iridescenceTexture") { m.textures.append(t) }
                let thicknessTexture = textureInfo(x, "iridescenceThicknessTexture")
                if let t = thicknessTexture { m.textures.append(t) }
                if (tmax ?? 400) < (tmin ?? 100) {
                    ctx.add(.khrMaterialsIridescenceThicknessRangeInvalid, x.at(tmin != nil ? "iridescenceThicknessMinimum" : "iridescenceThicknessMaximum"))
                } else if thicknessTexture == nil && tmin != nil {
                    ctx.add(.khrMaterialsIridescenceThicknessRangeWithoutTexture, x.at("iridescenceThicknessMinimum"))
                } else if let t = thicknessTexture, (tmin ?? 100) == (tmax ?? 400) {
                    ctx.add(.khrMaterialsIridescenceThicknessTextureUnused, t.p)
                }
            case "KHR_materials_pbrSpecularGlossiness":
                x.checkMembers(["diffuseFactor", "diffuseTexture", "specularFactor", "glossinessFactor", "specularGlossinessTexture"])
                _ = x.numbers("diffuseFactor", lengths: [4], min: 0, max: 1)
                _ = x.numbers("specularFactor", lengths: [3], min: 0, max: 1)
                _ = x.number("glossinessFactor", min: 0, max: 1)
                if let t = textureInfo(x, "diffuseTexture") { m.textures.append(t) }
                if let t = textureInfo(x, "specularGlossinessTexture") { m.textures.append(t) }
            case "KHR_materials_sheen":
                x.checkMembers(["sheenColorFactor", "sheenColorTexture", "sheenRoughnessFactor", "sheenRoughnessTexture"])
                _ = x.numbers("sheenColorFactor", lengths: [3], min: 0, max: 1)
                _ = x.number("sheenRoughnessFactor", min: 0, max: 1)
                if let t = textureInfo(x, "sheenColorTexture") { m.textures.append(t) }
                if let t = textureInfo(x, "sheenRoughnessTexture") { m.textures.append(t) }
            case "KHR_materials_specular":
                x.checkMembers(["specularFactor", "specularTexture", "specularColorFactor", "specularColorTexture"])
                _ = x.number("specularFactor", min: 0, max: 1)
                _ = x.numbers("specularColorFactor", lengths: [3], min: 0)
                if let t = textureInfo(x, "specularTexture") { m.textures.append(t) }
                if let t = textureInfo(x, "specularColorTexture") { m.textures.append(t) }
            case "KHR_materials_transmission":
                x.checkMembers(["transmissionFactor", "transmissionTexture"])
                _ = x.number("transmissionFactor", min: 0, max: 1)
                if let t = textureInfo(x, "transmissionTexture") { m.textures.append(t) }
            case "KHR_materials_unlit":
                x.checkMembers([])
            case "KHR_materials_volume":
                x.checkMembers(["thicknessFactor", "thicknessTexture", "attenuationDistance", "attenuationColor"])
                let thickness = x.has("thicknessFactor") ? x.number("thicknessFactor", min: 0) : 0
                _ = x.number("attenuationDistance", min: 0, exclusiveMin: true)
                _ = x.numbers("attenuationColor", lengths: [3], min: 0, max: 1)
                if let t = textureInfo(x, "thicknessTexture") { m.textures.append(t) }
                if ext["KHR_materials_transmission"] == nil && ext["KHR_materials_diffuse_transmission"] == nil && !m.hasUnknownExtensions {
                    ctx.add(.khrMaterialsVolumeNoTransmission, x.p)
                }
                // Only a volume with thickness is affected by double-sidedness (khr_materials_volume.dart).
                if m.doubleSided, let thickness, thickness > 0 { ctx.add(.khrMaterialsVolumeDoubleSided, x.p) }
            default: break
            }
        }
    }

    /// Names of all extensions on the object an extension object belongs to.
    private func ctxExtensionNames(_ x: Obj) -> [String]? {
        guard let m = doc.currentExtensionNames else { return nil }
        return m
    }

    // MARK: KHR_animation_pointer

    /// The reference validator (khr_animation_pointer.dart) checks the pointer's syntax and the
    /// channel target's node and path, and reports every such target as incompletely validated:
    /// whether the pointer names an animatable property is not checked there, so not here either.
    func checkAnimationPointerTarget(_ t: Obj, _ ch: AnimationChannel) {
        guard let x = t.object("extensions")?.object("KHR_animation_pointer") else { return }
        x.checkMembers(["pointer"])
        if let p = x.string("pointer", req: true), !Self.isJSONPointer(p) {
            ctx.add(.patternMismatch, x.at("pointer"), "Value '\(p)' does not match regexp pattern '^(?:\\/(?:[^/~]|~0|~1)*)*$'.")
        }
        ctx.add(.incompleteExtensionSupport, x.p, "Validation support for this extension is incomplete; the asset may have undetected issues.")
        if t.has("node") { ctx.add(.khrAnimationPointerChannelTargetNode, x.p) }
        if let path = t["path"]?.stringValue, path != "pointer" { ctx.add(.khrAnimationPointerChannelTargetPath, x.p) }
    }

    /// RFC 6901 syntax: empty, or "/"-led tokens in which "~" is followed by 0 or 1.
    static func isJSONPointer(_ p: String) -> Bool {
        let b = Array(p.utf8)
        guard b.isEmpty || b[0] == 0x2F else { return false }
        var i = 0
        while i < b.count {
            if b[i] == 0x7E {
                guard i + 1 < b.count, b[i + 1] == 0x30 || b[i + 1] == 0x31 else { return false }
                i += 2
            } else {
                i += 1
            }
        }
        return true
    }
}
