import OysterCore

/// What stands on the volcano's cone (the cone itself is ground: `Volcano` shapes the terrain):
/// the lava in its crater and down one flank, the smoke plume over it and the lights of the
/// glow. All of it belongs to the region holding the crater's centre, so exactly one tile of
/// a streamed world builds it.
extension RegionBuilder {
    /// Plants give out on the cone: they thin from a sixth of the way up, and none grow above
    /// about half-way (ash and bare basalt).
    func onBareCone(_ p: Vec2, _ bits: UInt64) -> Bool {
        guard let v = map.terrain.volcano else { return false }
        return v.upness(p.x, p.y) > 0.15 + 0.3 * bits.unit(52)
    }

    /// A rock kit; in a volcanic world, of basalt.
    func rock(_ key: String, volcanic: Bool) -> KitModel {
        var kit = KitCatalog.rock(seed: kitSeed(key), size: 1.6, detail: recipe.detail)
        if volcanic { kit.retag(.rock, as: .basalt) }
        return kit
    }

    /// The `Volcano` group: `Lava` (the crater's pool and the flow down the flank), `Plume`
    /// (the smoke), and light anchors at the glow for the night's lights.
    func volcano(into a: inout SceneAssembler, kits: inout KitPlacement) {
        guard let v = map.terrain.volcano, region.owns(v.center.x, v.center.y) else { return }
        let group = a.group(.volcano)
        let level = v.floor + 0.4
        if let m = a.addMesh(lava(v, level: level), name: "Lava") {
            var node = Node(name: "Lava", role: .water)
            node.mesh = m
            a.add(node, under: group)
        }
        let plume = VolcanoPlume(volcano: v, seed: recipe.seed)
        if let m = a.addMesh(plume.mesh(), name: "Plume") {
            var node = Node(name: "Plume", transform: .trs(translation: Vec3(v.center.x, level, v.center.y), rotation: .identity, scale: .one), role: .weather)
            node.mesh = m
            let n = a.add(node, under: group)
            plume.animate(node: n, into: &a)
        }
        // One light just over the pool (the crater's walls and the plume's foot glow), one in
        // the plume above the rim (its underside lit from below, seen from afar).
        kits.anchors.append((Vec3(v.center.x, level + 4, v.center.y), .lava, "Volcano"))
        kits.anchors.append((Vec3(v.center.x, v.rimTop + 18, v.center.y), .lava, "Volcano"))
    }

    /// The pool filling the crater's floor, and the flow from the rim down the flank, a little
    /// over the ground.
    func lava(_ v: Volcano, level: Float) -> MeshBuilder {
        var b = MeshBuilder()
        let up = Vec3(0, 1, 0)
        let poolRadius = v.craterRadius * (Volcano.floorFraction + 0.08)
        let segments = 32
        let centre = b.vertex(.lava, Vec3(v.center.x, level, v.center.y), normal: up, uv: v.center / 4)
        var ring: [UInt32] = []
        for k in 0..<segments {
            let angle = Float(k) / Float(segments) * 2 * .pi
            let p = v.center + Vec2(kcos(angle), ksin(angle)) * poolRadius
            ring.append(b.vertex(.lava, Vec3(p.x, level, p.y), normal: up, uv: p / 4))
        }
        for k in 0..<segments { b.triangle(.lava, centre, ring[(k + 1) % segments], ring[k]) }
        // The flow: a ribbon on the base ground (no roads cross a cone), narrow at the rim and
        // spreading as it slows lower down.
        let line = v.flowLine(step: 2)
        let terrain = map.terrain
        var left: [UInt32] = [], right: [UInt32] = []
        var along: Float = 0
        for (i, p) in line.enumerated() {
            if i > 0 { along += length(p - line[i - 1]) }
            let next = line[min(i + 1, line.count - 1)], prev = line[max(i - 1, 0)]
            let dir = (next - prev).normalizedOrZero
            let side = Vec2(-dir.y, dir.x)
            let t = Float(i) / Float(line.count - 1)
            let half = 1.4 + 2.4 * t
            for (s, store) in [(Float(1), 0), (-1, 1)] {
                let q = p + side * (half * s)
                let y = terrain.height(q.x, q.y) + 0.45
                let index = b.vertex(.lava, Vec3(q.x, y, q.y), normal: up, uv: Vec2(s * half / 4, -along / 4))
                if store == 0 { left.append(index) } else { right.append(index) }
            }
        }
        for i in 0..<(line.count - 1) {
            b.triangle(.lava, left[i], left[i + 1], right[i])
            b.triangle(.lava, right[i], left[i + 1], right[i + 1])
        }
        return b
    }
}

extension KitModel {
    /// Every part's `from` surface made `to` (a rock kit of basalt).
    mutating func retag(_ from: SurfaceKind, as to: SurfaceKind) {
        func visit(_ p: inout KitPart) {
            p.mesh.retag(from, as: to)
            for i in p.children.indices { visit(&p.children[i]) }
        }
        for i in parts.indices { visit(&parts[i]) }
    }
}
