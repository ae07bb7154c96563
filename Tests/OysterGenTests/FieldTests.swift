import OysterCore
import Testing
@testable import OysterGen

/// Ploughed fields round a village (`Structure.field`, `Buildings.field`) and the farmers who
/// work them (issue 15: "farmers in fields").
@Suite("Fields")
struct FieldTests {
    /// The field's kit in the model space of a site: `p` in the field's own frame.
    func local(_ p: Vec2, in field: Site) -> Vec2 {
        let d = p - field.position
        // `Mat4.place(yaw:)` turns local +X to (cos, −sin) and +Z to (sin, cos).
        return Vec2(d.x * kcos(field.yaw) - d.y * ksin(field.yaw), d.x * ksin(field.yaw) + d.y * kcos(field.yaw))
    }

    @Test func promptWordsAskForFieldsAndTheirFarmers() {
        let r = PromptInterpreter.interpret("a village with wheat fields", seed: 1).recipe
        #expect(r.has(.field) && !r.has(.meadow))
        // Two fields by default: the village's farmer by the mill and one to each field.
        #expect(r.cast.filter { $0.role == .farmer }.map(\.count) == [3])
        var three = r
        three.features = three.features.map { var f = $0; if f.kind == .field { f.count = 3 }; return f }
        #expect(three.cast.filter { $0.role == .farmer }.map(\.count) == [4])
        // A recipe without fields keeps its cast.
        #expect(Recipe().cast.filter { $0.role == .farmer }.map(\.count) == [1])
    }

    /// Every farmer of a village with fields works in a field's furrow, off its ridges, turned
    /// along the rows; the fields stand clear of the houses.
    @Test func farmersWorkTheFurrowsOfTheHomeFields() throws {
        let r = PromptInterpreter.interpret("a village with wheat fields", seed: 2).recipe
        let builder = RegionBuilder(map: WorldMap(recipe: r), region: .home(r))
        let fields = builder.features.sites.filter { $0.isHome && $0.kind == .field }
        #expect(fields.count == 2)
        let houses = builder.features.sites.filter { $0.isHome && $0.kind == .house }
        for f in fields {
            for h in houses { #expect(length(f.position - h.position) > f.radius + h.radius - 0.01, "a field on a house") }
        }
        let plan = Inhabitants(builder)
        let farmers = plan.people.filter { $0.role == .farmer }
        #expect(farmers.count == 3)
        var inFields = 0
        for farmer in farmers {
            guard case .stand(let at, let yaw, let clip, _) = farmer.doing else { continue }
            guard let field = fields.first(where: { length($0.position - at) < $0.radius }) else { continue }
            let p = local(at, in: field)
            let half = Buildings.fieldSize / 2, spacing = Buildings.fieldRowSpacing
            #expect(abs(p.x) < half.x - 1 && abs(p.y) < half.y, "inside the field: \(p)")
            // In a furrow: halfway between two ridge centres.
            let row = (p.y + half.y) / spacing
            #expect(abs(row - row.rounded()) < 0.01, "in a furrow: row \(row)")
            #expect(abs(ksin(yaw - field.yaw)) > 0.999, "turned along the rows")
            #expect(clip == .work)
            inFields += 1
        }
        // Two fields, two places each: all three farmers are in them (the mill has none left).
        #expect(inFields == 3)
    }

    @Test func theCropGrowsWithTheSeasonAndWinterLeavesTheRidgesBare() throws {
        func model(_ season: Season, seed: UInt64) -> KitModel { Buildings.field(seed: seed, season: season) }
        let wheat = try #require((0..<40).map(UInt64.init).first { Buildings.crop(seed: $0) == .wheat })
        let cabbage = try #require((0..<40).map(UInt64.init).first { Buildings.crop(seed: $0) == .cabbage })
        for seed in [wheat, cabbage] {
            let heights = Season.allCases.map { model($0, seed: seed).footprint.max.y }
            let byName = Dictionary(uniqueKeysWithValues: zip(Season.allCases, heights))
            #expect(byName[.winter]! < 0.3, "bare ridges in winter")
            #expect(byName[.spring]! < byName[.summer]! && byName[.summer]! <= byName[.autumn]! + 0.01, "\(byName)")
            let winter = model(.winter, seed: seed)
            #expect(!winter.parts.contains { $0.mesh.kinds.contains(.crop) })
            // The whole field within a house's budget of triangles.
            #expect(model(.autumn, seed: seed).triangleCount < 20_000, "\(model(.autumn, seed: seed).triangleCount)")
            let box = model(.summer, seed: seed).footprint
            #expect(box.max.x - box.min.x <= Buildings.fieldSize.x + 0.7 && box.max.z - box.min.z <= Buildings.fieldSize.y + 0.7)
        }
        // The field fits its pad.
        let corner = length(Buildings.fieldSize / 2 + Vec2(0.3, 0.3))
        #expect(corner <= Structure.field.padRadius)
    }
}
