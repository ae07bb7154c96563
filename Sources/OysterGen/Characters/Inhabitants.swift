import OysterCore

/// Who lives in a world's home region and where: every person and animal the recipe asks for,
/// with the spot and activity the home region's ground gives them (people round the home well,
/// herds on their meadows).
///
/// It is a plan, not geometry, so that people stream as buildings do: the home region builds
/// every inhabitant, and a streamed tile builds those whose anchor it owns, from the same plan
/// (made once per world on the home region's ground, `WorldMap.inhabitants`). Whichever way a
/// person is built, it has the same nodes, keys and heights.
struct Inhabitants: Sendable {
    /// What an inhabitant does: stands playing a clip, walks a loop, or walks a `Walk` of its
    /// kit's own (people stroll the roads; an animal's `Walk` is `Never`, so the compiler
    /// knows no animal strolls).
    enum Doing<Clip: Sendable, Walk: Anchored>: Sendable {
        /// Stands at `at` turned `yaw` (radians about +Y), playing `clip`, on the ground or on
        /// the `floor` of a structure (a castle's wall walk) at that height.
        case stand(at: Vec2, yaw: Float, clip: Clip, floor: Float? = nil)
        /// Walks a closed loop round `centre`, starting at the angle `start`.
        case loop(centre: Vec2, start: Float)
        /// Walks out along a road and back.
        case stroll(Walk)

        /// The point that decides which tile builds it: where it stands, or its loop's centre
        /// (a loop is a few metres across, within the margin a tile's ground covers).
        var anchor: Vec2 {
            switch self {
            case .stand(let at, _, _, _): return at
            case .loop(let centre, _): return centre
            case .stroll(let walk): return walk.anchor
            }
        }
    }

    struct Person: Sendable {
        var role: CharacterRole
        /// The `index`-th of its role (its looks and name).
        var index: Int
        var doing: Doing<CharacterClip, CharacterStroll>
        var name: String { "\(role.displayName)_\(String(format2: index + 1))" }
    }

    struct Beast: Sendable {
        var species: AnimalSpecies
        var index: Int
        var doing: Doing<AnimalClip, Never>
        var name: String { "\(species.displayName)_\(String(format2: index + 1))" }
    }

    /// A bird or fish on its own closed loop (a flock's or a shoal's), its route planned whole.
    struct Circler: Sendable {
        enum Kind: Sendable {
            case bird(BirdSpecies, BirdClip)
            case fish(FishSpecies)
        }
        var kind: Kind
        var index: Int
        var route: CircleRoute
        var displayName: String {
            switch kind {
            case .bird(let species, _): return species.displayName
            case .fish(let species): return species.displayName
            }
        }
        var name: String { "\(displayName)_\(String(format2: index + 1))" }
    }

    var people: [Person] = []
    var animals: [Beast] = []
    /// Flocks, then shoals.
    var circlers: [Circler] = []

    var isEmpty: Bool { people.isEmpty && animals.isEmpty && circlers.isEmpty }

    /// Whether anyone lives in `recipe`'s world (its cast, named or implied, places someone):
    /// a world with nobody needs no plan.
    static func live(in recipe: Recipe) -> Bool {
        !recipe.placedPeople.isEmpty || !recipe.placedAnimals.isEmpty || !recipe.placedBirds.isEmpty || !recipe.placedFish.isEmpty
    }

    /// The plan of `builder`'s region (the home region: only its well, meadows, woods and
    /// waters are searched), each inhabitant anchored within `reach` of home.
    init(_ builder: RegionBuilder) {
        let reach = Inhabitants.reach(builder.map)
        func near(_ p: Vec2) -> Bool { max(abs(p.x), abs(p.y)) <= reach }
        people = builder.peoplePlan().filter { near($0.doing.anchor) }
        animals = builder.herdPlan().filter { near($0.doing.anchor) }
        circlers = (builder.flockPlan() + builder.shoalPlan()).filter { near($0.route.centre) }
    }

    /// Half the side of the square round the origin every anchor lies in: the home region
    /// and 256 m beyond it (the searches for woods and meadows reach 200 m from home). A tile
    /// beyond it has nobody to build, so it never needs the plan (nor the home ground the
    /// plan is made on).
    static func reach(_ map: WorldMap) -> Float { map.homeHalf + 256 }

    init() {}
}

/// A walk whose anchor decides which tile builds its walker.
protocol Anchored: Sendable {
    var anchor: Vec2 { get }
}

extension CharacterStroll: Anchored {
    /// Where the stroll sets out.
    var anchor: Vec2 { path[0] }
}

extension Never: Anchored {
    var anchor: Vec2 { switch self {} }
}

extension RegionBuilder {
    /// Builds the inhabitants of `plan` whose anchor `owns` accepts, people first, in the
    /// plan's order, under the `Characters` group (made only when someone is built).
    func inhabit(_ plan: Inhabitants, owns: (Vec2) -> Bool, into a: inout SceneAssembler) {
        for person in plan.people where owns(person.doing.anchor) {
            let group = a.group(.characters)
            let character = Characters.make(person.role, index: person.index, recipe: recipe)
            switch person.doing {
            case .loop(let centre, let start):
                let nodes = a.addCharacter(character, name: person.name, translation: .zero, yaw: 0, under: group, clips: [])
                routeAnimation(nodes, character, centre: centre, start: start, into: &a)
            case .stroll(let stroll):
                let nodes = a.addCharacter(character, name: person.name, translation: .zero, yaw: 0, under: group, clips: [])
                strollAnimation(nodes, character, stroll, into: &a)
            case .stand(let at, let yaw, let clip, let floor):
                a.addCharacter(character, name: person.name, translation: Vec3(at.x, floor ?? features.height(at.x, at.y), at.y), yaw: yaw,
                               under: group, clips: [clip])
            }
        }
        for beast in plan.animals where owns(beast.doing.anchor) {
            let group = a.group(.characters)
            let animal = Characters.make(beast.species, index: beast.index, recipe: recipe)
            switch beast.doing {
            case .loop(let centre, let start):
                let nodes = a.addAnimal(animal, name: beast.name, translation: .zero, yaw: 0, under: group, clips: [])
                animalRoute(nodes, animal, centre: centre, start: start, into: &a)
            case .stroll(let never): switch never {}
            case .stand(let at, let yaw, let clip, let floor):
                a.addAnimal(animal, name: beast.name, translation: Vec3(at.x, floor ?? features.height(at.x, at.y), at.y), yaw: yaw,
                            under: group, clips: [clip])
            }
        }
        // Birds and fish, each on its loop (the route holds every height), one animation per
        // flock or shoal.
        for circler in plan.circlers where owns(circler.route.centre) {
            let group = a.group(.characters)
            switch circler.kind {
            case .bird(let species, let clip):
                let bird = Characters.make(species, index: circler.index, recipe: recipe)
                let nodes = a.addAnimal(bird, name: circler.name, translation: .zero, yaw: 0, under: group, clips: [])
                a.addRoute(nodes, bird, clip: clip, route: circler.route, as: "\(species.rawValue)-route")
            case .fish(let species):
                let fish = Characters.make(species, index: circler.index, recipe: recipe)
                let nodes = a.addAnimal(fish, name: circler.name, translation: .zero, yaw: 0, under: group, clips: [])
                a.addRoute(nodes, fish, clip: .swim, route: circler.route, as: "\(species.rawValue)-route")
            }
        }
    }
}
