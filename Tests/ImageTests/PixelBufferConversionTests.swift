import Image
import Testing

@Suite("PixelBuffer conversions")
struct PixelBufferConversionTests {
  @Test("float planes are channel-first and scaled to [0, 1]")
  func floatPlaneLayout() {
    // Two RGB pixels: (0, 51, 255) and (255, 102, 0).
    let image = PixelBuffer(
      width: 2, height: 1, layout: .rgb, sampleDepth: .eight, samples: [0, 51, 255, 255, 102, 0])
    #expect(image.floatPlanes() == [0, 1, 0.2, 0.4, 1, 0])
  }

  @Test(
    "float planes round-trip every layout and depth exactly",
    arguments: PixelBuffer.Layout.allCases, PixelBuffer.SampleDepth.allCases)
  func floatRoundTrip(layout: PixelBuffer.Layout, depth: PixelBuffer.SampleDepth) {
    let image = randomImage(width: 7, height: 6, layout: layout, depth: depth, seed: 5)
    let rebuilt = PixelBuffer(
      floatPlanes: image.floatPlanes(), width: 7, height: 6, layout: layout, sampleDepth: depth)
    #expect(rebuilt == image)
  }

  @Test("quantizing floats clamps, rounds and maps NaN to 0")
  func floatQuantization() {
    let planes: [Float] = [-0.5, 0, 0.5 / 255, 0.49 / 255, 1, 7, .nan, .infinity]
    let image = PixelBuffer(
      floatPlanes: planes, width: 8, height: 1, layout: .grey, sampleDepth: .eight)
    #expect(image.samples == [0, 0, 1, 0, 255, 255, 0, 255])
  }

  @Test("16 to 8 bits rounds to nearest and 8 to 16 multiplies by 257")
  func depthConversion() {
    let sixteen = PixelBuffer(
      width: 6, height: 1, layout: .grey, sampleDepth: .sixteen,
      samples: [0, 128, 129, 385, 386, 65535])
    // 128 / 257 = 0.498, 129 / 257 = 0.502, 385 / 257 = 1.498, 386 / 257 = 1.502.
    #expect(sixteen.converted(to: .eight).samples == [0, 0, 1, 1, 2, 255])

    let eight = PixelBuffer(
      width: 3, height: 1, layout: .grey, sampleDepth: .eight, samples: [0, 1, 255])
    #expect(eight.converted(to: .sixteen).samples == [0, 257, 65535])
  }

  @Test("every 8-bit value survives expansion to 16 bits and back")
  func depthRoundTrip() {
    let samples = (0...255).map { UInt16($0) }
    let image = PixelBuffer(
      width: 256, height: 1, layout: .grey, sampleDepth: .eight, samples: samples)
    #expect(image.converted(to: .sixteen).converted(to: .eight) == image)
  }

  @Test("depth conversion keeps the smaller source depth")
  func sourceDepthTracking() {
    let lowBit = PixelBuffer(
      width: 1, height: 1, layout: .grey, sampleDepth: .eight, samples: [85], sourceBitDepth: 2)
    #expect(lowBit.converted(to: .sixteen).sourceBitDepth == 2)
    #expect(lowBit.converted(to: .sixteen).preferredPNGBitDepth == 2)

    let deep = PixelBuffer(width: 1, height: 1, layout: .rgb, sampleDepth: .sixteen, value: 9)
    #expect(deep.converted(to: .eight).sourceBitDepth == 8)
  }

  @Test("alpha is stripped, extracted and attached")
  func alphaChannel() {
    let rgba = PixelBuffer(
      width: 2, height: 1, layout: .rgba, sampleDepth: .eight,
      samples: [1, 2, 3, 40, 5, 6, 7, 80])

    #expect(rgba.alphaPlane() == [40, 80])
    #expect(rgba.removingAlpha().layout == .rgb)
    #expect(rgba.removingAlpha().samples == [1, 2, 3, 5, 6, 7])
    #expect(rgba.removingAlpha().addingAlpha([40, 80]) == rgba)
    #expect(rgba.removingAlpha().addingAlpha().samples == [1, 2, 3, 255, 5, 6, 7, 255])
    #expect(rgba.removingAlpha().alphaPlane() == nil)
  }

  @Test("grey replicates into RGB and RGB reduces with BT.601 weights")
  func colourModels() {
    let greyAlpha = PixelBuffer(
      width: 2, height: 1, layout: .greyAlpha, sampleDepth: .eight, samples: [10, 200, 90, 255])
    #expect(greyAlpha.convertedToRGB().layout == .rgba)
    #expect(greyAlpha.convertedToRGB().samples == [10, 10, 10, 200, 90, 90, 90, 255])
    #expect(greyAlpha.convertedToRGB().convertedToGrey() == greyAlpha)

    // 0.299 * 255 = 76.245, 0.587 * 255 = 149.685, 0.114 * 255 = 29.07.
    let primaries = PixelBuffer(
      width: 3, height: 1, layout: .rgb, sampleDepth: .eight,
      samples: [255, 0, 0, 0, 255, 0, 0, 0, 255])
    #expect(primaries.convertedToGrey().samples == [76, 150, 29])
  }

  @Test("the subscript addresses interleaved row-major samples")
  func subscriptLayout() {
    var image = PixelBuffer(width: 3, height: 2, layout: .greyAlpha, sampleDepth: .eight, value: 0)
    image[2, 1, 1] = 77
    #expect(image.samples[(1 * 3 + 2) * 2 + 1] == 77)
    #expect(image[2, 1, 1] == 77)
  }
}
