import OysterCore
import Testing
@testable import OysterGen

/// Where the world puts its people by role: villagers on doorsteps, a farmer by the windmill,
/// guards on the castle's wall walk, knights at its gate, merchants in their stalls. Checked on
/// the plan (`Inhabitants`), which every region builds its people from.
@Suite("Person posts")
struct PersonPostTests {
    struct Standing {
        var name: String
        var role: CharacterRole
        var at: Vec2
        var yaw: Float
        var floor: Float?
    }

    func standing(_ plan: Inhabitants) -> [Standing] {
        plan.people.compactMap { p in
            if case .stand(let at, let yaw, _, let floor) = p.doing { return Standing(name: p.name, role: p.role, at: at, yaw: yaw, floor: floor) }
            return nil
        }
    }

    /// The default valley's own people: an idle villager on the doorstep of a house, before
    /// its door and facing out, and the farmer by the windmill facing it.
    @Test func theDefaultVillageHasAVillagerAtADoorAndAFarmerByTheMill() throws {
        let r = Recipe()
        let builder = RegionBuilder(map: WorldMap(recipe: r), region: .home(r))
        let plan = Inhabitants(builder)
        #expect(plan.people.count == 5 && plan.animals.count == 5 && plan.circlers.count == 9, "four villagers and a farmer, five sheep, five crows and four trout")
        let people = standing(plan)
        let houses = builder.features.sites.filter { $0.isHome && $0.kind == .house }
        // Each house's door as the house kit builds it: its `Door` part hangs from a hinge at
        // the doorway's left jamb and is the doorway's width (1.05 m) across.
        let doors: [(Site, Vec2)] = try houses.map { h in
            let model = Structure.house.build(r.seed ^ h.id, r)
            let door = try #require(model.parts.first { $0.name == "Door" })
            let middle = Vec3(door.transform.m[12] + 0.525, 0, door.transform.m[14])
            let world = Mat4.place(Vec3(h.position.x, 0, h.position.y), yaw: h.yaw).transformPoint(middle)
            return (h, Vec2(world.x, world.z))
        }
        // A step (1.1 m) out of the doorway, facing the way the front faces.
        let atDoors = people.filter { p in
            doors.contains { h, door in abs(length(p.at - door) - 1.1) < 0.1 && abs(kcos(p.yaw - h.yaw) - 1) < 1e-4 }
        }
        #expect(atDoors.map(\.role) == [.villager], "\(people.map(\.name))")
        let mill = try #require(builder.features.sites.first { $0.isHome && $0.kind == .windmill })
        let farmer = try #require(people.first { $0.role == .farmer })
        #expect(abs(length(farmer.at - mill.position) - (mill.radius + 1.5)) < 0.01)
        let facing = Vec2(ksin(farmer.yaw), kcos(farmer.yaw))
        #expect(dot(facing, (mill.position - farmer.at) / length(mill.position - farmer.at)) > 0.99, "the farmer works facing the mill")
    }

    /// Guards keep the castle's wall walk (its height over the castle's base, inside the
    /// walls' thickness) looking out; knights stand outside the gate.
    @Test func guardsKeepTheWallsAndKnightsTheGate() throws {
        let r = PromptInterpreter.interpret("a castle on a hill above a village, three knights and four guards", seed: 1).recipe
        let builder = RegionBuilder(map: WorldMap(recipe: r), region: .home(r))
        let castle = try #require(builder.features.sites.first { $0.isHome && $0.kind == .castle })
        let base = builder.features.height(castle.position.x, castle.position.y) - 0.05
        let people = standing(Inhabitants(builder))
        let guards = people.filter { $0.role == .guard }, knights = people.filter { $0.role == .knight }
        #expect(guards.count == 4 && knights.count == 3)
        for g in guards {
            let floor = try #require(g.floor, "\(g.name) stands on the wall walk")
            #expect(abs(floor - base - KitCatalog.castleWallHeight) < 1e-3)
            // On a wall's middle line, inside its thickness, looking away from the castle.
            let d = g.at - castle.position
            let r = max(abs(dot(d, Vec2(kcos(castle.yaw), -ksin(castle.yaw)))), abs(dot(d, Vec2(ksin(castle.yaw), kcos(castle.yaw)))))
            #expect(abs(r - KitCatalog.castleHalf) < KitCatalog.castleWallThickness / 2, "\(g.name) \(r) m from the castle's middle")
            #expect(dot(Vec2(ksin(g.yaw), kcos(g.yaw)), d / length(d)) > 0.7, "\(g.name) looks out")
        }
        // Two knights either side of the gate, outside the front wall; the third has no post.
        let front = Vec2(ksin(castle.yaw), kcos(castle.yaw))
        let atGate = knights.filter { k in
            let d = k.at - castle.position
            return k.floor == nil && dot(d, front) > KitCatalog.castleHalf + KitCatalog.castleWallThickness / 2 && abs(dot(d, Vec2(front.y, -front.x))) < 3
        }
        #expect(atGate.count == 2)
    }

    /// A walled town's guards keep its gates: one outside each gate first, beside the way
    /// through, looking out.
    @Test func aWalledTownsGuardsKeepItsGates() throws {
        var r = PromptInterpreter.interpret("a castle town", seed: 1).recipe
        r.size = 256
        let builder = RegionBuilder(map: WorldMap(recipe: r), region: .home(r))
        let gates = builder.features.sites.filter { $0.isHome && $0.kind == .townWall && $0.lot?.gate == true }
        let guards = standing(Inhabitants(builder)).filter { $0.role == .guard }
        #expect(gates.count >= 2 && guards.count == 4)
        var kept: Set<String> = []
        for g in guards.prefix(gates.count) {
            let gate = try #require(gates.min { length($0.position - g.at) < length($1.position - g.at) })
            let out = Vec2(ksin(gate.yaw), kcos(gate.yaw))
            let d = g.at - gate.position
            #expect(abs(dot(d, out) - 2.6) < 1e-3 && abs(abs(dot(d, Vec2(out.y, -out.x))) - 2.6) < 1e-3, "\(g.name) beside \(gate.name)'s way through")
            #expect(g.floor == nil && abs(kcos(g.yaw - gate.yaw) - 1) < 1e-4, "\(g.name) on the ground looking out")
            kept.insert(gate.name)
        }
        #expect(kept.count == min(gates.count, guards.count), "one to each gate first")
    }

    /// A town's merchants keep its market stalls, each inside one behind the counter, facing
    /// the way the stall faces.
    @Test func merchantsKeepTheStalls() throws {
        var r = PromptInterpreter.interpret("a town", seed: 1).recipe
        r.size = 256
        let builder = RegionBuilder(map: WorldMap(recipe: r), region: .home(r))
        let (square, lot) = try #require(builder.townSquare)
        let stalls = builder.townSquareItems(square, lot).filter { $0.label == "MarketStall" }
        let merchants = standing(Inhabitants(builder)).filter { $0.role == .merchant }
        #expect(merchants.count == 3 && stalls.count >= 3)
        for m in merchants {
            #expect(stalls.contains { abs(length(m.at - $0.at) - 0.2) < 1e-3 && abs(kcos(m.yaw - $0.yaw) - 1) < 1e-4 }, "\(m.name) keeps a stall")
        }
    }
}
