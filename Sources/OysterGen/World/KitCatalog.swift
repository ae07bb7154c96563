import OysterCore

/// The world's single door to the asset kits (Vegetation, Rocks, Buildings, Dungeon, Props):
/// picks kit parameters from the recipe and a seed.
enum KitCatalog {
    static func detailLevel(_ d: Detail) -> Int { d == .low ? 0 : d == .medium ? 1 : 2 }

    static func tree(_ species: Species, seed: UInt64, detail: Detail, foliage: Foliage = .leaves) -> KitModel {
        species.kit(seed: seed, detail: detail, foliage: foliage)
    }

    static func bush(seed: UInt64) -> KitModel { Vegetation.bush(detail: 1, seed: seed) }

    static func rock(seed: UInt64, size: Float, detail: Detail) -> KitModel {
        var r = KitRandom(seed: seed)
        let shape = r.pick([RockShape.boulder, .boulder, .slab, .block, .spire])
        return Rocks.rock(RockParams(shape: shape, size: size, detail: detailLevel(detail)), seed: seed)
    }

    /// The castle's curtain: half its side (wall centres), the walls' height (the wall walk)
    /// and thickness. Shared with the guards posted on it (`RegionBuilder.castlePosts`).
    static let castleHalf: Float = 11, castleWallHeight: Float = 8, castleWallThickness: Float = 2.2
    /// Each curtain wall's middle and turn (its outside faces local +Z turned by the yaw),
    /// the front (+Z, with the gate) first.
    static let castleSides: [(centre: Vec3, yaw: Float)] = [(Vec3(0, 0, castleHalf), 0), (Vec3(castleHalf, 0, 0), .pi / 2),
                                                             (Vec3(0, 0, -castleHalf), .pi), (Vec3(-castleHalf, 0, 0), -.pi / 2)]

    /// A castle: four corner towers joined by walls, a gate at the front and a keep inside.
    static func castle(seed: UInt64, recipe: Recipe) -> KitModel {
        var model = KitModel(name: "Castle")
        let half = castleHalf
        let roof: SurfaceKind = recipe.biome == .alpine || recipe.biome == .tundra ? .slate : .roofTiles
        for (k, c) in [Vec3(-half, 0, -half), Vec3(half, 0, -half), Vec3(half, 0, half), Vec3(-half, 0, half)].enumerated() {
            let tower = Buildings.tower(TowerParams(round: true, radius: 3, height: 14, pointedRoof: true, roofKind: roof), seed: seed ^ UInt64(k + 1))
            model.parts.append(KitPart(name: "Tower_\(k + 1)", transform: .translation(c), children: tower.parts))
            model.lightAnchors += tower.lightAnchors.map { LightAnchor(position: $0.position + c, kind: $0.kind) }
        }
        for (k, side) in castleSides.enumerated() {
            let wall = Buildings.castleWall(CastleWallParams(length: half * 2 - 5, height: castleWallHeight, thickness: castleWallThickness, gate: k == 0),
                                            seed: seed ^ UInt64(k + 11))
            model.parts.append(KitPart(name: k == 0 ? "Gatehouse" : "Wall_\(k)", transform: .place(side.centre, yaw: side.yaw), children: wall.parts))
            model.lightAnchors += wall.lightAnchors.map { LightAnchor(position: Mat4.place(side.centre, yaw: side.yaw).transformPoint($0.position), kind: $0.kind) }
        }
        let keep = Buildings.tower(TowerParams(round: false, radius: 4.5, height: 18, pointedRoof: true, roofKind: roof), seed: seed ^ 0x4EE9)
        model.parts.append(KitPart(name: "Keep", transform: .translation(Vec3(0, 0, -3)), children: keep.parts))
        let flag = Props.flag(poleHeight: 5, seed: seed)
        model.parts.append(KitPart(name: "Banner", transform: .translation(Vec3(0, 18.5, -3)), children: flag.parts))
        return model
    }

    /// Small props around the village square.
    static func villageProps(seed: UInt64) -> [(KitModel, String, Vec2, Float)] {
        var r = KitRandom(seed: seed ^ 0x9A0B)
        var out: [(KitModel, String, Vec2, Float)] = []
        out.append((Buildings.well(seed: seed), "Well", Vec2(0, 0), 0))
        out.append((Props.flag(poleHeight: 7, seed: seed), "Flag", Vec2(4.5, -3.5), 0))
        out.append((Props.marketStall(seed: seed), "MarketStall", Vec2(-5, 3), r.float(in: 0...6.28)))
        out.append((Props.cart(seed: seed), "Cart", Vec2(5, 4), r.float(in: 0...6.28)))
        for k in 0..<4 {
            let a = Float(k) * 1.57 + 0.6
            out.append((Props.lamppost(seed: seed ^ UInt64(k)), "Lamppost", Vec2(kcos(a), ksin(a)) * 8, a))
        }
        for k in 0..<3 { out.append((Props.barrel(seed: seed ^ UInt64(k + 5)), "Barrel", Vec2(-6.2 + Float(k) * 0.8, 4.4), 0)) }
        return out
    }
}
