import Image
import Testing

/// One valid fixture and everything its decode must produce.
struct DecodeCase: Sendable, CustomTestStringConvertible {
  /// How the fixture's samples map to decoded samples.
  enum Content: Sendable {
    /// Samples straight from the formula at the source depth (low-bit grey scaled to 8 bits).
    case direct
    /// Palette indices into `size` entries; the first `transparentEntries` carry tRNS alpha.
    case palette(size: Int, transparentEntries: Int?)
    /// Grey with a tRNS key (at the source depth).
    case greyKey(Int)
    /// RGB with a tRNS key colour taken from pixel (2, 1).
    case rgbKey
  }

  let file: String
  let width: Int
  let height: Int
  let layout: PixelBuffer.Layout
  let sampleDepth: PixelBuffer.SampleDepth
  let sourceBitDepth: Int
  let colourType: PNG.Header.ColourType
  let interlaced: Bool
  let content: Content

  var testDescription: String { file }

  /// Whether the fixture has a tRNS chunk, which decoding turns into an alpha channel.
  var usesTransparencyChunk: Bool {
    switch content {
    case .direct: false
    case .palette(_, let transparentEntries): transparentEntries != nil
    case .greyKey, .rgbKey: true
    }
  }

  /// The decoded samples the fixture must produce, interleaved and row-major.
  func expectedSamples() -> [UInt16] {
    var samples = [UInt16]()
    for y in 0..<height {
      for x in 0..<width {
        samples.append(contentsOf: expectedPixel(x: x, y: y).map { UInt16($0) })
      }
    }
    return samples
  }

  private func expectedPixel(x: Int, y: Int) -> [Int] {
    let levels = 1 << sourceBitDepth
    let maximum = Int(sampleDepth.maximumValue)
    // Low-bit grey is scaled by 255 / (2^depth - 1), an integer factor for 1, 2 and 4 bits.
    func stored(_ raw: Int) -> Int { sourceBitDepth < 8 ? raw * 255 / (levels - 1) : raw }
    switch content {
    case .direct:
      return (0..<layout.channelCount).map {
        stored(FixtureFormula.sample(x: x, y: y, channel: $0, levels: levels))
      }
    case .palette(let size, let transparentEntries):
      let index = FixtureFormula.sample(x: x, y: y, channel: 0, levels: size)
      var pixel = FixtureFormula.paletteEntry(index)
      if let transparentEntries {
        pixel.append(index < transparentEntries ? FixtureFormula.paletteAlpha(index) : 255)
      }
      return pixel
    case .greyKey(let key):
      let raw = FixtureFormula.sample(x: x, y: y, channel: 0, levels: levels)
      return [stored(raw), raw == key ? 0 : maximum]
    case .rgbKey:
      let rgb = (0..<3).map { FixtureFormula.sample(x: x, y: y, channel: $0, levels: 256) }
      let key = (0..<3).map { FixtureFormula.sample(x: 2, y: 1, channel: $0, levels: 256) }
      return rgb + [rgb == key ? 0 : 255]
    }
  }
}

private let decodeCases: [DecodeCase] = [
  DecodeCase(
    file: "grey1.png", width: 7, height: 5, layout: .grey, sampleDepth: .eight,
    sourceBitDepth: 1, colourType: .grey, interlaced: false, content: .direct),
  DecodeCase(
    file: "grey2.png", width: 7, height: 5, layout: .grey, sampleDepth: .eight,
    sourceBitDepth: 2, colourType: .grey, interlaced: false, content: .direct),
  DecodeCase(
    file: "grey4.png", width: 7, height: 5, layout: .grey, sampleDepth: .eight,
    sourceBitDepth: 4, colourType: .grey, interlaced: false, content: .direct),
  DecodeCase(
    file: "grey8.png", width: 7, height: 5, layout: .grey, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .grey, interlaced: false, content: .direct),
  DecodeCase(
    file: "grey16.png", width: 7, height: 5, layout: .grey, sampleDepth: .sixteen,
    sourceBitDepth: 16, colourType: .grey, interlaced: false, content: .direct),
  DecodeCase(
    file: "grey_alpha8.png", width: 6, height: 4, layout: .greyAlpha, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .greyAlpha, interlaced: false, content: .direct),
  DecodeCase(
    file: "grey_alpha16.png", width: 6, height: 4, layout: .greyAlpha, sampleDepth: .sixteen,
    sourceBitDepth: 16, colourType: .greyAlpha, interlaced: false, content: .direct),
  DecodeCase(
    file: "rgb8.png", width: 5, height: 4, layout: .rgb, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .rgb, interlaced: false, content: .direct),
  // Carries gAMA, sBIT and tEXt: the samples must still come out exactly as stored.
  DecodeCase(
    file: "rgb16.png", width: 5, height: 4, layout: .rgb, sampleDepth: .sixteen,
    sourceBitDepth: 16, colourType: .rgb, interlaced: false, content: .direct),
  // Its image data is split over several IDAT chunks.
  DecodeCase(
    file: "rgba8.png", width: 5, height: 4, layout: .rgba, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .rgba, interlaced: false, content: .direct),
  DecodeCase(
    file: "rgba16.png", width: 5, height: 4, layout: .rgba, sampleDepth: .sixteen,
    sourceBitDepth: 16, colourType: .rgba, interlaced: false, content: .direct),
  DecodeCase(
    file: "palette1.png", width: 9, height: 3, layout: .rgb, sampleDepth: .eight,
    sourceBitDepth: 1, colourType: .palette, interlaced: false,
    content: .palette(size: 2, transparentEntries: nil)),
  DecodeCase(
    file: "palette2.png", width: 9, height: 3, layout: .rgb, sampleDepth: .eight,
    sourceBitDepth: 2, colourType: .palette, interlaced: false,
    content: .palette(size: 4, transparentEntries: nil)),
  DecodeCase(
    file: "palette4.png", width: 9, height: 3, layout: .rgb, sampleDepth: .eight,
    sourceBitDepth: 4, colourType: .palette, interlaced: false,
    content: .palette(size: 16, transparentEntries: nil)),
  DecodeCase(
    file: "palette8.png", width: 9, height: 3, layout: .rgb, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .palette, interlaced: false,
    content: .palette(size: 200, transparentEntries: nil)),
  DecodeCase(
    file: "palette2_trns.png", width: 9, height: 3, layout: .rgba, sampleDepth: .eight,
    sourceBitDepth: 2, colourType: .palette, interlaced: false,
    content: .palette(size: 4, transparentEntries: 3)),
  DecodeCase(
    file: "palette8_trns.png", width: 9, height: 3, layout: .rgba, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .palette, interlaced: false,
    content: .palette(size: 200, transparentEntries: 100)),
  DecodeCase(
    file: "grey2_trns.png", width: 7, height: 5, layout: .greyAlpha, sampleDepth: .eight,
    sourceBitDepth: 2, colourType: .grey, interlaced: false, content: .greyKey(1)),
  DecodeCase(
    file: "grey8_trns.png", width: 7, height: 5, layout: .greyAlpha, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .grey, interlaced: false,
    content: .greyKey(FixtureFormula.sample(x: 1, y: 1, channel: 0, levels: 256))),
  DecodeCase(
    file: "grey16_trns.png", width: 7, height: 5, layout: .greyAlpha, sampleDepth: .sixteen,
    sourceBitDepth: 16, colourType: .grey, interlaced: false,
    content: .greyKey(FixtureFormula.sample(x: 2, y: 1, channel: 0, levels: 65536))),
  DecodeCase(
    file: "rgb8_trns.png", width: 5, height: 4, layout: .rgba, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .rgb, interlaced: false, content: .rgbKey),
  DecodeCase(
    file: "interlaced_grey1.png", width: 13, height: 11, layout: .grey, sampleDepth: .eight,
    sourceBitDepth: 1, colourType: .grey, interlaced: true, content: .direct),
  // Too small for some Adam7 passes, which are then empty.
  DecodeCase(
    file: "interlaced_grey8_3x2.png", width: 3, height: 2, layout: .grey, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .grey, interlaced: true, content: .direct),
  DecodeCase(
    file: "interlaced_rgb8.png", width: 13, height: 11, layout: .rgb, sampleDepth: .eight,
    sourceBitDepth: 8, colourType: .rgb, interlaced: true, content: .direct),
  DecodeCase(
    file: "interlaced_rgba16.png", width: 13, height: 11, layout: .rgba, sampleDepth: .sixteen,
    sourceBitDepth: 16, colourType: .rgba, interlaced: true, content: .direct),
  DecodeCase(
    file: "interlaced_palette4_trns.png", width: 13, height: 11, layout: .rgba,
    sampleDepth: .eight, sourceBitDepth: 4, colourType: .palette, interlaced: true,
    content: .palette(size: 16, transparentEntries: 16)),
]

@Suite("PNG decoding")
struct PNGDecodeTests {
  @Test("every valid fixture has a case in the table")
  func tableCoversFixtures() throws {
    #expect(try Fixtures.validNames() == decodeCases.map(\.file).sorted())
  }

  @Test("decodes geometry, layout, depths and exact samples", arguments: decodeCases)
  func decodesFixture(_ fixture: DecodeCase) throws {
    let image = try PixelBuffer(contentsOfPNG: Fixtures.path(fixture.file))

    #expect(image.width == fixture.width)
    #expect(image.height == fixture.height)
    #expect(image.layout == fixture.layout)
    #expect(image.sampleDepth == fixture.sampleDepth)
    #expect(image.sourceBitDepth == fixture.sourceBitDepth)
    #expect(image.sourceIsPalette == (fixture.colourType == .palette))
    #expect(image.samples == fixture.expectedSamples())
  }

  @Test("reads the header without decoding", arguments: decodeCases)
  func readsHeader(_ fixture: DecodeCase) throws {
    let header = try PNG.readHeader(Fixtures.bytes(fixture.file))

    #expect(header.width == fixture.width && header.height == fixture.height)
    #expect(header.bitDepth == fixture.sourceBitDepth)
    #expect(header.colourType == fixture.colourType)
    #expect(header.isInterlaced == fixture.interlaced)
    #expect(header.decodedLayout == fixture.layout)
    #expect(header.decodedSampleDepth == fixture.sampleDepth)
  }

  @Test(
    "tRNS fixtures decode to partly transparent images",
    arguments: decodeCases.filter(\.usesTransparencyChunk))
  func transparencyIsExercised(_ fixture: DecodeCase) throws {
    let image = try PixelBuffer(contentsOfPNG: Fixtures.path(fixture.file))
    let alpha = try #require(image.alphaPlane())
    #expect(alpha.contains { $0 < fixture.sampleDepth.maximumValue })
  }

  @Test("16-bit samples keep distinct high and low bytes (big-endian order)")
  func sixteenBitByteOrder() throws {
    let image = try PixelBuffer(contentsOfPNG: Fixtures.path("grey16.png"))
    // Pixel (1, 0) is 40503 = 0x9E37; swapped bytes would read 0x379E.
    #expect(image[1, 0, 0] == 0x9E37)
  }

  @Test("1-bit grey decodes to 0 and 255 only")
  func oneBitScaling() throws {
    let image = try PixelBuffer(contentsOfPNG: Fixtures.path("grey1.png"))
    #expect(Set(image.samples) == [0, 255])
  }
}
