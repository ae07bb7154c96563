import OysterJSON

/// A skin: joint nodes and their inverse bind matrices (glTF `skin`).
public struct Skin: Hashable, Sendable {
    public var name: String?
    public var joints: [Int]
    public var skeleton: Int?
    /// MAT4 float array, one per joint; nil means identity matrices.
    public var inverseBindMatrices: DataArray?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, joints: [Int], skeleton: Int? = nil, inverseBindMatrices: DataArray? = nil) {
        self.name = name
        self.joints = joints
        self.skeleton = skeleton
        self.inverseBindMatrices = inverseBindMatrices
    }

    /// One inverse bind matrix per joint, decoded: identity for a joint the accessor does not
    /// reach (no accessor, or one too short).
    public var inverseBinds: [Mat4] {
        let f = inverseBindMatrices?.floats() ?? []
        return joints.indices.map { j in f.count >= (j + 1) * 16 ? Mat4(columnMajor: Array(f[(j * 16)..<(j * 16 + 16)])) : .identity }
    }
}
