import OysterCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How color samples are encoded; the texture slot that uses an image decides (`TextureSlot.isSRGB`).
public enum ColorSpace: Hashable, Sendable {
    /// sRGB transfer curve (base color, emissive): filter in linear light.
    case sRGB
    /// Linear data (normal, metallic-roughness, occlusion): filter as stored.
    case linear

    /// The color space of images used in `slot`.
    public init(slot: TextureSlot) { self = slot.isSRGB ? .sRGB : .linear }
}

// MARK: - sRGB transfer (IEC 61966-2-1)

enum SRGB {
    /// sRGB-encoded value in 0...1 to linear light.
    @inline(__always)
    static func toLinear(_ v: Float) -> Float {
        v <= 0.04045 ? v / 12.92 : powf((v + 0.055) / 1.055, 2.4)
    }

    /// Linear light in 0...1 to sRGB-encoded.
    @inline(__always)
    static func fromLinear(_ v: Float) -> Float {
        v <= 0.0031308 ? v * 12.92 : 1.055 * powf(v, 1 / 2.4) - 0.055
    }

    /// 8-bit sRGB code to linear light.
    static let decode8: [Float] = (0..<256).map { toLinear(Float($0) / 255) }

    /// 16-bit sRGB code to linear light (256 KiB, built on first use).
    static let decode16: [Float] = (0..<65536).map { toLinear(Float($0) / 65535) }

    /// Linear light quantized to 16 bits to the nearest 8-bit sRGB code (error < 0.05 code near black).
    static let encode8: [UInt8] = (0..<65536).map { UInt8((fromLinear(Float($0) / 65535) * 255).rounded()) }
}

extension ColorSpace {
    /// An 8-bit code of this colour space as the value a GL sampler returns: linear light
    /// for sRGB, the code over 255 for linear data.
    public func sampled(_ code: UInt8) -> Float {
        self == .sRGB ? SRGB.decode8[Int(code)] : Float(code) / 255
    }
}
