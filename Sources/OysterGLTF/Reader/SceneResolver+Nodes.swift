import OysterCore
import OysterJSON

extension SceneResolver {
    // MARK: - Nodes

    mutating func readNode(_ f: JSONFields) throws -> Node {
        var node = Node(name: f.name)
        if let m = try f.floats("matrix", count: 16) {
            node.transform = .matrix(Mat4(columnMajor: m))
        } else {
            let t = try f.floats("translation", count: 3) ?? [0, 0, 0]
            let r = try f.floats("rotation", count: 4) ?? [0, 0, 0, 1]
            let s = try f.floats("scale", count: 3) ?? [1, 1, 1]
            node.transform = .trs(translation: Vec3(t[0], t[1], t[2]), rotation: Quat(x: r[0], y: r[1], z: r[2], w: r[3]), scale: Vec3(s[0], s[1], s[2]))
        }
        let nodeCount = document.array("nodes").count
        node.children = try f.indices("children") ?? []
        for c in node.children { try Self.check(c, nodeCount, "node", f, "children") }
        if let m = try f.index("mesh") { try Self.check(m, scene.meshes.count, "mesh", f, "mesh"); node.mesh = m }
        if let s = try f.index("skin") { try Self.check(s, scene.skins.count, "skin", f, "skin"); node.skin = s }
        if let c = try f.index("camera") { try Self.check(c, scene.cameras.count, "camera", f, "camera"); node.camera = c }
        node.weights = try f.floats("weights")
        var ext = try f.extensions()
        if let value = ext[GLTFExtensions.lightsPunctual] {
            let l = try JSONFields(value, label: "\(f.label) \(GLTFExtensions.lightsPunctual)", pointer: f.pointer + "/extensions/" + GLTFExtensions.lightsPunctual)
            let light = try l.requiredIndex("light")
            try Self.check(light, scene.lights.count, "light", l, "light")
            node.light = light
            ext[GLTFExtensions.lightsPunctual] = nil
        }
        if let value = ext[GLTFExtensions.gpuInstancing] {
            let g = try JSONFields(value, label: "\(f.label) \(GLTFExtensions.gpuInstancing)", pointer: f.pointer + "/extensions/" + GLTFExtensions.gpuInstancing)
            if let attributes = try g.objectField("attributes") {
                node.instancing = try attributeSet(attributes)
            }
            ext[GLTFExtensions.gpuInstancing] = nil
        }
        node.extensions = ext
        node.extras = f.extras
        node.takeRoleFromExtras()
        return node
    }

    /// Each node has at most one parent and the hierarchy has no loop (glTF §3.5.3); writing
    /// such a graph back would produce an invalid file, so it is refused here.
    func checkHierarchy() throws {
        let nodes = scene.nodes
        var parent = [Int](repeating: -1, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            for c in node.children {
                guard parent[c] == -1 else {
                    throw GLTFError("node \(c): is a child of both node \(parent[c]) and node \(i)", code: .nodeParentOverride, pointer: "/nodes/\(i)/children")
                }
                parent[c] = i
            }
        }
        for start in nodes.indices {
            var n = parent[start], steps = 0
            while n != -1 {
                guard n != start, steps <= nodes.count else {
                    throw GLTFError("node \(start): the node hierarchy has a loop", code: .nodeLoop, pointer: "/nodes/\(start)")
                }
                n = parent[n]
                steps += 1
            }
        }
    }

    // MARK: - Skins

    mutating func readSkin(_ f: JSONFields) throws -> Skin {
        let nodeCount = document.array("nodes").count
        guard let joints = try f.indices("joints") else { throw f.fail("joints", "is missing", code: .undefinedProperty) }
        guard !joints.isEmpty else { throw f.fail("joints", "is empty", code: .emptyEntity) }
        for j in joints { try Self.check(j, nodeCount, "node", f, "joints") }
        var skin = Skin(name: f.name, joints: joints, skeleton: try f.index("skeleton"))
        if let s = skin.skeleton { try Self.check(s, nodeCount, "node", f, "skeleton") }
        if let ibm = try f.index("inverseBindMatrices") {
            skin.inverseBindMatrices = try accessor(ibm, for: f.label)
        }
        skin.extensions = try f.extensions()
        skin.extras = f.extras
        return skin
    }

    // MARK: - Animations

    mutating func readAnimation(_ f: JSONFields) throws -> Animation {
        var animation = Animation(name: f.name)
        let nodeCount = scene.nodes.count
        if let samplers = f["samplers"] {
            guard let list = samplers.arrayValue else { throw f.fail("samplers", "must be an array") }
            for (k, value) in list.enumerated() {
                let s = try JSONFields(value, label: "\(f.label) sampler \(k)", pointer: f.pointer + "/samplers/\(k)")
                let input = try accessor(try s.requiredIndex("input"), for: s.label)
                let output = try accessor(try s.requiredIndex("output"), for: s.label)
                var interpolation = Interpolation.linear
                if let name = try s.string("interpolation") {
                    guard let i = Interpolation(rawValue: name) else {
                        throw GLTFError("\(s.label): interpolation '\(name)' is not valid", code: .valueNotInList, pointer: s.pointer + "/interpolation")
                    }
                    interpolation = i
                }
                var sampler = AnimationSampler(input: input, output: output, interpolation: interpolation)
                sampler.extensions = try s.extensions()
                sampler.extras = s.extras
                animation.samplers.append(sampler)
            }
        }
        if let channels = f["channels"] {
            guard let list = channels.arrayValue else { throw f.fail("channels", "must be an array") }
            for (k, value) in list.enumerated() {
                let c = try JSONFields(value, label: "\(f.label) channel \(k)", pointer: f.pointer + "/channels/\(k)")
                let sampler = try c.requiredIndex("sampler")
                try Self.check(sampler, animation.samplers.count, "sampler", c, "sampler")
                guard let target = try c.objectField("target") else { throw c.fail("target", "is missing", code: .undefinedProperty) }
                let node = try target.index("node")
                if let node { try Self.check(node, nodeCount, "node", target, "node") }
                guard let path = try target.string("path") else { throw target.fail("path", "is missing", code: .undefinedProperty) }
                var channel = AnimationChannel(sampler: sampler, node: node, path: AnimationPath(path))
                channel.targetExtensions = try target.extensions()
                channel.targetExtras = target.extras
                channel.extensions = try c.extensions()
                channel.extras = c.extras
                animation.channels.append(channel)
            }
        }
        guard !animation.channels.isEmpty, !animation.samplers.isEmpty else {
            throw GLTFError("\(f.label): needs at least one channel and one sampler", code: .emptyEntity, pointer: f.pointer)
        }
        animation.extensions = try f.extensions()
        animation.extras = f.extras
        return animation
    }
}
