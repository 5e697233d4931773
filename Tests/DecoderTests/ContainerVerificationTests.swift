import Testing

@testable import Decoder

@Suite("Container verification")
struct ContainerVerificationTests {
  static func singleFile() throws -> ContainerFile {
    try ContainerFile.parse(try Fixtures.bytes("single-gray8-28x28.aez"))
  }

  @Test("another model is refused with both fingerprints named")
  func modelMismatch() throws {
    let file = try Self.singleFile()
    let expected = ContainerError.modelMismatch(
      fileShortFingerprint: 0xAC43, modelFingerprint: Fingerprints.other)
    #expect(throws: expected) { try file.verify(modelFingerprint: Fingerprints.other) }
    #expect(expected.description.contains("ac43"))
    #expect(expected.description.contains("0123456789abcdef"))
  }

  @Test("a model whose short fingerprint collides fails the check")
  func collidingModel() throws {
    let file = try Self.singleFile()
    #expect(ContainerFingerprint.short(of: Fingerprints.collidingWithFixture) == 0xAC43)
    let computed = file.computedCheck(modelFingerprint: Fingerprints.collidingWithFixture)
    #expect(computed != file.storedCheck)
    #expect(throws: ContainerError.checksumMismatch(stored: file.storedCheck, computed: computed)) {
      try file.verify(modelFingerprint: Fingerprints.collidingWithFixture)
    }
  }

  @Test("the right model is found among several")
  func identify() throws {
    let file = try Self.singleFile()
    let known = [Fingerprints.other, Fingerprints.collidingWithFixture, Fingerprints.fixture]
    #expect(try file.identifyModel(among: known) == Fingerprints.fixture)

    #expect(
      throws: ContainerError.unknownModel(
        fileShortFingerprint: 0xAC43, knownFingerprints: [Fingerprints.other])
    ) { try file.identifyModel(among: [Fingerprints.other]) }

    let computed = file.computedCheck(modelFingerprint: Fingerprints.collidingWithFixture)
    #expect(throws: ContainerError.checksumMismatch(stored: file.storedCheck, computed: computed)) {
      try file.identifyModel(among: [Fingerprints.collidingWithFixture])
    }
  }

  @Test("every prefix of an archive is refused while parsing")
  func archivePrefixes() throws {
    let bytes = try Fixtures.bytes("archive-3-named.aez")
    for length in 0..<bytes.count {
      #expect(throws: ContainerError.self, "length \(length)") {
        try ContainerFile.parse(Array(bytes[..<length]))
      }
    }
  }

  @Test("every prefix of a single image is refused while parsing or verifying")
  func singlePrefixes() throws {
    let bytes = try Fixtures.bytes("single-gray8-28x28.aez")
    for length in 0..<bytes.count {
      #expect(throws: ContainerError.self, "length \(length)") {
        try ContainerFile.read(Array(bytes[..<length]), modelFingerprint: Fingerprints.fixture)
      }
    }
  }

  @Test("every single-bit error is refused")
  func singleBitErrors() throws {
    for name in ["single-gray8-28x28.aez", "archive-3-named.aez"] {
      let bytes = try Fixtures.bytes(name)
      for bit in 0..<bytes.count * 8 {
        var damaged = bytes
        damaged[bit / 8] ^= 1 << UInt8(bit % 8)
        #expect(throws: ContainerError.self, "\(name), bit \(bit)") {
          try ContainerFile.read(damaged, modelFingerprint: Fingerprints.fixture)
        }
      }
    }
  }

  @Test("random bytes never trap the reader")
  func randomBytes() {
    var rng = SeededRandom(seed: 99)
    for _ in 0..<2000 {
      var bytes = ContainerFile.magic + [1] + rng.bytes(Int.random(in: 0...40, using: &rng))
      // Half of them get a two-byte header word with the archive bit (bit 9) set.
      if bytes.count > 6 && Bool.random(using: &rng) {
        bytes[5] |= 0x80
        bytes[6] = 0x04
      }
      // Any result is acceptable; the test fails only by trapping.
      _ = try? ContainerFile.read(bytes, modelFingerprint: rng.next())
    }
  }
}
