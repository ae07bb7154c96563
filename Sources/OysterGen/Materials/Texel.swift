import OysterCore

/// One texel of a procedural surface: colour (sRGB 0…1), height (0…1, for the normal map),
/// roughness and ambient occlusion.
struct Texel {
    var color: Vec3
    var height: Float
    var roughness: Float
    var occlusion: Float = 1
}

/// A running-bond (brick) layout on the unit tile: which block a point is in and how far it
/// is from the mortar. Integer rows/columns and a half-block stagger keep it tileable.
struct BlockLayout {
    let rows: Int
    let cols: Int
    let mortar: Float
    let stagger: Bool

    /// (inside: 0 in mortar … 1 inside a block, block id hash, position within block 0…1).
    func sample(_ u: Float, _ v: Float, seed: UInt32) -> (inside: Float, id: UInt32, fu: Float, fv: Float) {
        let y = v * Float(rows)
        let row = Int(y.rounded(.down))
        let fv = y - Float(row)
        var x = u * Float(cols)
        if stagger, row & 1 == 1 { x += 0.5 }
        let colF = x.rounded(.down)
        let fu = x - colF
        let col = ((Int(colF) % cols) + cols) % cols
        let du = min(fu, 1 - fu) / Float(cols), dv = min(fv, 1 - fv) / Float(rows)
        let d = min(du, dv)
        let inside = smoothstep(mortar * 0.4, mortar, d)
        let id = PositionHash.lattice(seed, Int32(col), Int32(((row % rows) + rows) % rows))
        return (inside, id, fu, fv)
    }
}

@inlinable func unitHash(_ h: UInt32) -> Float { Float(h >> 8) * (1.0 / 16_777_216.0) }
