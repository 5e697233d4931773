#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Full-reference image-quality measures: MSE, PSNR, SSIM and MS-SSIM.
///
/// Conventions shared by every measure:
/// - Scale: samples are compared on the 8-bit scale as `Double`s in `[0, 255]`: 8-bit samples as
///   they are, 16-bit samples divided by 257 (so 65535 maps to 255 and `v * 257` maps back to
///   `v` exactly). An 8-bit and a 16-bit image can therefore be compared directly.
/// - Channels: every channel of the layout counts, alpha included; strip alpha first
///   (`PixelBuffer.removingAlpha()`) to compare colour only. Multi-channel SSIM and MS-SSIM are
///   the mean of the per-channel values.
/// - Shapes: both images must have the same width, height and layout, otherwise the measure
///   throws `ImageQualityError`.
public enum ImageQuality {
  /// The peak sample value on the comparison scale.
  public static let peakValue = 255.0

  /// Mean squared error over all samples, on the 8-bit scale.
  ///
  /// Formula: `MSE = (1 / N) * sum((a_i - b_i)^2)` over the `N = width * height * channels`
  /// samples, each scaled to `[0, 255]`.
  ///
  /// - Parameters:
  ///   - reference: the original image.
  ///   - distorted: the image to assess, same size and layout.
  /// - Throws: `ImageQualityError` when the shapes differ.
  /// - Complexity: O(samples).
  public static func meanSquaredError(_ reference: PixelBuffer, _ distorted: PixelBuffer)
    throws -> Double
  {
    try checkComparable(reference, distorted)
    let referenceScale = scaleToEightBit(reference.sampleDepth)
    let distortedScale = scaleToEightBit(distorted.sampleDepth)
    var sum = 0.0
    for index in reference.samples.indices {
      let difference =
        Double(reference.samples[index]) * referenceScale
        - Double(distorted.samples[index]) * distortedScale
      sum += difference * difference
    }
    return sum / Double(reference.samples.count)
  }

  /// Peak signal-to-noise ratio in decibels, on the 8-bit scale.
  ///
  /// Formula: `PSNR = 10 * log10(255^2 / MSE)`. Identical images (MSE 0) give `+infinity`: no
  /// cap is applied, so the value is never mistaken for a finite measurement; printers should
  /// show it as `inf`.
  ///
  /// - Parameters:
  ///   - reference: the original image.
  ///   - distorted: the image to assess, same size and layout.
  /// - Throws: `ImageQualityError` when the shapes differ.
  /// - Complexity: O(samples).
  public static func peakSignalToNoiseRatio(_ reference: PixelBuffer, _ distorted: PixelBuffer)
    throws -> Double
  {
    peakSignalToNoiseRatio(meanSquaredError: try meanSquaredError(reference, distorted))
  }

  /// Peak signal-to-noise ratio in decibels for a mean squared error on the 8-bit scale.
  ///
  /// - Parameter meanSquaredError: the MSE, at least 0.
  /// - Returns: `10 * log10(255^2 / meanSquaredError)`, or `+infinity` when it is 0.
  public static func peakSignalToNoiseRatio(meanSquaredError: Double) -> Double {
    precondition(meanSquaredError >= 0, "a mean squared error is never negative")
    if meanSquaredError == 0 {
      return .infinity
    }
    return 10 * log10(peakValue * peakValue / meanSquaredError)
  }

  /// Throws unless both images have the same size and layout.
  static func checkComparable(_ reference: PixelBuffer, _ distorted: PixelBuffer) throws {
    guard reference.width == distorted.width && reference.height == distorted.height else {
      throw ImageQualityError.sizeMismatch(
        referenceWidth: reference.width, referenceHeight: reference.height,
        distortedWidth: distorted.width, distortedHeight: distorted.height)
    }
    guard reference.layout == distorted.layout else {
      throw ImageQualityError.layoutMismatch(
        reference: reference.layout, distorted: distorted.layout)
    }
  }

  /// Factor that maps a stored sample onto `[0, 255]`.
  static func scaleToEightBit(_ depth: PixelBuffer.SampleDepth) -> Double {
    depth == .eight ? 1 : 1 / 257
  }

  /// One row-major plane per channel, on the 8-bit scale.
  static func eightBitPlanes(_ image: PixelBuffer) -> [[Double]] {
    let channels = image.channelCount
    let scale = scaleToEightBit(image.sampleDepth)
    return (0..<channels).map { channel in
      (0..<image.pixelCount).map { Double(image.samples[$0 * channels + channel]) * scale }
    }
  }
}
