/// What a placed character does.
enum CharacterActivity {
    /// Stands playing a clip in place.
    case stand(CharacterClip)
    /// Walks a loop round the village well (a route).
    case route
}

extension CharacterRole {
    /// What a character of this role does in a world (the `k`-th of its role): every other
    /// villager walks round the well, farmers work, merchants and adventurers talk, guards,
    /// knights, monks and the dead stand.
    func activity(_ k: Int) -> CharacterActivity {
        switch self {
        case .villager: return k % 2 == 0 ? .route : (k % 4 == 1 ? .stand(.talk) : .stand(.idle))
        case .farmer: return .stand(.work)
        case .merchant, .adventurer: return .stand(.talk)
        case .guard, .knight, .monk, .skeleton: return .stand(.idle)
        }
    }
}
