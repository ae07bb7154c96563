import OysterCore

/// The world's single door to the asset kits (Vegetation, Rocks, Buildings, Dungeon, Props):
/// picks kit parameters from the recipe and a seed. Kits not available yet fall back to simple
/// stand-ins built here.
enum KitCatalog {
    static func detailLevel(_ d: Detail) -> Int { d == .low ? 0 : d == .medium ? 1 : 2 }

    static func tree(_ species: Species, seed: UInt64, detail: Detail) -> KitModel {
        let d = detailLevel(detail)
        switch species {
        case .pine, .fir: return Vegetation.tree(TreeParams(species: .conifer, height: species == .fir ? 13 : nil, detail: d), seed: seed)
        case .oak, .willow: return Vegetation.tree(TreeParams(species: .broadleaf, detail: d), seed: seed)
        case .birch: return Vegetation.tree(TreeParams(species: .birch, detail: d), seed: seed)
        case .palm: return Vegetation.tree(TreeParams(species: .palm, detail: d), seed: seed)
        case .dead: return Vegetation.tree(TreeParams(species: .dead, detail: d), seed: seed)
        case .bush: return Vegetation.bush(detail: d, seed: seed)
        case .cactus: return cactus(seed: seed)
        case .grass: return Vegetation.grassClump(detail: d, seed: seed)
        case .flowers: return Vegetation.flowers(detail: d, seed: seed)
        }
    }

    /// A saguaro: the vegetation kit has no cactus yet.
    static func cactus(seed: UInt64) -> KitModel {
        var r = KitRandom(seed: seed)
        var b = MeshBuilder()
        let h = r.float(in: 3...5.5)
        b.cylinder(.leaves, from: .zero, to: Vec3(0, h, 0), radiusBottom: 0.32, radiusTop: 0.28, segments: 10)
        b.sphere(.leaves, center: Vec3(0, h, 0), radius: 0.28, rings: 5, segments: 10)
        for k in 0..<r.int(in: 1...3) {
            let side: Float = k % 2 == 0 ? 1 : -1
            let y0 = r.float(in: h * 0.3...h * 0.6), out = r.float(in: 0.7...1.1), up = r.float(in: 1...1.8)
            let yaw = r.float(in: 0...6.28)
            let dir = Vec3(kcos(yaw) * side, 0, ksin(yaw) * side)
            b.tube(.leaves, path: [Vec3(0, y0, 0), dir * out + Vec3(0, y0 + 0.1, 0), dir * out + Vec3(0, y0 + up, 0)], radii: [0.2, 0.2, 0.18], segments: 8)
            b.sphere(.leaves, center: dir * out + Vec3(0, y0 + up, 0), radius: 0.18, rings: 4, segments: 8)
        }
        return KitModel(name: "Cactus", parts: [KitPart(name: "Cactus", mesh: b)])
    }

    static func bush(seed: UInt64) -> KitModel { Vegetation.bush(detail: 1, seed: seed) }

    static func rock(seed: UInt64, size: Float, detail: Detail) -> KitModel {
        var r = KitRandom(seed: seed)
        let shape = r.pick([RockShape.boulder, .boulder, .slab, .block, .spire])
        return Rocks.rock(RockParams(shape: shape, size: size, detail: detailLevel(detail)), seed: seed)
    }

    static func building(_ kind: Site.Kind, seed: UInt64, recipe: Recipe) -> KitModel {
        var b = MeshBuilder()
        switch kind {
        case .tower, .lighthouse, .windmill:
            b.cylinder(.stoneWall, from: .zero, to: Vec3(0, 12, 0), radiusBottom: 2.5, radiusTop: 2, segments: 12)
            b.cone(.roofTiles, base: Vec3(0, 12, 0), apex: Vec3(0, 15, 0), radius: 2.6, segments: 12)
        case .pier:
            b.box(.woodPlanks, min: Vec3(-1.2, 0.4, 0), max: Vec3(1.2, 0.6, 14))
        case .house:
            var p = HouseParams.random(seed: seed)
            if recipe.biome == .alpine || recipe.biome == .tundra { p.roofKind = .slate }
            if recipe.biome == .tropical || recipe.biome == .swamp { p.roofKind = .thatch; p.wallStyle = .planks }
            return Buildings.house(p, seed: seed)
        default:
            b.box(.plaster, min: Vec3(-3, 0, -2.5), max: Vec3(3, 3, 2.5))
            b.box(.roofTiles, min: Vec3(-3.3, 3, -2.8), max: Vec3(3.3, 4.5, 2.8))
            b.box(.door, min: Vec3(-0.5, 0, 2.5), max: Vec3(0.5, 2, 2.55))
        }
        return KitModel(name: kind.rawValue.capitalized, parts: [KitPart(name: "Body", mesh: b)])
    }
}

extension KitCatalog {
    struct DungeonKit {
        var model: KitModel
        var cameraEye: Vec3
        var cameraTarget: Vec3
    }

    static func dungeon(rooms: Int, seed: UInt64, recipe: Recipe) -> DungeonKit {
        var floor = MeshBuilder(), walls = MeshBuilder()
        var anchors: [LightAnchor] = []
        for r in 0..<rooms {
            let c = Vec3(Float(r % 4) * 14, 0, Float(r / 4) * 14)
            floor.box(.dungeonFloor, center: c - Vec3(0, 0.1, 0), size: Vec3(12, 0.2, 12))
            walls.box(.dungeonWall, center: c + Vec3(0, 2, -6), size: Vec3(12, 4, 0.6))
            walls.box(.dungeonWall, center: c + Vec3(-6, 2, 0), size: Vec3(0.6, 4, 12))
            anchors.append(LightAnchor(position: c + Vec3(-5.5, 2.5, -5.5), kind: .torchFlame))
        }
        let model = KitModel(name: "Dungeon", parts: [KitPart(name: "Floor", mesh: floor), KitPart(name: "Walls", mesh: walls)], lightAnchors: anchors)
        return DungeonKit(model: model, cameraEye: Vec3(-4, 9, -4), cameraTarget: Vec3(14, 0, 14))
    }
}
