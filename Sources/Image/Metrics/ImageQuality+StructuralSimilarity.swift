#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension ImageQuality {
  /// MS-SSIM exponents for scales 1 (full resolution) to 5, from Wang, Simoncelli and Bovik
  /// (2003).
  public static let multiScaleWeights = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333]

  /// Smallest side, in pixels, at which MS-SSIM still evaluates a scale: one full window.
  public static let multiScaleMinimumSide = StructuralSimilarityKernel.windowSize

  /// Structural similarity (Wang, Bovik, Sheikh and Simoncelli 2004), mean over channels.
  ///
  /// Per channel: the mean over all valid window positions of
  /// `l * cs = ((2 mu_x mu_y + C1) (2 sigma_xy + C2)) / ((mu_x^2 + mu_y^2 + C1)
  /// (sigma_x^2 + sigma_y^2 + C2))`, with an 11 x 11 Gaussian window of sigma 1.5,
  /// `C1 = (0.01 * 255)^2`, `C2 = (0.03 * 255)^2`, samples on the 8-bit scale, no padding and
  /// no sample-covariance correction. This equals scikit-image's
  /// `structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
  /// use_sample_covariance=False, data_range=255)` (with `channel_axis=-1` for colour).
  ///
  /// Images narrower or shorter than 11 pixels use a shrunken window along that axis (the
  /// largest odd length that fits, same sigma, renormalised), so any size gives a value.
  ///
  /// - Parameters:
  ///   - reference: the original image.
  ///   - distorted: the image to assess, same size and layout.
  /// - Returns: a value in `[-1, 1]`; 1 for identical images.
  /// - Throws: `ImageQualityError` when the shapes differ.
  /// - Complexity: O(samples * 11).
  public static func structuralSimilarity(_ reference: PixelBuffer, _ distorted: PixelBuffer)
    throws -> Double
  {
    try checkComparable(reference, distorted)
    // Bands of window positions, each with the rows its windows reach, keep memory to a few
    // megabytes per band whatever the image's size; the mean over all positions is the same.
    let width = reference.width
    let windowHeight = StructuralSimilarityKernel.windowExtent(forLength: reference.height)
    let windowWidth = StructuralSimilarityKernel.windowExtent(forLength: width)
    let outputHeight = reference.height - windowHeight + 1
    let positions = Double(outputHeight * (width - windowWidth + 1))
    var total = 0.0
    for channel in 0..<reference.channelCount {
      for bandStart in stride(from: 0, to: outputHeight, by: structuralSimilarityBandRows) {
        let bandRows = Swift.min(structuralSimilarityBandRows, outputHeight - bandStart)
        let rows = bandStart..<(bandStart + bandRows + windowHeight - 1)
        let statistics = StructuralSimilarityKernel.statistics(
          eightBitPlane(reference, channel: channel, rows: rows),
          eightBitPlane(distorted, channel: channel, rows: rows), width: width,
          height: rows.count)
        total += statistics.similarity * Double(bandRows * (width - windowWidth + 1))
      }
    }
    return total / positions / Double(reference.channelCount)
  }

  /// Window positions per band in ``structuralSimilarity(_:_:)``.
  static let structuralSimilarityBandRows = 128

  /// One channel of `rows` of an image as a row-major plane on the 8-bit scale.
  static func eightBitPlane(_ image: PixelBuffer, channel: Int, rows: Range<Int>) -> [Double] {
    let channels = image.channelCount
    let scale = scaleToEightBit(image.sampleDepth)
    let start = rows.lowerBound * image.width
    return (start..<(rows.upperBound * image.width)).map {
      Double(image.samples[$0 * channels + channel]) * scale
    }
  }

  /// Number of MS-SSIM scales evaluated for a `width` x `height` image: the most, up to 5,
  /// whose coarsest level (each level halves both sides, rounding down) still has both sides
  /// at least `multiScaleMinimumSide`; at least 1.
  public static func multiScaleLevelCount(width: Int, height: Int) -> Int {
    var levels = 1
    while levels < multiScaleWeights.count
      && Swift.min(width >> levels, height >> levels) >= multiScaleMinimumSide
    {
      levels += 1
    }
    return levels
  }

  /// Multi-scale structural similarity (Wang, Simoncelli and Bovik 2003), mean over channels.
  ///
  /// Per channel, with `cs_j` the mean contrast-structure term and `SSIM_M` the mean SSIM at
  /// scale `j` (scale 1 is full resolution; each next scale averages 2 x 2 blocks, dropping an
  /// odd last row or column):
  ///
  ///     MS-SSIM = SSIM_M ^ w_M * prod_{j < M} cs_j ^ w_j
  ///
  /// with `w = (0.0448, 0.2856, 0.3001, 0.2363, 0.1333)` and `M = 5`, window and constants as in
  /// `structuralSimilarity`. Negative `cs_j` or `SSIM_M` are clamped to 0 before the power, as
  /// TensorFlow's `tf.image.ssim_multiscale` and pytorch-msssim do; the result is then 0.
  ///
  /// Small images: `M` is `multiScaleLevelCount(width:height:)`, and when it is below 5 the
  /// first `M` weights are divided by their sum so they add up to 1 (an image under 22 pixels
  /// on a side gets `M = 1`, i.e. plain SSIM). With all five scales the published weights are
  /// used as they are (they sum to 1.0001). For sides that stay even down to the last scale
  /// this matches `tf.image.ssim_multiscale(a, b, max_val=255)`; for odd sides TensorFlow
  /// pads symmetrically before averaging where this drops the last row or column.
  ///
  /// - Parameters:
  ///   - reference: the original image.
  ///   - distorted: the image to assess, same size and layout.
  /// - Returns: a value in `[0, 1]`; 1 for identical images.
  /// - Throws: `ImageQualityError` when the shapes differ.
  /// - Complexity: O(samples * 11 * 4 / 3).
  public static func multiScaleStructuralSimilarity(
    _ reference: PixelBuffer, _ distorted: PixelBuffer
  ) throws -> Double {
    try checkComparable(reference, distorted)
    let levels = multiScaleLevelCount(width: reference.width, height: reference.height)
    var weights = Array(multiScaleWeights[0..<levels])
    if levels < multiScaleWeights.count {
      let total = weights.reduce(0, +)
      weights = weights.map { $0 / total }
    }

    let referencePlanes = eightBitPlanes(reference)
    let distortedPlanes = eightBitPlanes(distorted)
    var total = 0.0
    for channel in referencePlanes.indices {
      total += multiScaleValue(
        referencePlanes[channel], distortedPlanes[channel], width: reference.width,
        height: reference.height, weights: weights)
    }
    return total / Double(referencePlanes.count)
  }

  /// MS-SSIM of one plane pair with one weight per scale.
  private static func multiScaleValue(
    _ reference: [Double], _ distorted: [Double], width: Int, height: Int, weights: [Double]
  ) -> Double {
    var reference = reference
    var distorted = distorted
    var width = width
    var height = height
    var product = 1.0
    for (level, weight) in weights.enumerated() {
      let statistics = StructuralSimilarityKernel.statistics(
        reference, distorted, width: width, height: height)
      if level == weights.count - 1 {
        product *= pow(Swift.max(statistics.similarity, 0), weight)
      } else {
        product *= pow(Swift.max(statistics.contrastStructure, 0), weight)
        reference = StructuralSimilarityKernel.downsampled(reference, width: width, height: height)
        distorted = StructuralSimilarityKernel.downsampled(distorted, width: width, height: height)
        width /= 2
        height /= 2
      }
    }
    return product
  }
}
