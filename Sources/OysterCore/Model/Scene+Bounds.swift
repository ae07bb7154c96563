// MARK: - Bounds for culling and framing

extension Primitive {
    /// The box around this primitive's POSITION values in its mesh's space (de-normalised when
    /// quantized); empty when it has none. Morph targets can move vertices outside it.
    public var localBounds: AABB {
        var box = AABB.empty
        guard let positions = attributes["POSITION"] else { return box }
        for i in 0..<positions.count { box.add(positions.vec3(i)) }
        return box
    }
}

extension Mesh {
    /// The box around every primitive's positions, in the mesh's space.
    public var localBounds: AABB {
        var box = AABB.empty
        for p in primitives { box.add(p.localBounds) }
        return box
    }
}

extension Scene {
    /// `meshes[i].localBounds` for every mesh.
    public func meshBounds() -> [AABB] {
        meshes.map(\.localBounds)
    }

    /// Per node, the world-space box around the mesh it carries (every instance of it, with
    /// EXT_mesh_gpu_instancing); empty for nodes without a mesh. Children are not included.
    ///
    /// `worldMatrices` defaults to the rest pose; pass `pose(at:animation:).worldMatrices`
    /// for an animated frame.
    public func nodeBounds(worldMatrices world: [Mat4]? = nil, meshBounds local: [AABB]? = nil) -> [AABB] {
        let world = world ?? worldMatrices()
        let local = local ?? meshBounds()
        return nodes.indices.map { n in
            guard let m = nodes[n].mesh, local.indices.contains(m), world.indices.contains(n) else { return .empty }
            let instances = nodes[n].instanceMatrices()
            guard !instances.isEmpty else { return local[m].transformed(by: world[n]) }
            var box = AABB.empty
            for instance in instances { box.add(local[m].transformed(by: world[n] * instance)) }
            return box
        }
    }

    /// The world-space box around every mesh of the scene (rest pose unless `worldMatrices`
    /// is given).
    public func worldBounds(worldMatrices world: [Mat4]? = nil) -> AABB {
        var box = AABB.empty
        for b in nodeBounds(worldMatrices: world) { box.add(b) }
        return box
    }

    /// The box round what the scene is about, for framing it (turntables): every mesh except
    /// the ground, water and weather a world lies on and under (terrain, water, ice, weather,
    /// colliders), when there is anything else; otherwise the whole scene. A generated world's
    /// terrain runs to the horizon, kilometres beyond its houses and trees.
    public func subjectBounds(worldMatrices world: [Mat4]? = nil) -> AABB {
        let roles = effectiveRoles()
        var box = AABB.empty
        for (n, b) in nodeBounds(worldMatrices: world).enumerated() {
            switch roles[n] {
            case .terrain?, .water?, .ice?, .weather?, .collider?: continue
            default: box.add(b)
            }
        }
        return box.isEmpty ? worldBounds(worldMatrices: world) : box
    }
}
