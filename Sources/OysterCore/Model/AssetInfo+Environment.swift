import OysterJSON

// MARK: - asset.extras.environment

extension AssetInfo {
    /// The typed view of `extras.environment`, where Oyster's generator records sky, sun and fog.
    ///
    /// It reads and writes `extras` itself, so a file read and written again keeps its bytes:
    /// setting it replaces the members of an existing `environment` object in place (members
    /// keep their order; new ones are appended) and adds the key at the end otherwise; setting
    /// nil removes it.
    public var environment: Environment? {
        get { extras?["environment"]?.objectValue.map(Environment.init(json:)) }
        set {
            var root = extras?.objectValue ?? JSONObject()
            guard let newValue else {
                if extras?.objectValue != nil {
                    root["environment"] = nil
                    extras = .object(root)
                }
                return
            }
            var merged = root["environment"]?.objectValue ?? JSONObject()
            let wanted = newValue.json
            // Drop typed or other members the new value no longer has, then update in place.
            merged.members.removeAll { wanted[$0.key] == nil }
            for m in wanted.members { merged[m.key] = m.value }
            root["environment"] = .object(merged)
            extras = .object(root)
        }
    }
}
