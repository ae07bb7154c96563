import OysterCore

/// The world's single door to the asset kits (Vegetation, Rocks, Buildings, Dungeon, Props):
/// picks kit parameters from the recipe and a seed. Kits not available yet fall back to simple
/// stand-ins built here.
enum KitCatalog {
    static func detailLevel(_ d: Detail) -> Int { d == .low ? 0 : d == .medium ? 1 : 2 }

    static func tree(_ species: Species, seed: UInt64, detail: Detail) -> KitModel {
        var b = MeshBuilder()
        let h: Float = species == .palm ? 8 : species == .pine || species == .fir ? 10 : 7
        b.cylinder(.bark, from: .zero, to: Vec3(0, h * 0.6, 0), radiusBottom: 0.25, radiusTop: 0.15, segments: 6)
        switch species {
        case .pine, .fir:
            for t in 0..<3 {
                let y = h * (0.3 + 0.22 * Float(t))
                b.cone(.needles, base: Vec3(0, y, 0), apex: Vec3(0, y + h * 0.35, 0), radius: h * (0.3 - 0.07 * Float(t)), segments: 8)
            }
        default:
            b.cone(.leaves, base: Vec3(0, h * 0.45, 0), apex: Vec3(0, h, 0), radius: h * 0.35, segments: 8)
        }
        return KitModel(name: species.rawValue.capitalized, parts: [KitPart(name: "Tree", mesh: b)])
    }

    static func bush(seed: UInt64) -> KitModel {
        var b = MeshBuilder()
        b.cone(.bushLeaves, base: .zero, apex: Vec3(0, 1.2, 0), radius: 0.8, segments: 6)
        return KitModel(name: "Bush", parts: [KitPart(name: "Bush", mesh: b)])
    }

    static func rock(seed: UInt64, size: Float, detail: Detail) -> KitModel {
        var b = MeshBuilder()
        b.box(.rock, center: Vec3(0, size * 0.3, 0), size: Vec3(size, size * 0.7, size * 0.8), yaw: 0.3)
        return KitModel(name: "Rock", parts: [KitPart(name: "Rock", mesh: b)])
    }

    static func building(_ kind: Site.Kind, seed: UInt64, recipe: Recipe) -> KitModel {
        var b = MeshBuilder()
        switch kind {
        case .tower, .lighthouse, .windmill:
            b.cylinder(.stoneWall, from: .zero, to: Vec3(0, 12, 0), radiusBottom: 2.5, radiusTop: 2, segments: 12)
            b.cone(.roofTiles, base: Vec3(0, 12, 0), apex: Vec3(0, 15, 0), radius: 2.6, segments: 12)
        case .pier:
            b.box(.woodPlanks, min: Vec3(-1.2, 0.4, 0), max: Vec3(1.2, 0.6, 14))
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
