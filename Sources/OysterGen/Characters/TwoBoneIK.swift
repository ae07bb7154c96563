import OysterCore

/// The one two-bone solver every leg uses (people's and animals'): where the middle joint
/// (knee, hock, elbow) and the end go when a chain of lengths `l1`, `l2` from `root` reaches
/// for `target`, bending towards `pole`. A target out of reach is pulled in to the straight
/// chain (and one too near pushed out to the folded one). Each kit then turns its bones to
/// these points its own way.
struct TwoBoneIK {
    /// The middle joint.
    let middle: Vec3
    /// The end of the chain: the target, or the nearest point the chain reaches.
    let end: Vec3
    /// From the root towards the end.
    let axis: Vec3
    /// Across the axis, towards the bend (the pole's part square to the axis).
    let bend: Vec3

    /// `fallback` is the pole to use when `pole` lies along the axis (within `degenerate`).
    init(root: Vec3, target: Vec3, lengths l1: Float, _ l2: Float, pole: Vec3, fallback: Vec3, degenerate: Float) {
        var toEnd = target - root
        let d = clamp(length(toEnd), abs(l1 - l2) + 1e-4, (l1 + l2) * 0.9999)
        toEnd = length(toEnd) > 1e-6 ? normalize(toEnd) : Vec3(0, -1, 0)
        let u = toEnd
        var w = pole - u * dot(pole, u)
        if length(w) < degenerate { w = fallback - u * dot(fallback, u) }
        w = normalize(w)
        let cosA = clamp((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d), -1, 1)
        let sinA = (1 - cosA * cosA).squareRoot()
        middle = root + (u * cosA + w * sinA) * l1
        end = root + u * d
        axis = u
        bend = w
    }
}
