import Testing

@testable import Decoder

@Suite("CRC-32C")
struct CRC32CTests {
  struct Vector: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var check: UInt32
    var testDescription: String { name }
  }

  // The check value of the catalogue of CRC parameters, and the iSCSI test vectors.
  static let vectors: [Vector] = [
    Vector(name: "no bytes", bytes: [], check: 0x0000_0000),
    Vector(name: "123456789", bytes: Array("123456789".utf8), check: 0xE306_9283),
    Vector(name: "32 zeros", bytes: Array(repeating: 0, count: 32), check: 0x8A91_36AA),
    Vector(name: "32 x ff", bytes: Array(repeating: 0xFF, count: 32), check: 0x62A8_AB43),
    Vector(name: "0 to 31", bytes: Array(0...31), check: 0x46DD_794E),
    Vector(name: "31 to 0", bytes: Array((0...31).reversed()), check: 0x113F_DB5C),
  ]

  @Test("matches the published vectors", arguments: vectors)
  func published(_ vector: Vector) {
    #expect(CRC32C.checksum(vector.bytes) == vector.check)
  }

  @Test("gives the same value fed in pieces")
  func pieces() {
    var rng = SeededRandom(seed: 11)
    let bytes = rng.bytes(1000)
    for cut in [0, 1, 7, 500, 999, 1000] {
      var crc = CRC32C()
      crc.update(bytes[..<cut])
      crc.update(bytes[cut...])
      #expect(crc.value == CRC32C.checksum(bytes), "cut at \(cut)")
    }
  }
}
