/// A frame as sent to the page: a fixed 40-byte little-endian header, then the JPEG.
///
/// | offset | type | field |
/// |---|---|---|
/// | 0 | 4 bytes | magic `OYF1` |
/// | 4 | u32 | frame number (the session's simulation frame) |
/// | 8 | u32 | the last input `seq` this frame reflects (0: none yet) |
/// | 12 | f32 | simulation time, seconds |
/// | 16 | 3 × f32 | the player's feet x, y, z, metres |
/// | 28 | f32 | heading, degrees (0 looks along −Z, positive turns right) |
/// | 32 | f32 | hour of the day shown (NaN: unknown) |
/// | 36 | u32 | flags: bit 0 flying, bit 1 wading, bit 2 swimming, bit 3 the camera orbiting |
public struct FrameHeader: Equatable, Sendable {
    public var frame: UInt32
    public var lastInput: UInt32
    public var time: Float
    public var position: (x: Float, y: Float, z: Float)
    public var heading: Float
    public var hour: Float
    public var flying: Bool
    public var wading: Bool
    public var swimming: Bool
    public var orbiting: Bool

    public static let size = 40
    static let magic: [UInt8] = Array("OYF1".utf8)

    public init(frame: UInt32, lastInput: UInt32, time: Float, position: (x: Float, y: Float, z: Float), heading: Float, hour: Float, flying: Bool,
                wading: Bool = false, swimming: Bool = false, orbiting: Bool = false) {
        self.frame = frame
        self.lastInput = lastInput
        self.time = time
        self.position = position
        self.heading = heading
        self.hour = hour
        self.flying = flying
        self.wading = wading
        self.swimming = swimming
        self.orbiting = orbiting
    }

    /// The message: this header followed by `jpeg`.
    public func message(jpeg: [UInt8]) -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(Self.size + jpeg.count)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(frame)
        u32(lastInput)
        f32(time)
        f32(position.x)
        f32(position.y)
        f32(position.z)
        f32(heading)
        f32(hour)
        u32((flying ? 1 : 0) | (wading ? 2 : 0) | (swimming ? 4 : 0) | (orbiting ? 8 : 0))
        out += jpeg
        return out
    }

    /// Reads the header of a frame message (what the page does; for tests and tools).
    public init(message bytes: [UInt8]) throws(PlayProtocolError) {
        guard bytes.count >= Self.size, Array(bytes[0..<4]) == Self.magic else { throw .malformed("not a frame message") }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        func f32(_ at: Int) -> Float { Float(bitPattern: u32(at)) }
        self.init(frame: u32(4), lastInput: u32(8), time: f32(12), position: (f32(16), f32(20), f32(24)),
                  heading: f32(28), hour: f32(32), flying: u32(36) & 1 != 0, wading: u32(36) & 2 != 0, swimming: u32(36) & 4 != 0, orbiting: u32(36) & 8 != 0)
    }

    public static func == (a: FrameHeader, b: FrameHeader) -> Bool {
        a.frame == b.frame && a.lastInput == b.lastInput && a.time == b.time && a.position == b.position
            && a.heading == b.heading && (a.hour == b.hour || (a.hour.isNaN && b.hour.isNaN)) && a.flying == b.flying
            && a.wading == b.wading && a.swimming == b.swimming && a.orbiting == b.orbiting
    }
}
