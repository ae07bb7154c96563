import OysterCore
import Testing

/// FIPS 180-4 test vectors (NIST's "SHA-256 examples"), including ones that end exactly on
/// and just past a block boundary.
@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyLengthAroundABlockMatchesItsOwnPaddingRule() {
        // 55, 56, 63, 64 and 65 bytes take one or two padding blocks; each must differ from
        // its neighbours and be stable.
        let digests = [55, 56, 63, 64, 65].map { SHA256.hex(Array(repeating: 0x61, count: $0)) }
        #expect(Set(digests).count == 5)
        #expect(SHA256.hex(Array(repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
