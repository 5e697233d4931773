import Testing

@testable import Decoder

@Suite("Container errors")
struct ContainerErrorTests {
  static let header = ContainerImageHeader(
    pixelFormat: ContainerPixelFormat(colorModel: .gray), width: 28, height: 28,
    qualityHundredths: 7500)

  static func withHeader(_ change: (inout ContainerImageHeader) -> Void) -> ContainerImageHeader {
    var copy = header
    change(&copy)
    return copy
  }

  struct WriterCase: Sendable, CustomTestStringConvertible {
    var name: String
    var header: ContainerImageHeader
    var error: ContainerError
    var testDescription: String { name }
  }

  static let writerCases: [WriterCase] = [
    WriterCase(
      name: "zero width", header: withHeader { $0.width = 0 },
      error: .badGeometry(width: 0, height: 28, at: ContainerLocation(.width))),
    WriterCase(
      name: "height too large", header: withHeader { $0.height = 1 << 31 },
      error: .badGeometry(width: 28, height: 1 << 31, at: ContainerLocation(.height))),
    WriterCase(
      name: "quality above 100", header: withHeader { $0.qualityHundredths = 10_001 },
      error: .badQuality(code: 10_001, fractional: true, at: ContainerLocation(.quality))),
    WriterCase(
      name: "RGB at 4 bits",
      header: withHeader { $0.pixelFormat = ContainerPixelFormat(colorModel: .rgb, bitDepth: 4) },
      error: .unsupportedPixelFormat(
        ContainerPixelFormat(colorModel: .rgb, bitDepth: 4), at: ContainerLocation(.headerWord))),
    WriterCase(
      name: "bit depth 12",
      header: withHeader { $0.pixelFormat.bitDepth = 12 },
      error: .unsupportedPixelFormat(
        ContainerPixelFormat(colorModel: .gray, bitDepth: 12), at: ContainerLocation(.headerWord))),
    WriterCase(
      name: "empty latent shape", header: withHeader { $0.latentShape = [] },
      error: .badLatentShape(0, at: ContainerLocation(.latentRank))),
    WriterCase(
      name: "zero latent dimension", header: withHeader { $0.latentShape = [4, 0, 2] },
      error: .badLatentShape(0, at: ContainerLocation(.latentDimension(1)))),
  ]

  @Test("the writer refuses headers a file cannot record", arguments: writerCases)
  func writerRefuses(_ example: WriterCase) {
    #expect(throws: example.error) {
      try ContainerWriter.single(header: example.header, payload: [], modelFingerprint: 1)
    }
  }

  struct NameCase: Sendable, CustomTestStringConvertible {
    var name: String
    var problem: ContainerError.NameProblem
    var testDescription: String { name.debugDescription }
  }

  static let nameCases: [NameCase] = [
    NameCase(name: "", problem: .empty),
    NameCase(name: String(repeating: "é", count: 128), problem: .tooLong(byteCount: 256)),
    NameCase(name: "a/b.png", problem: .forbiddenCharacter("/")),
    NameCase(name: "a\\b.png", problem: .forbiddenCharacter("\\")),
    NameCase(name: "tab\there", problem: .forbiddenCharacter("\t")),
    NameCase(name: "nul\u{0}", problem: .forbiddenCharacter("\u{0}")),
    NameCase(name: "del\u{7F}", problem: .forbiddenCharacter("\u{7F}")),
    NameCase(name: ".", problem: .reserved),
    NameCase(name: "..", problem: .reserved),
  ]

  @Test("the writer refuses bad names", arguments: nameCases)
  func badNames(_ example: NameCase) {
    let entries = [
      ContainerEntry(header: Self.header, name: "fine.png", payload: []),
      ContainerEntry(header: Self.header, name: example.name, payload: []),
    ]
    let location = ContainerLocation(.name, entry: 1)
    #expect(throws: ContainerError.badName(example.name, problem: example.problem, at: location)) {
      try ContainerWriter.archive(entries, modelFingerprint: 1)
    }
  }

  @Test("the writer and the reader refuse duplicate names, canonically equal ones too")
  func duplicateNames() throws {
    let composed = "caf\u{E9}.png"
    let decomposed = "cafe\u{301}.png"
    let entries = [
      ContainerEntry(header: Self.header, name: composed, payload: []),
      ContainerEntry(header: Self.header, name: decomposed, payload: []),
    ]
    #expect(
      throws: ContainerError.badName(
        decomposed, problem: .duplicate, at: ContainerLocation(.name, entry: 1))
    ) { try ContainerWriter.archive(entries, modelFingerprint: 1) }

    // Write two distinct names, then make the second equal to the first in place.
    var bytes = try ContainerWriter.archive(
      [
        ContainerEntry(header: Self.header, name: "a.png", payload: [9]),
        ContainerEntry(header: Self.header, name: "b.png", payload: [9]),
      ], modelFingerprint: 1)
    let second = try #require(bytes.lastIndex(of: UInt8(ascii: "b")))
    bytes[second] = UInt8(ascii: "a")
    #expect(
      throws: ContainerError.badName(
        "a.png", problem: .duplicate, at: ContainerLocation(.name, entry: 1, offset: second))
    ) { try ContainerFile.parse(bytes) }
  }

  @Test("the reader refuses a name that is not UTF-8")
  func invalidUTF8Name() throws {
    var bytes = try ContainerWriter.archive(
      [ContainerEntry(header: Self.header, name: "ab", payload: [])], modelFingerprint: 1)
    let nameStart = try #require(bytes.firstIndex(of: UInt8(ascii: "a")))
    bytes[nameStart] = 0xC3
    bytes[nameStart + 1] = 0x28
    let error = #expect(throws: ContainerError.self) { try ContainerFile.parse(bytes) }
    guard case .badName(_, .invalidUTF8, let location) = error else {
      Issue.record("expected an invalid UTF-8 name, got \(String(describing: error))")
      return
    }
    #expect(location == ContainerLocation(.name, entry: 0, offset: nameStart))
  }

  @Test("an empty archive is refused")
  func emptyArchive() throws {
    #expect(throws: ContainerError.emptyArchive(at: ContainerLocation(.entryCount))) {
      try ContainerWriter.archive([], modelFingerprint: 1)
    }
    // Magic, version, short fingerprint, header word 0x243, width, quality, count 0, check.
    var body: [UInt8] = [0xAE, 0x5A, 0x01, 0x00, 0x00, 0xC3, 0x04, 0x1C, 0x4B, 0x00]
    body += [0, 0, 0, 0]
    #expect(throws: ContainerError.emptyArchive(at: ContainerLocation(.entryCount, offset: 9))) {
      try ContainerFile.parse(body)
    }
  }

  @Test(
    "descriptions say what is wrong",
    arguments: [
      (ContainerError.empty, "empty"),
      (.badMagic(found: [0x89, 0x50]), "looks like a PNG"),
      (.unknownVersion(found: 7), "version 7"),
      (
        .unknownFlags(bits: 0x800, at: ContainerLocation(.headerWord, offset: 5)),
        "unknown flag bits 0x800 in the header word (at byte 5)"
      ),
      (
        .truncated(at: ContainerLocation(.payload, entry: 2, offset: 67)),
        "ends in the payload of entry 3 (at byte 67)"
      ),
      (
        .checksumMismatch(stored: 0xDCCD_011C, computed: 0x0000_0001),
        "stored 0xdccd011c, computed 0x00000001"
      ),
      (
        .modelMismatch(fileShortFingerprint: 0x00AB, modelFingerprint: 0xFF),
        "made by model 00ab..., this model is 00000000000000ff"
      ),
      (.trailingBytes(count: 5, offset: 22), "5 unexpected bytes"),
      (
        .badName("x/y", problem: .forbiddenCharacter("/"), at: ContainerLocation(.name, entry: 0)),
        "U+2F"
      ),
    ])
  func descriptions(error: ContainerError, fragment: String) {
    #expect(error.description.contains(fragment), "\(error.description)")
  }
}
