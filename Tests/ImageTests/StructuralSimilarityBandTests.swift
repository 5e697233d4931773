import Testing

@testable import Image

@Suite("SSIM in bands")
struct StructuralSimilarityBandTests {
  /// Bands of window positions give the mean the whole plane gives, for heights that end on
  /// a band boundary, just after one and inside one.
  @Test(arguments: [(width: 37, height: 138), (width: 20, height: 139), (width: 16, height: 300)])
  func bandsAgreeWithTheWholePlane(width: Int, height: Int) throws {
    let count = width * height * 3
    let reference = PixelBuffer(
      width: width, height: height, layout: .rgb, sampleDepth: .eight,
      samples: (0..<count).map { UInt16(($0 * 37 + $0 / 7) % 256) })
    let distorted = PixelBuffer(
      width: width, height: height, layout: .rgb, sampleDepth: .eight,
      samples: reference.samples.enumerated().map { index, value in
        UInt16(min(255, Int(value) + (index * 13) % 9))
      })
    let banded = try ImageQuality.structuralSimilarity(reference, distorted)
    let planes = (ImageQuality.eightBitPlanes(reference), ImageQuality.eightBitPlanes(distorted))
    let whole =
      (0..<3).map { channel in
        StructuralSimilarityKernel.statistics(
          planes.0[channel], planes.1[channel], width: width, height: height
        ).similarity
      }.reduce(0, +) / 3
    #expect(height > ImageQuality.structuralSimilarityBandRows)
    #expect(abs(banded - whole) < 1e-12, "banded \(banded), whole \(whole)")
  }
}
