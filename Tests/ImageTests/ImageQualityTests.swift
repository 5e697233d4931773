import Image
import Testing

@Suite("Image quality measures")
struct ImageQualityTests {
  private func grey(_ samples: [UInt16], width: Int) -> PixelBuffer {
    PixelBuffer(
      width: width, height: samples.count / width, layout: .grey, sampleDepth: .eight,
      samples: samples)
  }

  @Test("MSE and PSNR follow their formulas")
  func handComputed() throws {
    let reference = grey([0, 10, 20, 30], width: 2)
    let distorted = grey([1, 12, 17, 30], width: 2)

    // Squared differences 1, 4, 9, 0: MSE = 14 / 4; PSNR = 10 log10(255^2 / 3.5).
    #expect(try ImageQuality.meanSquaredError(reference, distorted) == 3.5)
    let psnr = try ImageQuality.peakSignalToNoiseRatio(reference, distorted)
    #expect(abs(psnr - 42.690123165176345) <= 1e-12)
  }

  @Test("identical images: MSE 0, PSNR +infinity, SSIM and MS-SSIM 1")
  func identical() throws {
    let image = randomImage(width: 40, height: 30, layout: .rgba, depth: .sixteen, seed: 2)
    #expect(try ImageQuality.meanSquaredError(image, image) == 0)
    #expect(try ImageQuality.peakSignalToNoiseRatio(image, image) == .infinity)
    #expect(abs(try ImageQuality.structuralSimilarity(image, image) - 1) <= 1e-12)
    #expect(abs(try ImageQuality.multiScaleStructuralSimilarity(image, image) - 1) <= 1e-12)
  }

  @Test("SSIM of two flat images is the luminance term alone")
  func flatImages() throws {
    let first = PixelBuffer(width: 16, height: 12, layout: .grey, sampleDepth: .eight, value: 100)
    let second = PixelBuffer(width: 16, height: 12, layout: .grey, sampleDepth: .eight, value: 110)
    // Zero variance makes cs = C2 / C2 = 1, leaving
    // l = (2 * 100 * 110 + C1) / (100^2 + 110^2 + C1) with C1 = (0.01 * 255)^2.
    let ssim = try ImageQuality.structuralSimilarity(first, second)
    #expect(abs(ssim - 0.9954764440915066) <= 1e-12)
  }

  @Test("SSIM is symmetric and below 1 for different images")
  func symmetry() throws {
    let first = randomImage(width: 20, height: 17, layout: .rgb, depth: .eight, seed: 30)
    let second = randomImage(width: 20, height: 17, layout: .rgb, depth: .eight, seed: 31)
    let forward = try ImageQuality.structuralSimilarity(first, second)
    let backward = try ImageQuality.structuralSimilarity(second, first)
    #expect(abs(forward - backward) <= 1e-12)
    #expect(forward < 0.1)
  }

  @Test(
    "images smaller than the window still get an SSIM",
    arguments: [(1, 1), (3, 2), (10, 4), (6, 11)])
  func smallImages(width: Int, height: Int) throws {
    let original = randomImage(width: width, height: height, layout: .grey, depth: .eight, seed: 6)
    let other = randomImage(width: width, height: height, layout: .grey, depth: .eight, seed: 7)

    let ssim = try ImageQuality.structuralSimilarity(original, other)
    let msssim = try ImageQuality.multiScaleStructuralSimilarity(original, other)

    #expect(ssim.isFinite && ssim <= 1 && ssim >= -1)
    #expect(abs(try ImageQuality.structuralSimilarity(original, original) - 1) <= 1e-12)
    // Under 22 pixels on a side there is a single scale, so MS-SSIM is SSIM clamped at 0.
    #expect(abs(msssim - max(ssim, 0)) <= 1e-12)
  }

  @Test(
    "the number of MS-SSIM scales follows the smaller side",
    arguments: [
      (1, 1, 1), (21, 400, 1), (22, 22, 2), (44, 44, 3), (88, 100, 4), (175, 176, 4),
      (176, 176, 5), (4000, 3000, 5),
    ])
  func levelCount(width: Int, height: Int, levels: Int) {
    #expect(ImageQuality.multiScaleLevelCount(width: width, height: height) == levels)
  }

  @Test("anti-correlated structure clamps MS-SSIM to 0")
  func negativeContrastStructure() throws {
    // A checkerboard against its inverse: every window has negative covariance.
    let samples = (0..<(32 * 32)).map { index -> UInt16 in
      let column = index % 32
      let row = index / 32
      return (column / 2 + row / 2) % 2 == 0 ? 0 : 255
    }
    let board = grey(samples, width: 32)
    let inverse = grey(samples.map { 255 - $0 }, width: 32)

    #expect(try ImageQuality.structuralSimilarity(board, inverse) < 0)
    #expect(try ImageQuality.multiScaleStructuralSimilarity(board, inverse) == 0)
  }

  @Test("images of different sizes or layouts are refused")
  func mismatches() {
    let small = PixelBuffer(width: 4, height: 4, layout: .rgb, sampleDepth: .eight, value: 1)
    let wide = PixelBuffer(width: 5, height: 4, layout: .rgb, sampleDepth: .eight, value: 1)
    let alpha = PixelBuffer(width: 4, height: 4, layout: .rgba, sampleDepth: .eight, value: 1)

    #expect(
      throws: ImageQualityError.sizeMismatch(
        referenceWidth: 4, referenceHeight: 4, distortedWidth: 5, distortedHeight: 4)
    ) { try ImageQuality.meanSquaredError(small, wide) }
    #expect(throws: ImageQualityError.layoutMismatch(reference: .rgb, distorted: .rgba)) {
      try ImageQuality.structuralSimilarity(small, alpha)
    }
    #expect(throws: ImageQualityError.self) {
      try ImageQuality.multiScaleStructuralSimilarity(wide, small)
    }
  }
}
