extension Recipe {
    /// The recipe of a streamed world, as `oyster-render --world` and `oyster-play` read their
    /// arguments: a recipe file's bytes, else the prompt interpreted at seed 1, else the
    /// default world; then `seed` over any of them. One reading, so a live session saved and
    /// replayed by `oyster-render` walks the same world. Throws the recipe's parse error.
    public static func world(prompt: String?, recipe bytes: [UInt8]?, seed: UInt64?) throws -> Recipe {
        var r: Recipe
        if let bytes {
            r = try Recipe.parse(bytes)
        } else if let prompt {
            r = PromptInterpreter.interpret(prompt, seed: 1).recipe
        } else {
            r = Recipe()
        }
        if let seed { r.seed = seed }
        return r
    }
}
