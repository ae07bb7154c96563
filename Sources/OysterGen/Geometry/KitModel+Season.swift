/// What a season does to a built thing: winter lays snow on its roofs. Only the surfaces are
/// retagged (the snow material the ground uses), so the shape, its parts and its lights stay
/// the same in every season.
extension KitModel {
    /// Roof surfaces snow settles on.
    static let roofKinds: [SurfaceKind] = [.roofTiles, .slate, .thatch]

    /// The model as `season` finds it: in winter its roofs under snow; otherwise unchanged.
    func dressed(for season: Season) -> KitModel {
        guard season == .winter else { return self }
        var model = self
        model.parts = parts.map { $0.retagged(KitModel.roofKinds, as: .snow) }
        return model
    }
}

extension KitPart {
    /// The part and its children with the `from` surfaces made `to`.
    func retagged(_ from: [SurfaceKind], as to: SurfaceKind) -> KitPart {
        var part = self
        for kind in from { part.mesh.retag(kind, as: to) }
        part.children = children.map { $0.retagged(from, as: to) }
        return part
    }
}
