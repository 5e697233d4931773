import Testing

@testable import Decoder

/// Reads the committed fixtures, written by an independent implementation of the
/// specification (`Fixtures/aez/generate.py`), and asserts exactly what each holds.
@Suite("Container fixtures")
struct ContainerFixtureTests {
  @Test("the single 28x28 image reads as written, and the writer reproduces it")
  func single() throws {
    let bytes = try Fixtures.bytes("single-gray8-28x28.aez")
    let file = try ContainerFile.read(bytes, modelFingerprint: Fingerprints.fixture)
    #expect(!file.isArchive)
    #expect(file.shortFingerprint == 0xAC43)
    #expect(file.storedCheck == 0xA746_2681)
    #expect(
      file.entries == [
        ContainerEntry(header: FixtureContent.mnistHeader, payload: FixtureContent.payload10)
      ])
    #expect(file.overheadByteCount == 12)

    let written = try ContainerWriter.single(
      header: FixtureContent.mnistHeader, payload: FixtureContent.payload10,
      modelFingerprint: Fingerprints.fixture)
    #expect(written == bytes)
  }

  @Test("the archive of three reads as written, and the writer reproduces it")
  func archive() throws {
    let bytes = try Fixtures.bytes("archive-3-named.aez")
    let file = try ContainerFile.read(bytes, modelFingerprint: Fingerprints.fixture)
    #expect(file.isArchive)
    #expect(file.hasNames)
    #expect(file.defaultHeader == FixtureContent.mnistHeader)
    #expect(file.entries == FixtureContent.archiveEntries)
    #expect(file.entries[2].header.quality == 62.5)
    #expect(file.entries[2].header.pixelFormat.channels == 3)

    let written = try ContainerWriter.archive(
      FixtureContent.archiveEntries, modelFingerprint: Fingerprints.fixture)
    #expect(written == bytes)
  }

  struct ParseFailure: Sendable, CustomTestStringConvertible {
    var file: String
    var error: ContainerError
    var testDescription: String { file }
  }

  static func at(
    _ field: ContainerLocation.Field, entry: Int? = nil, _ offset: Int
  ) -> ContainerLocation {
    ContainerLocation(field, entry: entry, offset: offset)
  }

  static let parseFailures: [ParseFailure] = [
    ParseFailure(file: "empty.aez", error: .empty),
    ParseFailure(file: "bad-magic.aez", error: .badMagic(found: [0x89, 0x50])),
    ParseFailure(file: "unknown-version.aez", error: .unknownVersion(found: 2)),
    ParseFailure(
      file: "unknown-flag.aez", error: .unknownFlags(bits: 0x800, at: at(.headerWord, 5))),
    ParseFailure(
      file: "single-named-flag.aez", error: .unknownFlags(bits: 0x400, at: at(.headerWord, 5))),
    ParseFailure(file: "bad-bit-depth.aez", error: .badBitDepthCode(5, at: at(.headerWord, 5))),
    ParseFailure(
      file: "zero-width.aez", error: .badGeometry(width: 0, height: 28, at: at(.width, 6))),
    ParseFailure(file: "varint-overflow.aez", error: .varintOverflow(at: at(.width, 6))),
    ParseFailure(file: "overlong-varint.aez", error: .overlongVarint(at: at(.width, 6))),
    ParseFailure(file: "truncated-in-magic.aez", error: .truncated(at: at(.magic, 0))),
    ParseFailure(
      file: "truncated-in-fingerprint.aez", error: .truncated(at: at(.shortFingerprint, 3))),
    ParseFailure(file: "truncated-before-width.aez", error: .truncated(at: at(.width, 6))),
    ParseFailure(file: "truncated-in-check.aez", error: .truncated(at: at(.check, 8))),
    ParseFailure(file: "truncated-in-header-word.aez", error: .truncated(at: at(.headerWord, 5))),
    ParseFailure(
      file: "truncated-before-entry-count.aez", error: .truncated(at: at(.entryCount, 9))),
    ParseFailure(
      file: "truncated-in-archive-payload.aez",
      error: .truncated(at: at(.payload, entry: 2, 67))),
    ParseFailure(file: "truncated-in-archive-check.aez", error: .truncated(at: at(.check, 79))),
    ParseFailure(file: "archive-trailing-garbage.aez", error: .trailingBytes(count: 3, offset: 83)),
  ]

  @Test("invalid fixtures fail to parse with the specific error", arguments: parseFailures)
  func parseFailure(_ example: ParseFailure) throws {
    let bytes = try Fixtures.bytes(example.file)
    #expect(throws: example.error) { try ContainerFile.parse(bytes) }
  }

  @Test("a flipped payload byte parses but fails the check")
  func flippedPayloadByte() throws {
    let bytes = try Fixtures.bytes("flipped-payload-byte.aez")
    let file = try ContainerFile.parse(bytes)
    #expect(file.entries[0].payload[4] == FixtureContent.payload10[4] ^ 0x10)
    let computed = CRC32C.checksum(
      ContainerFingerprint.bytes(of: Fingerprints.fixture) + bytes[..<18])
    #expect(computed != 0xA746_2681)
    #expect(throws: ContainerError.checksumMismatch(stored: 0xA746_2681, computed: computed)) {
      try file.verify(modelFingerprint: Fingerprints.fixture)
    }
  }

  @Test("bytes after a single image's check are found by the verification")
  func trailingGarbage() throws {
    let file = try ContainerFile.parse(try Fixtures.bytes("trailing-garbage.aez"))
    #expect(throws: ContainerError.trailingBytes(count: 5, offset: 22)) {
      try file.verify(modelFingerprint: Fingerprints.fixture)
    }
  }

  @Test("every fixture in the folder is covered by a test")
  func allCovered() throws {
    let covered =
      Set(Self.parseFailures.map(\.file)).union([
        "single-gray8-28x28.aez", "archive-3-named.aez", "flipped-payload-byte.aez",
        "trailing-garbage.aez",
      ])
    let present = try FileManagerListing.names(in: Fixtures.folder, withExtension: "aez")
    #expect(Set(present) == covered)
  }
}
