/// The figures of one training step, averaged over the batch.
public struct PhotoStepFigures: Sendable, Equatable {
  /// The loss minimised, `λ · 255² · MSE + bits per pixel`.
  public var loss: Double
  /// The mean squared error per RGB sample, on the [0, 1] scale.
  public var meanSquaredError: Double
  /// The estimated bits per pixel of `y` and `z` together (with noise, not rounding).
  public var bitsPerPixel: Double
  /// The part of ``bitsPerPixel`` spent on `z`.
  public var hyperLatentBitsPerPixel: Double
}
