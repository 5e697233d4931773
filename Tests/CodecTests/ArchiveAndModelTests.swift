import Codec
import Decoder
import Image
import Models
import Testing

/// `image` as an input read from `path`: encoded to PNG in memory, then decoded as the
/// command line decodes its input files.
private func memoryInput(_ image: PixelBuffer, path: String) throws -> InputImage {
  try InputImage(path: path, bytes: try PNG.encode(image))
}

@Suite("Archives and model identity")
struct ArchiveAndModelTests {
  /// Three 8x8 images of different kinds.
  static let images: [PixelBuffer] = [
    patternImage(width: 8, height: 8, seed: 1),
    patternImage(width: 8, height: 8, seed: 2).convertedToRGB(),
    patternImage(width: 8, height: 8, seed: 3).addingAlpha(
      (0..<64).map { UInt16($0 * 4) }),
  ]

  @Test("an archive keeps each image's name, order and format")
  func namedArchive() throws {
    let model = try TestModels.loaded(width: 8, height: 8)
    let inputs = try zip(Self.images, ["zero.png", "one.png", "two.png"]).map {
      try memoryInput($0, path: "/some/folder/\($1)")
    }
    let session = try CompressionSession(
      inputs: inputs, model: model, quality: 75, alpha: .keep, storeNames: true)
    let file = try ContainerFile.read(session.fileBytes, modelFingerprint: model.entry.fingerprint)
    #expect(file.isArchive)
    #expect(file.entries.map(\.name) == ["zero.png", "one.png", "two.png"])

    let decoded = try ImageDecoder.decode(
      session.fileBytes, catalog: ModelCatalog(models: [model.entry]))
    #expect(decoded.map(\.name) == ["zero.png", "one.png", "two.png"])
    #expect(decoded.map(\.image) == session.decoded)
    #expect(decoded.map(\.image.layout) == [.grey, .rgb, .greyAlpha])
    #expect(decoded[2].image.alphaPlane() == Self.images[2].alphaPlane())
    #expect(session.reports.map(\.file) == inputs.map(\.path))
    // The file's bytes are shared out: the reports add up to the whole file.
    let shared = session.reports.reduce(0) { $0 + $1.aezBytes }
    #expect(abs(shared - Double(session.fileBytes.count)) < 1e-9)
    #expect(session.summary.images == 3)
  }

  @Test("without names, several images still make an archive, unnamed")
  func unnamedArchive() throws {
    let model = try TestModels.loaded(width: 8, height: 8)
    let inputs = try Self.images.enumerated().map { try memoryInput($1, path: "\($0).png") }
    let session = try CompressionSession(
      inputs: inputs, model: model, quality: 75, alpha: .keep, storeNames: false)
    let decoded = try ImageDecoder.decode(
      session.fileBytes, catalog: ModelCatalog(models: [model.entry]))
    #expect(decoded.map(\.name) == [nil, nil, nil])
    #expect(decoded.map(\.image) == session.decoded)
  }

  @Test("a file names the model that made it, and another model is refused naming both")
  func anotherModelIsRefused() throws {
    let maker = try TestModels.loaded(width: 8, height: 8, seed: 1)
    let other = try TestModels.loaded(width: 8, height: 8, seed: 2)
    #expect(maker.entry.fingerprint != other.entry.fingerprint)
    let input = try memoryInput(Self.images[0], path: "a.png")
    let bytes = try CompressionSession(
      inputs: [input], model: maker, quality: 50, alpha: .keep, storeNames: false
    ).fileBytes
    let file = try ContainerFile.parse(bytes)
    #expect(file.shortFingerprint == ContainerFingerprint.short(of: maker.entry.fingerprint))

    let makerShort = ContainerFingerprint.hex(short: file.shortFingerprint)
    let otherHex = ContainerFingerprint.hex(other.entry.fingerprint)
    let unknown = #expect(throws: ContainerError.self) {
      try ImageDecoder.decode(bytes, catalog: ModelCatalog(models: [other.entry]))
    }
    #expect(
      unknown
        == .unknownModel(
          fileShortFingerprint: file.shortFingerprint,
          knownFingerprints: [other.entry.fingerprint]))
    let message = unknown.map { "\($0)" } ?? ""
    #expect(message.contains(makerShort) && message.contains(otherHex), "\(message)")

    let mismatch = #expect(throws: ContainerError.self) {
      try ContainerFile.read(bytes, modelFingerprint: other.entry.fingerprint)
    }
    let mismatchMessage = mismatch.map { "\($0)" } ?? ""
    #expect(mismatchMessage.contains(makerShort) && mismatchMessage.contains(otherHex))

    // With both models at hand, the right one is found.
    let catalog = ModelCatalog(models: [other.entry, maker.entry])
    #expect(try ImageDecoder.model(for: file, in: catalog).fingerprint == maker.entry.fingerprint)
  }

  @Test("an image of another size than the model's is refused, naming both")
  func imageDoesNotFit() throws {
    let model = try TestModels.loaded(width: 8, height: 8)
    let image = patternImage(width: 7, height: 5, seed: 1)
    let error = CodingError.imageDoesNotFitModel(
      model: model.entry.name, expected: "8x8 grey", actual: "7x5 grey")
    #expect(throws: error) {
      try ImageEncoder.encode(image, model: model, quality: 50)
    }
    #expect(error.description.contains("8x8") && error.description.contains("7x5"))
  }

  @Test("a file whose header gives another size than the model's is refused, not trapped on")
  func headerOfAnotherSize() throws {
    let model = try TestModels.loaded(width: 8, height: 8)
    let entry = try ImageEncoder.encode(Self.images[0], model: model, quality: 50)
    var header = entry.header
    header.width = 10
    header.height = 9
    let bytes = try ContainerWriter.single(
      header: header, payload: entry.payload, modelFingerprint: model.entry.fingerprint)
    #expect(
      throws: CodingError.imageDoesNotFitModel(
        model: model.entry.name, expected: "8x8 grey", actual: "10x9")
    ) { try ImageDecoder.decode(bytes, catalog: ModelCatalog(models: [model.entry])) }
  }

  @Test("a damaged payload with a valid check decodes or is refused, never traps")
  func damagedPayloads() throws {
    let model = try TestModels.loaded(width: 8, height: 8)
    let entry = try ImageEncoder.encode(Self.images[2], model: model, quality: 50)
    let catalog = ModelCatalog(models: [model.entry])
    var refused = 0
    var variants: [[UInt8]] = (0..<entry.payload.count).map { Array(entry.payload.prefix($0)) }
    for index in entry.payload.indices {
      for bit in [0, 3, 7] {
        var payload = entry.payload
        payload[index] ^= 1 << bit
        variants.append(payload)
      }
    }
    for payload in variants {
      let bytes = try ContainerWriter.single(
        header: entry.header, payload: payload, modelFingerprint: model.entry.fingerprint)
      do {
        let image = try ImageDecoder.decode(bytes, catalog: catalog)[0].image
        #expect((image.width, image.height, image.layout) == (8, 8, .greyAlpha))
      } catch is CodingError {
        refused += 1
      } catch is ContainerError {
        refused += 1
      }
    }
    // Most damage to the alpha plane's PNG is caught by its own checks.
    #expect(refused > variants.count / 2)
  }

  @Test("a damaged alpha stream names the stream")
  func damagedAlpha() throws {
    let model = try TestModels.loaded(width: 8, height: 8)
    let entry = try ImageEncoder.encode(Self.images[2], model: model, quality: 50)
    var streams = try PayloadStreams.split(entry.payload, count: 2)
    streams[1] = Array(streams[1].prefix(20))
    let bytes = try ContainerWriter.single(
      header: entry.header, payload: PayloadStreams.join(streams),
      modelFingerprint: model.entry.fingerprint)
    let error = #expect(throws: CodingError.self) {
      try ImageDecoder.decode(bytes, catalog: ModelCatalog(models: [model.entry]))
    }
    guard case .corruptStream(let stream, _) = error else {
      Issue.record("expected a corrupt stream, got \(String(describing: error))")
      return
    }
    #expect(stream == "alpha")
  }
}
