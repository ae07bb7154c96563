import OysterCore
import Testing
@testable import OysterGen

@Suite("Kit props")
struct KitPropsTests {
    static func all(seed: UInt64) -> [KitModel] {
        [Props.barrel(seed: seed), Props.crate(seed: seed), Props.cart(seed: seed), Props.bench(seed: seed), Props.lamppost(seed: seed),
         Props.flag(seed: seed), Props.marketStall(seed: seed), Props.chest(seed: seed), Props.table(seed: seed), Props.treasurePile(seed: seed)]
    }

    @Test func everyPropIsValidSmallAndStandsOnTheGround() {
        for m in Self.all(seed: 2) {
            #expect(kitModelProblems(m).isEmpty, "\(m.name)")
            #expect(m.triangleCount > 20 && m.triangleCount < 3000, "\(m.name): \(m.triangleCount)")
            #expect(m.footprint.min.y > -0.5 && m.footprint.min.y < 0.1, "\(m.name) floats or sinks: \(m.footprint.min.y)")
        }
    }

    @Test func lightsAndAnimationsAreWhereTheyBelong() {
        let lamp = Props.lamppost(height: 3.2, seed: 1)
        #expect(lamp.lightAnchors.count == 1 && lamp.lightAnchors[0].kind == .lantern)
        #expect(lamp.lightAnchors[0].position.y > 2.5)
        if case .sway = Props.flag(seed: 1).part(named: "Flag")?.animation {} else { Issue.record("flag does not sway") }
        if case .swing = Props.chest(seed: 1).part(named: "Lid")?.animation {} else { Issue.record("lid does not swing") }
        let torch = Props.wallTorch(at: Vec3(0, 2, 0), outward: Vec3(0, 0, 1))
        #expect(torch.anchor.kind == .torchFlame && torch.anchor.position.z > 0)
        #expect(torch.parts.contains { $0.animation == .flicker })
    }

    @Test func propsAreDeterministic() {
        #expect(Self.all(seed: 5) == Self.all(seed: 5))
        #expect(Props.flag(seed: 5) != Props.flag(seed: 6) || Props.barrel(seed: 5) != Props.barrel(seed: 6))
    }
}
