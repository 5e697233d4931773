import Testing

@testable import Decoder

/// The size goals of the specification's "Size budget".
@Suite("Container size")
struct ContainerSizeTests {
  static let mnist = ContainerImageHeader(
    pixelFormat: ContainerPixelFormat(colorModel: .gray), width: 28, height: 28,
    qualityHundredths: 5000)

  @Test("a single 28x28 gray 8-bit image costs at most 12 bytes besides its payload")
  func singleImageGoal() throws {
    let payload = Array(repeating: UInt8(0x5A), count: 10)
    let bytes = try ContainerWriter.single(
      header: Self.mnist, payload: payload, modelFingerprint: Fingerprints.other)
    #expect(bytes.count - payload.count <= 12)
    #expect(bytes.count - payload.count == 12)
  }

  @Test("10 000 digits in one archive cost at most 16 bits of overhead each")
  func archiveGoal() throws {
    var rng = SeededRandom(seed: 10_000)
    let entries = (0..<10_000).map { _ in
      ContainerEntry(header: Self.mnist, payload: rng.bytes(10))
    }
    let bytes = try ContainerWriter.archive(entries, modelFingerprint: Fingerprints.other)

    let overheadBytes = bytes.count - 10 * entries.count
    let bitsPerImage = Double(overheadBytes * 8) / Double(entries.count)
    #expect(bitsPerImage <= 16)
    // 15 bytes for the whole archive plus one entry word per image (see the specification).
    #expect(overheadBytes == 15 + entries.count)

    let file = try ContainerFile.read(bytes, modelFingerprint: Fingerprints.other)
    #expect(file.entries.count == entries.count)
    #expect(file.overheadByteCount == overheadBytes)
  }

  @Test("a name costs its length plus one byte")
  func nameCost() throws {
    let plain = (0..<100).map { _ in ContainerEntry(header: Self.mnist, payload: [1, 2]) }
    let named = plain.enumerated().map { index, entry in
      var copy = entry
      copy.name = "\(10_000 + index).png"
      return copy
    }
    let plainBytes = try ContainerWriter.archive(plain, modelFingerprint: Fingerprints.other)
    let namedBytes = try ContainerWriter.archive(named, modelFingerprint: Fingerprints.other)
    #expect(namedBytes.count - plainBytes.count == 100 * (1 + "10000.png".utf8.count))
  }

  @Test("an entry that differs from the default pays for its own header only")
  func overrideCost() throws {
    let other = ContainerImageHeader(
      pixelFormat: ContainerPixelFormat(colorModel: .gray), width: 28, height: 28,
      qualityHundredths: 9000)
    var entries = (0..<10).map { _ in ContainerEntry(header: Self.mnist, payload: [7]) }
    let uniform = try ContainerWriter.archive(entries, modelFingerprint: Fingerprints.other)
    entries[4].header = other
    let mixed = try ContainerWriter.archive(entries, modelFingerprint: Fingerprints.other)
    // Header word, width and quality code: one byte each.
    #expect(mixed.count - uniform.count == 3)
  }
}
