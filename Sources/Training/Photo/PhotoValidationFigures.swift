/// What one validation measured, with the training figures of the steps before it.
public struct PhotoValidationFigures: Sendable, Codable, Equatable {
  /// The optimizer steps taken when the validation ran.
  public var step: Int
  /// The mean training loss since the previous validation (with noise, not rounding).
  public var trainingLoss: Double
  /// The mean estimated training bits per pixel since the previous validation.
  public var trainingBitsPerPixel: Double
  /// The validation figures, one per rate point.
  public var ratePoints: [PhotoRatePointFigures]
}
