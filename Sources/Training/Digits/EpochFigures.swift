/// What one epoch of training measured.
public struct EpochFigures: Sendable, Codable, Equatable {
  /// The epoch's number, from 1.
  public var epoch: Int
  /// The mean training loss `D + λ R` over the epoch's steps (with noise, not rounding).
  public var trainingLoss: Double
  /// The mean estimated bits per training image (with noise).
  public var trainingBitsPerImage: Double
  /// The validation loss with rounded latents.
  public var validationLoss: Double
  /// The mean entropy-coded payload bits per validation image (0 for a model without rate).
  public var validationBitsPerImage: Double
  /// The mean per-image PSNR in dB of the validation reconstructions.
  public var validationPSNR: Double
}
