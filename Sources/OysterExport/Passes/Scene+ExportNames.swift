import OysterCore
import OysterJSON

// MARK: - Names every engine can use

extension Scene {
    /// Gives every node a unique name made of `[A-Za-z0-9_-]` (engines address nodes by name:
    /// Godot strips `.:@/"%`, Unreal matches `UCX_<Name>` by name, Unity groups `_LOD<n>` by
    /// name). Unnamed mesh nodes take their mesh's name; duplicates get `_2`, `_3`, … in node
    /// order. Returns how many names changed.
    ///
    /// A skin's joints need unique names only within that skin: engines keep one skeleton per
    /// skin (Blender an armature, Godot a Skeleton, Unity and Unreal a rig per mesh) and map
    /// humanoid joints by their names (`hips`, `leftUpperLeg`: VRM, Unity Humanoid), so the
    /// second character's hips stay `hips`. No other node takes a joint's name.
    public mutating func makeNodeNamesUnique() -> Int {
        var changed = 0
        func safe(_ i: Int) -> String {
            let base = Self.safeName(nodes[i].name ?? nodes[i].mesh.flatMap { meshes.indices.contains($0) ? meshes[$0].name : nil } ?? "Node")
            return base.isEmpty ? "Node" : base
        }
        func assign(_ i: Int, _ base: String, in used: inout Set<String>) {
            var name = base
            var k = 2
            while used.contains(name.lowercased()) {
                name = "\(base)_\(k)"
                k += 1
            }
            used.insert(name.lowercased())
            if name != nodes[i].name { changed += 1 }
            nodes[i].name = name
        }
        var isJoint = [Bool](repeating: false, count: nodes.count)
        var jointNames = Set<String>()
        for skin in skins {
            var used = Set<String>()
            for j in skin.joints where nodes.indices.contains(j) && !isJoint[j] {
                isJoint[j] = true
                assign(j, safe(j), in: &used)
                jointNames.insert(nodes[j].name!.lowercased())
            }
        }
        var used = jointNames
        for i in nodes.indices where !isJoint[i] { assign(i, safe(i), in: &used) }
        return changed
    }

    /// `name` with every character outside `[A-Za-z0-9_-]` replaced by `_`.
    public static func safeName(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { s -> Unicode.Scalar in
            let v = s.value
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F || v == 0x2D
            return ok ? s : "_"
        }))
    }
}

// MARK: - Texture file names

extension Scene {
    /// Image names that become the package's texture file names: atlas base colour pages are
    /// `atlas-<n>`, other atlas channels `atlas-<n>-<channel>`, the rest keep a safe name,
    /// unique without regard to case (file systems that ignore case). Returns the image count.
    mutating func nameImagesForPackage() -> Int {
        var used = Set<String>()
        for i in images.indices {
            var stem = Scene.safeName(images[i].name ?? images[i].uri.map { uri in
                let file = uri.split(separator: "/").last.map(String.init) ?? uri
                return file.contains(".") ? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)]) : file
            } ?? "image\(i)")
            if stem.hasPrefix("atlas-"), stem.hasSuffix("-baseColor") { stem = String(stem.dropLast("-baseColor".count)) }
            if stem.isEmpty { stem = "image\(i)" }
            var name = stem
            var k = 2
            while used.contains(name.lowercased()) { name = "\(stem)_\(k)"; k += 1 }
            used.insert(name.lowercased())
            images[i].name = name
        }
        return images.count
    }
}

// MARK: - Looping animations (Godot)

extension Scene {
    /// Appends `-loop` to animations whose every channel ends where it starts (the Godot 3
    /// importer loops animations named `*-loop` / `*_loop`). Returns the renamed count.
    mutating func markLoopingAnimations() -> Int {
        var renamed = 0
        for a in animations.indices where animations[a].loops {
            let name = animations[a].name ?? "Animation\(a)"
            guard !name.hasSuffix("-loop"), !name.hasSuffix("_loop") else { continue }
            animations[a].name = name + "-loop"
            renamed += 1
        }
        return renamed
    }
}

extension Animation {
    /// True when every sampler's last keyframe value equals its first (within 1e-4); a
    /// rotation's last quaternion may be the first's negation (the same rotation: keys kept on
    /// one hemisphere round a whole turn, as a walked loop's heading, end on the other side).
    var loops: Bool {
        guard !samplers.isEmpty else { return false }
        let rotations = Set(channels.filter { $0.path == .rotation }.map(\.sampler))
        for (index, s) in samplers.enumerated() {
            let frames = s.input.count
            guard frames >= 2 else { return false }
            let values = s.output.floats()
            // CUBICSPLINE stores in-tangent, value, out-tangent per keyframe.
            let per = values.count / max(1, s.interpolation == .cubicSpline ? frames * 3 : frames)
            guard per > 0 else { return false }
            let stride = s.interpolation == .cubicSpline ? per * 3 : per
            let firstStart = s.interpolation == .cubicSpline ? per : 0
            let lastStart = (frames - 1) * stride + firstStart
            guard lastStart + per <= values.count else { return false }
            func same(_ sign: Float) -> Bool { (0..<per).allSatisfy { abs(values[firstStart + $0] - sign * values[lastStart + $0]) <= 1e-4 } }
            guard same(1) || (rotations.contains(index) && per == 4 && same(-1)) else { return false }
        }
        return true
    }
}
