import Foundation
import Image
import Testing

/// A layout and depth that the encoder writes directly.
struct EncodeCase: Sendable, CustomTestStringConvertible {
  let layout: PixelBuffer.Layout
  let depth: PixelBuffer.SampleDepth

  var testDescription: String { "\(layout) \(depth.rawValue)-bit" }
}

private let encodeCases: [EncodeCase] = PixelBuffer.Layout.allCases.flatMap { layout in
  PixelBuffer.SampleDepth.allCases.map { EncodeCase(layout: layout, depth: $0) }
}

@Suite("PNG encoding")
struct PNGEncodeTests {
  @Test("8- and 16-bit images of every layout survive encode and decode", arguments: encodeCases)
  func roundTrip(_ kind: EncodeCase) throws {
    // 13 x 7 keeps rows at odd lengths; random samples defeat any accidental pattern.
    let image = randomImage(width: 13, height: 7, layout: kind.layout, depth: kind.depth, seed: 11)
    let bytes = try PNG.encode(image)
    let header = try PNG.readHeader(bytes)
    let decoded = try PNG.decode(bytes)

    #expect(header.bitDepth == kind.depth.rawValue)
    #expect(!header.isInterlaced)
    #expect(decoded == image)
  }

  @Test("low-bit grey is written at its own depth and reads back unchanged", arguments: [1, 2, 4])
  func lowBitRoundTrip(bits: Int) throws {
    // Values on the low-bit grid, as decoding a low-bit PNG produces them.
    let levels = (1 << bits) - 1
    var generator = SeededGenerator(seed: UInt64(bits))
    let samples = (0..<(9 * 5)).map { _ in
      UInt16(Int.random(in: 0...levels, using: &generator) * 255 / levels)
    }
    let image = PixelBuffer(
      width: 9, height: 5, layout: .grey, sampleDepth: .eight, samples: samples,
      sourceBitDepth: bits)

    let bytes = try PNG.encode(image)
    let decoded = try PNG.decode(bytes)

    #expect(try PNG.readHeader(bytes).bitDepth == bits)
    #expect(decoded == image)
  }

  @Test("values off the low-bit grid are rounded to the nearest level")
  func lowBitRequantization() throws {
    let samples: [UInt16] = [0, 42, 43, 127, 128, 212, 213, 255]
    let image = PixelBuffer(
      width: 8, height: 1, layout: .grey, sampleDepth: .eight, samples: samples)

    let decoded = try PNG.decode(PNG.encode(image, options: PNG.EncodeOptions(bitDepth: 2)))

    // 2-bit levels are 0, 85, 170, 255; midpoints fall at 42.5, 127.5 and 212.5.
    #expect(decoded.samples == [0, 0, 85, 85, 170, 170, 255, 255])
    #expect(decoded.sourceBitDepth == 2)
  }

  @Test("16-bit images requantize to 1 bit by rounding")
  func sixteenToOneBit() throws {
    let image = PixelBuffer(
      width: 4, height: 1, layout: .grey, sampleDepth: .sixteen,
      samples: [0, 32767, 32768, 65535])
    let decoded = try PNG.decode(PNG.encode(image, options: PNG.EncodeOptions(bitDepth: 1)))
    #expect(decoded.samples == [0, 0, 255, 255])
  }

  @Test("an explicit depth converts between 8 and 16 bits")
  func explicitDepth() throws {
    let eight = randomImage(width: 6, height: 5, layout: .rgb, depth: .eight, seed: 3)
    let widened = try PNG.decode(PNG.encode(eight, options: PNG.EncodeOptions(bitDepth: 16)))
    #expect(widened.sampleDepth == .sixteen)
    #expect(widened.samples == eight.samples.map { $0 * 257 })

    let sixteen = randomImage(width: 6, height: 5, layout: .rgba, depth: .sixteen, seed: 4)
    let narrowed = try PNG.decode(PNG.encode(sixteen, options: PNG.EncodeOptions(bitDepth: 8)))
    #expect(narrowed.samples == sixteen.converted(to: .eight).samples)
  }

  @Test("every valid fixture re-encodes to the same decoded samples")
  func fixturesReencode() throws {
    for name in try Fixtures.validNames() {
      let image = try PixelBuffer(contentsOfPNG: Fixtures.path(name))
      let decoded = try PNG.decode(PNG.encode(image))
      #expect(decoded.samples == image.samples, "\(name)")
      #expect(decoded.layout == image.layout, "\(name)")
      #expect(decoded.sampleDepth == image.sampleDepth, "\(name)")
    }
  }

  @Test("level 9 compresses a smooth image more than level 0")
  func compressionLevels() throws {
    let samples = (0..<(64 * 64)).map { UInt16(($0 % 64) * 4) }
    let image = PixelBuffer(
      width: 64, height: 64, layout: .grey, sampleDepth: .eight, samples: samples)

    let stored = try PNG.encode(image, options: PNG.EncodeOptions(compressionLevel: 0))
    let smallest = try PNG.encode(image, options: .smallest)

    #expect(smallest.count < stored.count / 4)
    #expect(try PNG.decode(stored) == PNG.decode(smallest))
  }

  @Test(
    "unsupported depths are refused",
    arguments: [(PixelBuffer.Layout.rgb, 4), (.greyAlpha, 2), (.grey, 3), (.rgba, 32)])
  func unsupportedDepth(layout: PixelBuffer.Layout, bits: Int) {
    let image = PixelBuffer(width: 2, height: 2, layout: layout, sampleDepth: .eight, value: 9)
    #expect(throws: PNGError.unsupportedBitDepth(bitDepth: bits, layout: layout)) {
      try PNG.encode(image, options: PNG.EncodeOptions(bitDepth: bits))
    }
  }

  @Test("a written file reads back through the file helpers")
  func fileRoundTrip() throws {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("round trip.png").path
    let image = randomImage(width: 10, height: 3, layout: .rgba, depth: .sixteen, seed: 21)

    try image.writePNG(to: path, options: .smallest)

    #expect(try PixelBuffer(contentsOfPNG: path) == image)
  }
}
