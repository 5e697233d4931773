import Foundation

/// Bjøntegaard delta rate and quality between two rate-distortion curves, by the original
/// cubic-polynomial method (G. Bjøntegaard, "Calculation of average PSNR differences between
/// RD-curves", ITU-T VCEG-M33, 2001).
///
/// BD-rate: for each curve fit the natural log of the rate as a cubic in the quality,
/// `ln R(q) ≈ c₀ + c₁q + c₂q² + c₃q³`, by least squares (exact interpolation for four
/// points). Average both fits over the quality interval the two curves share,
/// `Δ = (1 / (q₁ - q₀)) ∫ (ln R_test(q) - ln R_anchor(q)) dq`, and report `(e^Δ - 1) × 100 %`.
/// BD-PSNR swaps the roles: quality as a cubic in ln R, averaged over the shared interval of
/// ln R. The logarithm's base does not change either result.
///
/// This is the method of the original proposal, chosen over the piecewise cubic (PCHIP)
/// variant of the later common test conditions because it is a single closed-form integral
/// with no interpolation choices. Limitation: a cubic through non-monotonic or unevenly
/// spread points can overshoot between them, which distorts the delta; PCHIP is more robust
/// there. Four to six roughly evenly spaced points per curve, as usual, keep the fits sound.
public enum Bjontegaard {
  /// The fewest points per curve that determine the cubic fit.
  public static let minimumPointCount = 4

  /// Computes BD-rate and BD-quality of `test` against `anchor` from parallel arrays.
  ///
  /// - Parameters:
  ///   - anchorRates: Rates of the reference codec (any positive unit, the same for both
  ///     curves, for example bits per pixel).
  ///   - anchorQualities: Qualities of the reference codec (for example PSNR in dB).
  ///   - testRates: Rates of the codec under test.
  ///   - testQualities: Qualities of the codec under test.
  /// - Throws: `BjontegaardError` for fewer than four points, fewer than four distinct values,
  ///   non-positive rates, non-finite values, or curves that do not overlap.
  public static func delta(
    anchorRates: [Double], anchorQualities: [Double], testRates: [Double],
    testQualities: [Double]
  ) throws -> BjontegaardDelta {
    precondition(anchorRates.count == anchorQualities.count, "anchor arrays differ in length")
    precondition(testRates.count == testQualities.count, "test arrays differ in length")
    try validate(anchorRates, anchorQualities, curve: "anchor")
    try validate(testRates, testQualities, curve: "test")

    let anchorLogRates = anchorRates.map { log($0) }
    let testLogRates = testRates.map { log($0) }

    let qualityInterval = try overlap(anchorQualities, testQualities, axis: "quality")
    let anchorLogRateFit = try CubicFit(
      x: anchorQualities, y: anchorLogRates, curve: "anchor",
      axis: "quality")
    let testLogRateFit = try CubicFit(
      x: testQualities, y: testLogRates, curve: "test",
      axis: "quality")
    let logRateDifference =
      testLogRateFit.average(over: qualityInterval)
      - anchorLogRateFit.average(over: qualityInterval)

    let logRateInterval = try overlap(anchorLogRates, testLogRates, axis: "rate")
    let anchorQualityFit = try CubicFit(
      x: anchorLogRates, y: anchorQualities, curve: "anchor",
      axis: "rate")
    let testQualityFit = try CubicFit(
      x: testLogRates, y: testQualities, curve: "test",
      axis: "rate")
    let qualityDifference =
      testQualityFit.average(over: logRateInterval)
      - anchorQualityFit.average(over: logRateInterval)

    return BjontegaardDelta(
      ratePercent: (exp(logRateDifference) - 1) * 100, qualityDelta: qualityDifference,
      qualityInterval: qualityInterval,
      rateInterval: exp(logRateInterval.lowerBound)...exp(logRateInterval.upperBound))
  }

  /// Computes BD-rate (bits per pixel) and BD-PSNR of `test` against `anchor`.
  ///
  /// - Throws: `BjontegaardError`, as the array form of `delta` does.
  public static func delta(
    anchor: RateDistortionCurve, test: RateDistortionCurve
  ) throws -> BjontegaardDelta {
    try delta(
      anchorRates: anchor.points.map(\.bitsPerPixel), anchorQualities: anchor.points.map(\.psnr),
      testRates: test.points.map(\.bitsPerPixel), testQualities: test.points.map(\.psnr))
  }

  private static func validate(_ rates: [Double], _ qualities: [Double], curve: String) throws {
    guard rates.count >= minimumPointCount else {
      throw BjontegaardError.tooFewPoints(curve: curve, count: rates.count)
    }
    for (rate, quality) in zip(rates, qualities)
    where !(rate > 0) || !rate.isFinite || !quality.isFinite {
      throw BjontegaardError.invalidPoint(curve: curve, rate: rate, quality: quality)
    }
  }

  /// The interval both value sets cover: `max(min a, min b)...min(max a, max b)`.
  private static func overlap(
    _ anchor: [Double], _ test: [Double], axis: String
  ) throws -> ClosedRange<Double> {
    // Both arrays hold at least four finite values here, so min and max exist.
    let anchorRange = (anchor.min() ?? 0)...(anchor.max() ?? 0)
    let testRange = (test.min() ?? 0)...(test.max() ?? 0)
    let low = max(anchorRange.lowerBound, testRange.lowerBound)
    let high = min(anchorRange.upperBound, testRange.upperBound)
    guard low < high else {
      if axis == "rate" {
        throw BjontegaardError.noOverlap(
          axis: axis, anchor: exp(anchorRange.lowerBound)...exp(anchorRange.upperBound),
          test: exp(testRange.lowerBound)...exp(testRange.upperBound))
      }
      throw BjontegaardError.noOverlap(axis: axis, anchor: anchorRange, test: testRange)
    }
    return low...high
  }
}
