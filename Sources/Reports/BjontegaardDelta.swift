/// The Bjøntegaard delta metrics of a test curve against an anchor curve.
public struct BjontegaardDelta: Sendable, Hashable, Codable {
  /// BD-rate: the average change in rate at equal quality, in percent of the anchor's rate.
  /// Negative means the test codec needs fewer bits; -20 means 20 % fewer.
  public var ratePercent: Double
  /// BD-PSNR: the average change in quality at equal rate, in the quality's unit (dB for
  /// PSNR). Positive means the test codec is better.
  public var qualityDelta: Double
  /// The quality interval both curves cover, over which the rate difference is averaged.
  public var qualityInterval: ClosedRange<Double>
  /// The rate interval both curves cover, over which the quality difference is averaged.
  public var rateInterval: ClosedRange<Double>

  /// Creates a result.
  public init(
    ratePercent: Double, qualityDelta: Double, qualityInterval: ClosedRange<Double>,
    rateInterval: ClosedRange<Double>
  ) {
    self.ratePercent = ratePercent
    self.qualityDelta = qualityDelta
    self.qualityInterval = qualityInterval
    self.rateInterval = rateInterval
  }
}
