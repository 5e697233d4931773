import Foundation
import Image
import Testing

/// A corrupt fixture and the error it must raise.
struct CorruptCase: Sendable, CustomTestStringConvertible {
  /// The error kind expected, with a fragment of the reason where the reason matters.
  enum Expected: Sendable {
    case empty
    case notPNG
    case truncated(reasonContains: String)
    case corrupt(reasonContains: String)
    case tooLarge(width: Int, height: Int)
  }

  let file: String
  let expected: Expected

  var testDescription: String { file }

  /// Whether `error` is the expected one for this fixture read from `path`.
  func matches(_ error: PNGError, path: String) -> Bool {
    switch (expected, error) {
    case (.empty, .empty(let file)), (.notPNG, .notPNG(let file)):
      return file == path
    case (.truncated(let fragment), .truncated(let file, let reason)):
      return file == path && reason.contains(fragment)
    case (.corrupt(let fragment), .corrupt(let file, let reason)):
      return file == path && reason.contains(fragment)
    case (.tooLarge(let width, let height), .tooLarge(let file, let gotWidth, let gotHeight, _)):
      return file == path && width == gotWidth && height == gotHeight
    default:
      return false
    }
  }
}

private let corruptCases: [CorruptCase] = [
  CorruptCase(file: "corrupt_empty.png", expected: .empty),
  CorruptCase(file: "corrupt_signature.png", expected: .notPNG),
  CorruptCase(file: "corrupt_text.png", expected: .notPNG),
  CorruptCase(
    file: "corrupt_short_signature.png", expected: .truncated(reasonContains: "signature")),
  CorruptCase(
    file: "corrupt_truncated_header.png",
    expected: .truncated(reasonContains: "before the image is complete")),
  CorruptCase(
    file: "corrupt_truncated_idat.png",
    expected: .truncated(reasonContains: "before the image is complete")),
  CorruptCase(
    file: "corrupt_missing_iend.png", expected: .truncated(reasonContains: "before its IEND")),
  CorruptCase(file: "corrupt_crc_ihdr.png", expected: .corrupt(reasonContains: "CRC error")),
  CorruptCase(file: "corrupt_crc_idat.png", expected: .corrupt(reasonContains: "CRC error")),
  CorruptCase(file: "corrupt_bit_depth.png", expected: .corrupt(reasonContains: "IHDR")),
  CorruptCase(file: "corrupt_zlib.png", expected: .corrupt(reasonContains: "IDAT")),
  CorruptCase(
    file: "corrupt_short_idat.png", expected: .corrupt(reasonContains: "Not enough image data")),
  CorruptCase(file: "corrupt_no_palette.png", expected: .corrupt(reasonContains: "PLTE")),
  CorruptCase(file: "corrupt_huge.png", expected: .tooLarge(width: 100_000, height: 100_000)),
]

@Suite("PNG errors")
struct PNGErrorTests {
  @Test("each corrupt fixture raises its specific error", arguments: corruptCases)
  func corruptFixture(_ fixture: CorruptCase) throws {
    let path = Fixtures.path(fixture.file)
    let error = #expect(throws: PNGError.self) { try PixelBuffer(contentsOfPNG: path) }
    let unwrapped = try #require(error)
    #expect(fixture.matches(unwrapped, path: path), "got: \(unwrapped)")
  }

  @Test("every corrupt fixture has a case in the table")
  func tableCoversFixtures() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.pngDirectory.path)
      .filter { $0.hasPrefix("corrupt_") }
    #expect(names.sorted() == corruptCases.map(\.file).sorted())
  }

  @Test("a damaged ancillary chunk is dropped and the pixels still decode")
  func damagedAncillaryChunk() throws {
    var bytes = try Fixtures.bytes("rgb16.png")
    let expected = try PNG.decode(bytes)
    // rgb16.png carries a tEXt chunk; flip one bit of its CRC (the 4 bytes after its data).
    let type = Array("tEXt".utf8)
    let typeStart = try #require(
      (0..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == type })
    let length = bytes[(typeStart - 4)..<typeStart].reduce(0) { $0 << 8 | Int($1) }
    bytes[typeStart + 4 + length] ^= 0x01

    #expect(try PNG.decode(bytes) == expected)
  }

  @Test("descriptions name the file and the reason")
  func descriptions() {
    #expect(
      PNGError.notPNG(file: "photo.png").description == "photo.png: not a PNG file (bad signature)")
    #expect(
      PNGError.corrupt(file: "a.png", reason: "IDAT: CRC error").description
        == "a.png: corrupt PNG (IDAT: CRC error)")
    #expect(
      PNGError.truncated(file: "b.png", reason: "file ends before the image is complete")
        .description == "b.png: truncated PNG (file ends before the image is complete)")
  }

  @Test("decoding from memory names the given source")
  func sourceLabel() throws {
    let bytes = try Fixtures.bytes("corrupt_signature.png")
    #expect(throws: PNGError.notPNG(file: "upload")) { try PNG.decode(bytes, source: "upload") }
    #expect(throws: PNGError.empty(file: "PNG data")) { try PNG.decode([]) }
  }

  @Test("a pixel limit below the image size is refused before decoding")
  func pixelLimit() throws {
    let bytes = try Fixtures.bytes("rgb8.png")
    #expect(throws: PNGError.tooLarge(file: "PNG data", width: 5, height: 4, limit: 19)) {
      try PNG.decode(bytes, maximumPixelCount: 19)
    }
    #expect(try PNG.decode(bytes, maximumPixelCount: 20).pixelCount == 20)
  }

  @Test("a header declaring more pixels than the file could hold is refused before decoding")
  func sizeExceedsData() throws {
    var bytes = try Fixtures.bytes("grey8.png")
    // IHDR's width and height are the 8 bytes after the signature, length and type.
    let side: [UInt8] = [0, 0, 0x3E, 0x80]  // 16000
    bytes.replaceSubrange(16..<20, with: side)
    bytes.replaceSubrange(20..<24, with: side)
    bytes = CRC32.resealed(bytes)
    #expect(
      throws: PNGError.sizeExceedsData(
        file: "PNG data", width: 16000, height: 16000, byteCount: bytes.count)
    ) { try PNG.decode(bytes) }
    #expect(throws: PNGError.self) { try PNG.readHeader(bytes) }
  }

  @Test("an image compressed near deflate's best ratio still decodes")
  func highlyCompressedImage() throws {
    let image = PixelBuffer(width: 2000, height: 2000, layout: .grey, sampleDepth: .eight, value: 0)
    let bytes = try PNG.encode(image, options: PNG.EncodeOptions(compressionLevel: 9))
    // Zeros compress to about a thousandth: close to the 1032:1 the check allows.
    #expect(bytes.count * 900 < image.pixelCount)
    #expect(try PNG.decode(bytes) == image)
  }

  @Test("a missing file reports the system's reason")
  func missingFile() {
    let path = Fixtures.path("no_such_file.png")
    #expect(
      throws: PNGError.unreadable(file: path, reason: "No such file or directory")
    ) { try PixelBuffer(contentsOfPNG: path) }
  }

  @Test("a directory is not readable as a PNG")
  func directoryPath() {
    let path = Fixtures.pngDirectory.path
    #expect(throws: PNGError.unreadable(file: path, reason: "Is a directory")) {
      try PixelBuffer(contentsOfPNG: path)
    }
  }

  @Test("writing into a missing directory reports the system's reason")
  func unwritablePath() throws {
    let image = PixelBuffer(width: 2, height: 2, layout: .grey, sampleDepth: .eight, value: 7)
    let path = Fixtures.path("no_such_directory/out.png")
    #expect(throws: PNGError.unwritable(file: path, reason: "No such file or directory")) {
      try image.writePNG(to: path)
    }
  }

  /// Mutations of every valid fixture: random byte changes (with and without re-sealed CRCs so
  /// the damage reaches zlib and the filters), truncations and appended garbage. Decoding must
  /// either succeed with a consistent buffer or throw a PNGError; a crash fails the run.
  @Test("mutated files never crash the decoder", arguments: [1, 2, 3, 4] as [UInt64])
  func mutationsNeverCrash(seed: UInt64) throws {
    var generator = SeededGenerator(seed: seed)
    var decoded = 0
    var rejected = 0
    for name in try Fixtures.validNames() {
      let original = try Fixtures.bytes(name)
      for _ in 0..<60 {
        var bytes = original
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
          bytes.removeLast(Int.random(in: 1..<bytes.count, using: &generator))
        case 1:
          let garbage = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
          bytes.append(contentsOf: garbage)
        default:
          for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let index = Int.random(in: 8..<bytes.count, using: &generator)
            bytes[index] = UInt8.random(in: 0...255, using: &generator)
          }
          if Bool.random(using: &generator) {
            bytes = CRC32.resealed(bytes)
          }
        }
        do {
          let image = try PNG.decode(bytes)
          #expect(image.samples.count == image.pixelCount * image.channelCount)
          decoded += 1
        } catch is PNGError {
          rejected += 1
        }
      }
    }
    // Both outcomes must occur, or the mutations are not reaching the decoder.
    #expect(decoded > 0 && rejected > 0)
  }
}
