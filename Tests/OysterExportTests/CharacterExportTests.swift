import OysterCore
import OysterGen
import OysterGLTF
import Testing
@testable import OysterExport
import OysterTestSupport

/// World positions of the joints at `bones` (indices into one skeleton of `skeleton` joints)
/// of every skeleton at `time` of animation `name` (or its Godot `-loop` name); empty without
/// that animation. A skin lists one skeleton, or a crowd's skeletons one after another.
func jointPositions(_ scene: Scene, _ name: String, at time: Float, bones: [Int], skeleton: Int) -> [Vec3] {
    guard let a = scene.animations.firstIndex(where: { $0.name == name || $0.name == name + "-loop" }) else { return [] }
    let pose = scene.pose(at: time, animation: a)
    return scene.skins.flatMap { skin in
        stride(from: 0, to: skin.joints.count, by: skeleton).flatMap { first in
            bones.map { b -> Vec3 in
                let m = pose.worldMatrices[skin.joints[first + b]]
                return Vec3(m.m[12], m.m[13], m.m[14])
            }
        }
    }
}

/// Characters through every export target: the written GLB (validated by the exporter, where
/// an error fails the export) reads back with its skins, VRM joint names, weights and clips,
/// and its walk poses the feet where the generated scene does.
@Suite("Character export")
struct CharacterExportTests {
    static let roles: [CharacterRole] = [.villager, .knight, .skeleton]
    static let scene: Scene = {
        var recipe = Recipe()
        recipe.textureResolution = 64
        return Characters.lineup(roles, recipe: recipe)
    }()

    /// World positions of both ankles of every character at `time` of animation `name`.
    static func feet(_ scene: Scene, _ name: String, at time: Float) -> [Vec3] {
        jointPositions(scene, name, at: time, bones: [HumanoidBone.leftFoot, .rightFoot].map(\.index), skeleton: HumanoidBone.allCases.count)
    }

    @Test(arguments: ExportTarget.allCases)
    func skinsAndClipsSurviveTheTarget(_ target: ExportTarget) throws {
        let dir = TemporaryDirectory()
        let out = dir.file("pkg")
        _ = try Exporter.export(Self.scene, name: "people", options: ExportOptions(target: target), to: out)
        let read = try GLTFReader().read(path: out + "/people.glb").scene
        let names = HumanoidBone.allCases.map(\.rawValue)
        let skinned = read.nodes.filter { $0.skin != nil }
        if target.isCompact {
            // The web target draws the bodies of one material as one crowd, whose skin lists
            // each body's skeleton in turn: one skinned node per material.
            let materials = Set(skinned.flatMap { read.meshes[$0.mesh!].primitives.map(\.material) })
            #expect(skinned.count == materials.count && skinned.count < Self.roles.count, "\(target): \(skinned.count) skinned nodes")
            #expect(read.skins.flatMap(\.joints).count == Self.roles.count * names.count)
            // A crowd's joints are told apart by their body's name in front (assimp refuses
            // a mesh whose bones repeat a name); the bone's name stays at the end.
            for skin in read.skins {
                let listed = skin.joints.map { read.nodes[$0].name ?? "" }
                let bones = Array(repeating: names, count: listed.count / names.count).flatMap { $0 }
                #expect(Set(listed).count == listed.count && listed.count == bones.count, "\(target): joint names repeat")
                #expect(zip(listed, bones).allSatisfy { $0 == $1 || $0.hasSuffix("_" + $1) }, "\(target): \(listed.prefix(3))")
            }
        } else {
            #expect(read.skins.count == Self.roles.count)
            for skin in read.skins {
                #expect(skin.joints.map { read.nodes[$0].name ?? "" } == names, "\(target): joint names")
            }
        }
        // Targets with LOD chains give every body its levels, each on the body's own skin,
        // each simpler than the one before.
        let levels = ExportOptions(target: target).lods
        if !target.isCompact { #expect(skinned.count == Self.roles.count * levels, "\(target): \(skinned.count) skinned nodes") }
        if levels > 1 {
            for s in read.skins.indices {
                let chain = skinned.filter { $0.skin == s }.sorted { ($0.name ?? "") < ($1.name ?? "") }
                #expect(chain.map { $0.name?.suffix(5) } == (0..<levels).map { "_LOD\($0)" }, "\(target): \(chain.map(\.name))")
                let triangles = chain.map { read.meshes[$0.mesh!].primitives.reduce(0) { $0 + $1.triangleCount } }
                #expect(triangles.count == levels && triangles[1] < triangles[0] * 6 / 10 && triangles[2] < triangles[1], "\(target): \(triangles)")
            }
        }
        for node in skinned {
            // Skin, cloth, hair, leather, armour and bone share one atlas page and one
            // sidedness (`doubleSideMixedSkinnedMeshes`): each body is one draw call, and
            // on the web the bodies together are one.
            let draws = read.meshes[node.mesh!].primitives.count
            #expect(draws == 1, "\(target): \(node.name ?? "a body") draws in \(draws) calls")
            for p in read.meshes[node.mesh!].primitives {
                #expect(p.attributes["JOINTS_0"] != nil && p.attributes["WEIGHTS_0"] != nil, "\(target): a skinned primitive lost its weights")
            }
        }
        for clip in CharacterClip.allCases {
            #expect(read.animations.contains { $0.name == clip.rawValue || $0.name == clip.rawValue + "-loop" }, "\(target): \(clip) missing")
        }
        for t: Float in [0, 0.3, 0.55] {
            let before = Self.feet(Self.scene, "walk", at: t), after = Self.feet(read, "walk", at: t)
            // Skins may come in another order (a crowd lists its bodies together): each foot
            // is matched with the nearest.
            #expect(before.count == after.count)
            for a in before {
                let moved = after.map { length($0 - a) }.min() ?? .infinity
                #expect(moved < 0.005, "\(target): a foot moved \(moved) m")
            }
        }
    }
}

/// Animals through every export target, as people: skins, joint names, weights and every
/// species' clips survive, and the gallop poses the hooves where the generated scene does.
@Suite("Animal export")
struct AnimalExportTests {
    static let scene: Scene = {
        var recipe = Recipe()
        recipe.textureResolution = 64
        return Characters.lineup(AnimalSpecies.allCases.map { CharacterKind.animal($0) }, recipe: recipe)
    }()

    static func hooves(_ scene: Scene, _ name: String, at time: Float) -> [Vec3] {
        jointPositions(scene, name, at: time, bones: QuadrupedLeg.allCases.map(\.bones.foot.index), skeleton: QuadrupedBone.allCases.count)
    }

    @Test(arguments: ExportTarget.allCases)
    func skinsAndClipsSurviveTheTarget(_ target: ExportTarget) throws {
        let dir = TemporaryDirectory()
        let out = dir.file("pkg")
        _ = try Exporter.export(Self.scene, name: "herd", options: ExportOptions(target: target), to: out)
        let read = try GLTFReader().read(path: out + "/herd.glb").scene
        let names = QuadrupedBone.allCases.map(\.rawValue)
        let species = AnimalSpecies.allCases.count
        // The web target draws the herd as one crowd: one skin lists every skeleton.
        #expect(read.skins.count == (target.isCompact ? 1 : species), "\(target): \(read.skins.count) skins")
        // (A crowd's joints carry their body's name in front.)
        let listed = read.skins.flatMap(\.joints).map { read.nodes[$0].name ?? "" }
        #expect(listed.count == names.count * species)
        #expect(zip(listed, Array(repeating: names, count: species).flatMap { $0 }).allSatisfy { $0 == $1 || $0.hasSuffix("_" + $1) },
                "\(target): joint names")
        for node in read.nodes where node.skin != nil {
            for p in read.meshes[node.mesh!].primitives {
                #expect(p.attributes["JOINTS_0"] != nil && p.attributes["WEIGHTS_0"] != nil, "\(target): a skinned primitive lost its weights")
            }
        }
        for species in AnimalSpecies.allCases {
            for clip in AnimalClip.allCases {
                let name = clip.animationName(species)
                #expect(read.animations.contains { $0.name == name || $0.name == name + "-loop" }, "\(target): \(name) missing")
            }
        }
        // Every species' run, sampled in one file: the hooves of the species whose animation it is.
        for species in [AnimalSpecies.horse, .dog] {
            for t: Float in [0, 0.1, 0.23] {
                let name = AnimalClip.run.animationName(species)
                let before = Self.hooves(Self.scene, name, at: t), after = Self.hooves(read, name, at: t)
                #expect(before.count == after.count && !before.isEmpty)
                for a in before {
                    let moved = after.map { length($0 - a) }.min() ?? .infinity
                    #expect(moved < 0.005, "\(target): a hoof moved \(moved) m")
                }
            }
        }
    }
}

@Suite("Looping animations")
struct LoopingAnimationTests {
    func animation(path: AnimationPath, first: [Float], last: [Float]) -> Animation {
        let input = DataArray(floats: [0, 1, 2], elementType: .scalar)
        let middle: [Float] = [0, 0.7071, 0, 0.7071]
        let output = DataArray(floats: first + middle + last, elementType: first.count == 4 ? .vec4 : .vec3)
        return Animation(name: "route", channels: [AnimationChannel(sampler: 0, node: 0, path: path)],
                         samplers: [AnimationSampler(input: input, output: output)])
    }

    @Test func aRotationEndingOnTheNegatedQuaternionLoopsAndOtherValuesDoNot() {
        // A walked loop's heading, kept on one hemisphere, ends at -q: the same rotation.
        #expect(animation(path: .rotation, first: [0, 0, 0, 1], last: [0, 0, 0, -1]).loops)
        #expect(animation(path: .rotation, first: [0, 0.6, 0, 0.8], last: [0, 0.6, 0, 0.8]).loops)
        #expect(!animation(path: .rotation, first: [0, 0.6, 0, 0.8], last: [0, 0.8, 0, 0.6]).loops)
        #expect(!animation(path: .other("pointer"), first: [0, 0, 0, 1], last: [0, 0, 0, -1]).loops, "only rotations")
    }
}

@Suite("Export names")
struct ExportNameTests {
    @Test func jointsKeepTheirNamesPerSkinAndNothingElseTakesThem() {
        var scene = Scene()
        for k in 0..<2 {
            let hips = scene.nodes.count
            scene.nodes.append(Node(name: "hips"))
            scene.nodes.append(Node(name: "spine"))
            scene.nodes[hips].children = [hips + 1]
            scene.skins.append(Skin(name: "S\(k)", joints: [hips, hips + 1]))
        }
        scene.nodes.append(Node(name: "hips"))
        scene.nodes.append(Node(name: "Tree"))
        scene.nodes.append(Node(name: "Tree"))
        _ = scene.makeNodeNamesUnique()
        #expect(scene.nodes.map(\.name) == ["hips", "spine", "hips", "spine", "hips_2", "Tree", "Tree_2"])
    }
}
