/// Who a character is: decides the clothes, headwear and colours (`CharacterLook`) and, for
/// the undead, a body of bones instead of flesh. Every role uses the one humanoid skeleton.
public enum CharacterRole: String, CaseIterable, Hashable, Sendable {
    case villager, farmer, merchant, `guard`, knight, monk, adventurer
    /// The walking dead of crypts and dungeons: bones on the same skeleton.
    case skeleton

    /// Display name for nodes (`Villager`, `Knight`…).
    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
