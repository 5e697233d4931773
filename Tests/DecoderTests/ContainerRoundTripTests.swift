import Testing

@testable import Decoder

@Suite("Container round trips")
struct ContainerRoundTripTests {
  static func header(
    _ color: ContainerPixelFormat.ColorModel, alpha: ContainerPixelFormat.Alpha = .absent,
    depth: Int = 8, _ width: Int, _ height: Int, quality: Int = 7500, latent: [Int]? = nil
  ) -> ContainerImageHeader {
    ContainerImageHeader(
      pixelFormat: ContainerPixelFormat(colorModel: color, alpha: alpha, bitDepth: depth),
      width: width, height: height, qualityHundredths: quality, latentShape: latent)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var header: ContainerImageHeader
    var testDescription: String { name }
  }

  static let maximum = ContainerImageHeader.maximumDimension
  static let cases: [Case] = [
    Case(name: "gray 1-bit", header: header(.gray, depth: 1, 28, 28)),
    Case(name: "gray 2-bit, alpha dropped", header: header(.gray, alpha: .dropped, depth: 2, 5, 9)),
    Case(name: "gray 4-bit", header: header(.gray, depth: 4, 300, 2)),
    Case(name: "gray 16-bit", header: header(.gray, depth: 16, 64, 64)),
    Case(name: "gray + alpha 8-bit", header: header(.gray, alpha: .lossless, 28, 28)),
    Case(name: "RGB 8-bit", header: header(.rgb, 768, 512)),
    Case(name: "RGBA 16-bit", header: header(.rgb, alpha: .lossless, depth: 16, 1, 1)),
    Case(name: "RGB, alpha dropped", header: header(.rgb, alpha: .dropped, 17, 31)),
    Case(name: "quality 0", header: header(.gray, 28, 28, quality: 0)),
    Case(name: "quality 100", header: header(.gray, 28, 28, quality: 10_000)),
    Case(name: "quality 99.99", header: header(.rgb, 28, 28, quality: 9999)),
    Case(name: "quality 0.01", header: header(.rgb, 28, 28, quality: 1)),
    Case(name: "explicit latent shape", header: header(.rgb, 96, 64, latent: [192, 6, 4])),
    Case(
      name: "rank-8 latent shape", header: header(.gray, 8, 8, latent: [1, 2, 3, 4, 5, 6, 7, 8])),
    Case(name: "largest geometry", header: header(.gray, maximum, maximum - 1, latent: [maximum])),
  ]

  @Test("a single image reads back as written", arguments: cases)
  func single(_ example: Case) throws {
    var rng = SeededRandom(seed: UInt64(example.header.width))
    let payload = rng.bytes(Int.random(in: 0...40, using: &rng))
    let bytes = try ContainerWriter.single(
      header: example.header, payload: payload, modelFingerprint: Fingerprints.other)

    let file = try ContainerFile.read(bytes, modelFingerprint: Fingerprints.other)
    #expect(!file.isArchive)
    #expect(file.entries == [ContainerEntry(header: example.header, payload: payload)])
    #expect(file.overheadByteCount == bytes.count - payload.count)
  }

  @Test("an archive of mixed geometries and names reads back as written")
  func mixedArchive() throws {
    var rng = SeededRandom(seed: 2024)
    let headers = Self.cases.map(\.header)
    let entries = (0..<60).map { index in
      // Mostly the first header, so that the default is shared and others override it.
      let header = index % 3 == 0 ? headers[index % headers.count] : headers[0]
      return ContainerEntry(
        header: header, name: "image \(index) – ü.png",
        payload: rng.bytes(Int.random(in: 0...200, using: &rng)))
    }
    let bytes = try ContainerWriter.archive(entries, modelFingerprint: Fingerprints.fixture)

    let file = try ContainerFile.read(bytes, modelFingerprint: Fingerprints.fixture)
    #expect(file.isArchive)
    #expect(file.defaultHeader == headers[0])
    #expect(file.entries == entries)
  }

  @Test("an unnamed archive of one image reads back as written")
  func archiveOfOne() throws {
    let entry = ContainerEntry(header: Self.header(.rgb, 40, 30), payload: [1, 2, 3])
    let bytes = try ContainerWriter.archive([entry], modelFingerprint: Fingerprints.other)
    let file = try ContainerFile.read(bytes, modelFingerprint: Fingerprints.other)
    #expect(file.isArchive)
    #expect(!file.hasNames)
    #expect(file.entries == [entry])
  }

  @Test("the default header is the most common one, the earliest on a tie")
  func defaultHeader() {
    let first = Self.header(.gray, 28, 28)
    let second = Self.header(.rgb, 32, 32)
    func entries(_ headers: [ContainerImageHeader]) -> [ContainerEntry] {
      headers.map { ContainerEntry(header: $0, payload: []) }
    }
    #expect(ContainerWriter.defaultHeader(for: entries([first, second, second])) == second)
    #expect(ContainerWriter.defaultHeader(for: entries([first, second, second, first])) == first)
    #expect(ContainerWriter.defaultHeader(for: entries([second])) == second)
  }

  @Test("random archives round-trip, and rewriting a parsed file gives the same bytes")
  func randomArchives() throws {
    for seed in UInt64(1)...40 {
      var rng = SeededRandom(seed: seed)
      let count = Int.random(in: 1...12, using: &rng)
      let named = Bool.random(using: &rng)
      let entries = (0..<count).map { index in
        let header = Self.cases.randomElement(using: &rng)?.header ?? Self.cases[0].header
        return ContainerEntry(
          header: header, name: named ? "n\(index)" : nil,
          payload: rng.bytes(Int.random(in: 0...300, using: &rng)))
      }
      let fingerprint = rng.next()
      let bytes = try ContainerWriter.archive(entries, modelFingerprint: fingerprint)
      let file = try ContainerFile.read(bytes, modelFingerprint: fingerprint)
      #expect(file.entries == entries, "seed \(seed)")
      let rewritten = try ContainerWriter.archive(file.entries, modelFingerprint: fingerprint)
      #expect(rewritten == bytes, "seed \(seed)")
    }
  }
}
