import Codec
import Decoder
import Image
import Models
import NumericCore
import Testing

/// The bit depth the decoder must write back: the source's, except that depths below 8
/// (low-bit grey, or a palette's index depth) become 8 once the image has colour or alpha.
private func expectedBitDepth(_ decoded: PixelBuffer.Layout, source: PixelBuffer) -> Int {
  decoded == .grey && !source.sourceIsPalette
    ? source.sourceBitDepth : max(8, source.sourceBitDepth)
}

/// The PNG colour type a layout is written as.
private func colourType(_ layout: PixelBuffer.Layout) -> PNG.Header.ColourType {
  switch layout {
  case .grey: return .grey
  case .greyAlpha: return .greyAlpha
  case .rgb: return .rgb
  case .rgba: return .rgba
  }
}

/// What `model` reconstructs from `image`: its colour reduced to 8-bit grey, coded, decoded
/// and laid out again in the image's colour layout and sample depth.
private func modelReconstruction(of image: PixelBuffer, model: LoadedModel) -> PixelBuffer {
  guard case .factorized(let network, _, _) = model.codec else {
    preconditionFailure("the test models are factorized codecs")
  }
  let colour = image.removingAlpha()
  let grey = colour.convertedToGrey().converted(to: .eight).floatPlanes()
  let input = Tensor(shape: [1, 1, image.height, image.width], scalars: grey)
  let plane = network.reconstruct(latents: network.quantizedLatents(of: input), count: 1).scalars
  let planes = colour.layout == .rgb ? plane + plane + plane : plane
  return PixelBuffer(
    floatPlanes: planes, width: image.width, height: image.height, layout: colour.layout,
    sampleDepth: image.sampleDepth)
}

@Suite("Every PNG kind through the codec")
struct FixtureRoundTripTests {
  @Test("the fixtures cover every PNG kind")
  func coverage() {
    let names = PNGFixtures.validNames
    for kind in [
      "grey1", "grey2", "grey4", "grey8", "grey16", "grey_alpha8", "grey_alpha16", "rgb8",
      "rgb16", "rgba8", "rgba16", "palette1", "palette2", "palette4", "palette8",
      "palette2_trns", "palette8_trns", "interlaced_rgb8", "interlaced_palette4_trns",
    ] {
      #expect(names.contains("\(kind).png"), "\(kind)")
    }
  }

  @Test(
    "geometry, layout, bit depth and exact alpha come back", arguments: PNGFixtures.validNames)
  func keepsFormat(name: String) throws {
    let input = try PNGFixtures.input(name)
    let original = input.image
    let model = try TestModels.loaded(width: original.width, height: original.height)
    let session = try CompressionSession(
      inputs: [input], model: model, quality: 60, alpha: .keep, storeNames: false)

    // Decoded as `aez decompress` does: from the bytes, finding the model in a catalog.
    let catalog = ModelCatalog(models: [model.entry])
    let decoded = try ImageDecoder.decode(session.fileBytes, catalog: catalog)
    try #require(decoded.count == 1)
    let image = decoded[0].image
    #expect(image == session.decoded[0])
    #expect(decoded[0].name == nil)
    #expect((image.width, image.height) == (original.width, original.height))
    #expect(image.layout == original.layout)
    #expect(image.sampleDepth == original.sampleDepth)
    let depth = expectedBitDepth(image.layout, source: original)
    #expect(image.sourceBitDepth == depth)
    #expect(image.alphaPlane() == original.alphaPlane())
    let reconstruction = modelReconstruction(of: original, model: model)
    #expect(image.removingAlpha().samples == reconstruction.samples)

    // The PNG written back has that depth and colour type, and low-bit grey holds only
    // the levels of its depth.
    let png = try PNG.encode(image)
    let header = try PNG.readHeader(png)
    #expect(header.bitDepth == depth)
    #expect(header.colourType == colourType(original.layout))
    let reread = try PNG.decode(png)
    #expect(reread.alphaPlane() == original.alphaPlane())
    if depth < 8 {
      let step = UInt16(255 / ((1 << depth) - 1))
      #expect(reread.samples.allSatisfy { $0 % step == 0 })
    }
  }

  @Test(
    "with alpha dropped, the colour comes back without it, at its own depth",
    arguments: PNGFixtures.validNames.filter {
      $0.contains("alpha") || $0.contains("trns") || $0.contains("rgba")
    })
  func dropsAlpha(name: String) throws {
    let input = try PNGFixtures.input(name)
    let original = input.image
    try #require(original.layout.hasAlpha)
    let model = try TestModels.loaded(width: original.width, height: original.height)
    let session = try CompressionSession(
      inputs: [input], model: model, quality: 60, alpha: .drop, storeNames: false)
    let file = try ContainerFile.read(session.fileBytes, modelFingerprint: model.entry.fingerprint)
    #expect(file.entries[0].header.pixelFormat.alpha == .dropped)

    let image = session.decoded[0]
    #expect(image.layout == original.layout.withoutAlpha)
    #expect(image.sourceBitDepth == expectedBitDepth(image.layout, source: original))
    #expect(image.samples == modelReconstruction(of: original, model: model).samples)
  }

  @Test("the report describes the input and the file", arguments: ["grey8.png", "rgba16.png"])
  func report(name: String) throws {
    let input = try PNGFixtures.input(name)
    let original = input.image
    let model = try TestModels.loaded(width: original.width, height: original.height)
    let session = try CompressionSession(
      inputs: [input], model: model, quality: 42.5, alpha: .keep, storeNames: false)
    let report = session.reports[0]
    let bytesPerSample = original.sampleDepth == .sixteen ? 2 : 1
    let pixels = original.width * original.height
    #expect(report.file == input.path)
    #expect((report.width, report.height) == (original.width, original.height))
    #expect(report.channels == original.channelCount)
    #expect(report.bitDepth == original.sourceBitDepth)
    #expect(report.pngBytes == input.pngBytes)
    #expect(report.rawBytes == pixels * original.channelCount * bytesPerSample)
    // One image carries the whole file: payload plus every header and check byte.
    #expect(report.aezBytes == Double(session.fileBytes.count))
    #expect(report.bpp == Double(session.fileBytes.count * 8) / Double(pixels))
    #expect(report.ratioRaw == Double(report.rawBytes) / report.aezBytes)
    #expect(report.quality == 42.5)
    #expect(report.model == model.entry.name)

    // MSE on the 0-255 scale, over the colour samples.
    let reference = original.removingAlpha()
    let reconstruction = session.decoded[0].removingAlpha()
    let maximum = Double(original.sampleDepth.maximumValue)
    var sum = 0.0
    for (a, b) in zip(reference.samples, reconstruction.samples) {
      let difference = (Double(a) - Double(b)) * 255 / maximum
      sum += difference * difference
    }
    let mse = sum / Double(reference.samples.count)
    #expect(abs(report.mse - mse) <= 1e-9 * max(1, mse), "\(report.mse) vs \(mse)")
    #expect(report.psnr <= 100)
    #expect(report.ssim <= 1)

    #expect(session.summary.images == 1)
    #expect(session.summary.aezBytes == session.fileBytes.count)
    #expect(session.summary.quality == 42.5)
  }
}
